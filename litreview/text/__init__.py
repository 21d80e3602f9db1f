"""Pure text functions: cleaning, decoding, sections, sentences, citations, names, language."""
