"""Language data: one sub-package per language, holding lexicons as text files."""

SUPPORTED_LANGUAGES = ("de", "en")
