"""Where the ``zh_char_ner`` stage's time goes, in CPU seconds (a measurement, not a test).

    python scripts/time_ner_stage.py [--copies 30] [--config configs/default.yaml]

Builds the docs the stage sees in ``python -m pipeline bench`` (every configured page,
``--copies`` times, through clean, segment and the stages before ``zh_char_ner``), runs
the stage over them once to warm up, then once more timed, and prints the stage's CPU
seconds, characters per CPU-second (page characters, as ``bench`` counts them) and the
CPU seconds of its parts: chunking, featurisation (``Featurizer.encode_many``),
``session.run``, Viterbi, span extraction and ``set_annotations``. Run it alternately
against another tree (``PYTHONPATH=<tree>``) on a shared machine.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--config", default="configs/default.yaml")
    args = parser.parse_args()

    from pipeline.clean import clean_page
    from pipeline.config import load_config
    from pipeline.nlp import build_nlp, make_docs
    from pipeline.readers import find_pages, read_page
    from pipeline.segment import segment_page
    from pipeline.tag.ner import model as ner_model

    config = load_config(args.config)
    nlp = build_nlp(config)
    names = [name for name, _ in nlp.pipeline]
    before = nlp.pipeline[: names.index("zh_char_ner")]
    stage = dict(nlp.pipeline)["zh_char_ner"]
    pages = []
    for source in find_pages(config.input):
        page = read_page(Path(getattr(source, "path", source)), config.pub_date)
        pages.append((len(page.raw), segment_page(page, clean_page(page.raw))))

    def docs_in():
        out = []
        for _ in range(args.copies):
            for _, found in pages:
                docs = make_docs(nlp, found, config.city)
                for _, proc in before:
                    docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else \
                        [proc(d) for d in docs]
                out.append(docs)
        return out

    chars = args.copies * sum(n for n, _ in pages)
    parts: dict[str, float] = {}

    def timed(owner, attr: str, key: str) -> None:
        fn = getattr(owner, attr)

        def wrapper(*a, **k):
            start = time.process_time()
            result = fn(*a, **k)
            parts[key] = parts.get(key, 0.0) + time.process_time() - start
            return result

        setattr(owner, attr, wrapper)

    model = stage.backend.model
    timed(ner_model, "chunk_bounds", "chunking")
    timed(model.featurizer, "encode_many", "features (encode_many)")
    timed(model.session, "run", "session.run")
    timed(ner_model, "viterbi_sorted", "Viterbi")
    timed(model, "_spans", "spans")
    timed(model, "predict", "predict (all of the above)")
    timed(stage, "set_annotations", "set_annotations")

    for docs in docs_in():  # warm-up
        list(stage.pipe(docs))
    batches = docs_in()
    parts.clear()
    start = time.process_time()
    for docs in batches:
        list(stage.pipe(docs))
    cpu = time.process_time() - start
    print(f"zh_char_ner: {chars:,} page chars, {cpu:.3f} CPU s, "
          f"{chars / cpu:,.0f} chars per CPU-second")
    for key, value in parts.items():
        print(f"  {key:28s}{value:8.3f} s {value / cpu:7.1%}")


if __name__ == "__main__":
    main()
