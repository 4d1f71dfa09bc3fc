"""Learned stages of saidwhat: German NER and a stacked statement tagger.

Models are CRFs (python-crfsuite) shipped in ``saidwhat/models/``; they are
loaded lazily, once, on first use. Retrain with
``python -m saidwhat.lang.de.learn.train ner`` or ``… train quotes``.
"""
