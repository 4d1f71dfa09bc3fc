"""English: cue verbs and patterns as data files."""
