"""English: spaCy's small English parser over the sentences that can hold a statement, dependency rules."""
