"""Review tables: the literature matrix, the theme grid, theme synthesis and evidence, as one Table model."""
