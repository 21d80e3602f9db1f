"""The tagger's version: part of every codebook digest, so a new tagger re-tags every paper.

It lives apart from both the tagger and the codebook, which each read it.
"""

TAGGER_VERSION = "7"  # 2: salience-weighted evidence, length-scaled bar, discussed/mentioned levels
# 3: sentences glued at a stop in PDF text ("luas.Melihat", "luas.2 Melihat") are split
# 4: a sentence ending on a generation's letter ("... Generasi Z. Mereka ...") ends there
# 5: a phrase term's word that is an affixed form of a one-word term beside it reduces to it ("menjangkau" -> "jangkau")
# 6: each theme reads a sentence on its own: a phrase of one theme no longer hides an overlapping phrase of another
# 7: the political actors of the `actors` facet count as naming the subject (the `context` test)
