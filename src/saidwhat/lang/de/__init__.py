"""German: cue verbs, pronouns and patterns as data files."""
