"""Language processing for the comparator: the spaCy pipeline, word normalisation,
phrase matching (`terms`), negation and exception cues (`negation`) and the numbers
statutes state: penalties, ages and durations (`numbers`)."""
