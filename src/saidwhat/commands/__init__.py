"""Sub-commands of the ``saidwhat`` CLI, one module each."""
