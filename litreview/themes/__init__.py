"""Theme coding: the codebook (YAML), the word normaliser and the tagger."""
