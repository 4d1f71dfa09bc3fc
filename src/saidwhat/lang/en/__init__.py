"""English (work in progress): the stance step (``stance.py``); the extractor is being written elsewhere."""
