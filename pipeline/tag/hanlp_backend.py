"""HanLP's pretrained NER as an optional backend (``zhnews.hanlp_ner.v1``).

HanLP's models are downloads (about 50 MB to 400 MB) that this project never fetches at run
time. Users fetch and unpack one themselves and point the config (or ``$HANLP_HOME``) at
it. Everything is checked here *before* ``hanlp.load``, whose downloader would otherwise
retry for about 25 seconds and then fail with a network error.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..config import ConfigError

# The model this backend is written for, and where HanLP publishes it.
DEFAULT_MODEL = "msra_ner_electra_small_20220215_205503"
MODEL_URL = f"https://file.hankcs.com/hanlp/ner/{DEFAULT_MODEL}.zip"


def find_model_dir(path: str | None) -> Path:
    """The unpacked model folder, or a ConfigError saying what to fetch.

    path (str | None): a model folder, or a folder holding it; ``$HANLP_HOME`` when None.
    RETURNS (Path): a folder with HanLP's ``config.json``.
    """
    root = path or os.environ.get("HANLP_HOME")
    how = (f"download {MODEL_URL}, unpack it, and set the stage's backend.path (or "
           f"HANLP_HOME) to the folder that holds {DEFAULT_MODEL}/config.json")
    if not root:
        raise ConfigError(f"HanLP backend: no model path configured and HANLP_HOME unset: {how}")
    root_path = Path(root).expanduser()
    candidates = [root_path, root_path / DEFAULT_MODEL,
                  *sorted(root_path.glob("**/config.json"))[:50]]
    for candidate in candidates:
        folder = candidate.parent if candidate.name == "config.json" else candidate
        if (folder / "config.json").is_file():
            return folder
    raise ConfigError(f"HanLP backend: no HanLP model (config.json) under {root_path}: {how}")


def load_hanlp_ner(path: str | None, task: str = "ner/msra") -> Callable[[list[str]], list]:
    """Load HanLP's NER model from disk as a ``texts -> spans`` function.

    path (str | None): see :func:`find_model_dir`.
    task (str): kept for the config's record (HanLP's NER task name).
    RETURNS (Callable): maps texts to ``(start, end, label)`` character spans.
    """
    folder = find_model_dir(path)
    try:
        import hanlp  # noqa: PLC0415  (optional, heavy: torch)
    except ImportError:
        raise ConfigError("HanLP backend: hanlp is not installed: "
                          "pip install torch==2.13.0 && pip install '.[hanlp]'") from None
    model = hanlp.load(str(folder))

    def predict(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        # Character tokens in, so HanLP's token offsets are character offsets.
        results = model([list(t) for t in texts]) if texts else []
        return [[(b, e, label) for _, label, b, e in spans] for spans in results]

    return predict
