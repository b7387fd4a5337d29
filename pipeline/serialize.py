"""Saving and loading the pipeline the spaCy way: ``nlp.to_disk`` / ``spacy.load`` /
``nlp.to_bytes`` / ``nlp.from_bytes`` and ``pickle``.

spaCy saves ``config.cfg`` (the tokenizer, every component and its settings) and calls
each component's own ``to_disk``. The components with data get theirs from the mixins
here, so that a saved pipeline is self-contained:

- ``zh_char_ner``: :class:`BackendSerializer` writes the backend's files; the project's
  ONNX model is a :class:`CharNERBackend`, which copies its model directory (graph, CRF,
  vocabularies, lexicon, model card) and reloads from the copy;
- ``news_entity_rules``: :class:`GazetteerSerializer` writes the gazetteer it uses.

The other stages (``date_figure_ruler``, ``official_event_linker``) are code and
settings only: ``config.cfg`` holds all they need. A backend that cannot save itself
(HanLP's, whose files the user fetched) keeps its path in the config.

This module imports only the standard library and srsly at import time: ``tag/__init__.py`` and
``tag/entity_rules/`` import the mixins from it.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

import srsly

# The gazetteer file written into a saved ``news_entity_rules`` folder.
GAZETTEER_FILE = "gazetteer.json"


class CharNERBackend:
    """The project's ONNX character NER model as a ``texts -> spans`` function.

    It loads on first use (or on :meth:`load`), so that ``spacy.load(saved)`` builds the
    component without the source model directory and then reads the saved copy in
    :meth:`from_disk`. Pickling carries the model files themselves.

    model (str | Path): the model directory (``models/ner``).
    """

    def __init__(self, model: str | Path) -> None:
        self.path: Path | None = Path(model)
        self._files: dict[str, bytes] | None = None  # set when read from bytes
        self._model = None

    def load(self) -> "CharNERBackend":
        """Load the model now (idempotent). RETURNS (CharNERBackend): self."""
        if self._model is None:
            from .tag.ner.model import CharNER

            if self._files is not None:
                with tempfile.TemporaryDirectory() as tmp:
                    _write_files(Path(tmp), self._files)
                    self._model = CharNER.load(tmp)  # reads every file into memory
            else:
                self._model = CharNER.load(self.path)
        return self

    @property
    def model(self):
        """RETURNS (CharNER): the loaded model."""
        return self.load()._model

    def __call__(self, texts: list[str], *args, **kwargs) -> list:
        return self.model.predict(texts, *args, **kwargs)

    def files(self) -> dict[str, bytes]:
        """RETURNS (dict[str, bytes]): the model directory's files by name."""
        if self._files is not None:
            return dict(self._files)
        if self.path is None or not self.path.is_dir():
            raise FileNotFoundError(f"NER model directory not found: {self.path}")
        return {p.name: p.read_bytes() for p in sorted(self.path.iterdir()) if p.is_file()}

    def to_disk(self, path: str | Path) -> None:
        """path (str | Path): a folder to copy the model files into."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        _write_files(path, self.files())

    def from_disk(self, path: str | Path) -> "CharNERBackend":
        """Load the model saved in ``path``. RETURNS (CharNERBackend): self."""
        self.path, self._files, self._model = Path(path), None, None
        return self.load()

    def to_bytes(self) -> bytes:
        return srsly.msgpack_dumps(self.files())

    def from_bytes(self, data: bytes) -> "CharNERBackend":
        self.path, self._files, self._model = None, srsly.msgpack_loads(data), None
        return self.load()

    # An onnxruntime session cannot be pickled: the files travel instead.
    def __getstate__(self) -> dict:
        return {"files": self.files()}

    def __setstate__(self, state: dict) -> None:
        self.path, self._files, self._model = None, state["files"], None


class BackendSerializer:
    """Serialization for a component whose data is its ``backend``: delegated to the
    backend when it can save itself (:class:`CharNERBackend`), else nothing to save."""

    backend: object

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if hasattr(self.backend, "to_disk"):
            self.backend.to_disk(path / "backend")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        saved = Path(path) / "backend"
        if saved.is_dir() and hasattr(self.backend, "from_disk"):
            self.backend.from_disk(saved)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data = self.backend.to_bytes() if hasattr(self.backend, "to_bytes") else None
        return srsly.msgpack_dumps({"backend": data})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        saved = srsly.msgpack_loads(data).get("backend")
        if saved is not None and hasattr(self.backend, "from_bytes"):
            self.backend.from_bytes(saved)
        return self


class GazetteerSerializer:
    """Serialization of a component's ``gazetteer`` (:mod:`pipeline.tag.gazetteer`): the JSON
    it was read from is saved, and read back into a new ``Gazetteer``."""

    gazetteer: object
    _gazetteer_json: bytes | None = None  # what from_disk/from_bytes read, if any

    def _gazetteer_bytes(self) -> bytes:
        if self._gazetteer_json is not None:
            return self._gazetteer_json
        from .tag.gazetteer import DATA

        return Path(DATA).read_bytes()

    def _set_gazetteer(self, data: bytes) -> None:
        from .tag.gazetteer import Gazetteer

        self.gazetteer = Gazetteer(json.loads(data))
        self._gazetteer_json = data

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.gazetteer is not None:
            (path / GAZETTEER_FILE).write_bytes(self._gazetteer_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        saved = Path(path) / GAZETTEER_FILE
        if saved.is_file():
            self._set_gazetteer(saved.read_bytes())
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data = self._gazetteer_bytes() if self.gazetteer is not None else None
        return srsly.msgpack_dumps({"gazetteer": data})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        saved = srsly.msgpack_loads(data).get("gazetteer")
        if saved is not None:
            self._set_gazetteer(saved)
        return self


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        (folder / Path(name).name).write_bytes(content)
