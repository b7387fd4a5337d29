"""The statistical tagger: the project's character-level BiLSTM-CRF NER model.

- ``model.py``: inference on onnxruntime and numpy (``CharNER``, Viterbi decoding);
- ``features.py``: the char, bigram and lexicon features and the BIO data helpers,
  shared by inference and training (plain Python and numpy);
- ``train.py`` (``python -m pipeline train configs/train-ner.yaml``), ``embeddings.py``
  (word2vec start vectors), ``augment.py`` (mention replacement) and ``pseudo.py``
  (teacher-tagged raw text): training only, the ``train`` extra.

Nothing is imported here, so that loading the model does not import torch.
"""
