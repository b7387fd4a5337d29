"""Building the pipeline freezes what it loaded out of the cyclic collector's scans
(``gc.freeze``): the models' objects are not rescanned at every full collection."""

import gc

from pipeline import load_nlp


def test_build_freezes_loaded_objects():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    nlp = load_nlp("configs/default.yaml")
    assert gc.get_freeze_count() > 100_000  # the lexicons, gazetteer and vocabularies
    assert [e.label_ for e in nlp("青禾市市长林远航昨日考察了新区。").ents].count("PERSON") == 1
