"""Score the segment stage alone on a folder of pages with layout gold.

Runs ``segment_page`` on every page (no tagging, so a run takes seconds) and scores the
story rows with the shared scorer (stories, headlines, reporters)::

    python scripts/score_layout.py --pages ../shared/eval/layout-dev/pages \
        --gold ../shared/eval/layout-dev/gold [--errors]

``--style pdf`` keeps the gold pages of one style. ``--errors`` prints, per page, the gold stories that were not matched and the predicted
stories that matched none, to look at error classes.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

# The checkout's own package, whatever an installed copy says.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.clean import clean_page  # noqa: E402
from pipeline.segment import segment_page  # noqa: E402
from pipeline.types import Page  # noqa: E402

_DEFAULT_SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path):
    """path (Path): the shared ``score.py``. RETURNS (module): it, imported."""
    spec = importlib.util.spec_from_file_location("layout_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def story_rows(path: Path) -> list[dict]:
    """path (Path): a page file. RETURNS (list[dict]): its story rows, as the runner writes."""
    raw = path.read_text(encoding="utf-8")
    page = Page(doc=path.name, path=str(path), raw=raw)
    return [{"kind": "story", "doc": s.doc, "story_id": s.story_id, "headline": s.headline,
             "subheadlines": list(s.subheadlines), "dateline": s.dateline,
             "reporters": list(s.reporters), "correspondents": list(s.correspondents),
             "text": s.text} for s in segment_page(page, clean_page(raw))]


def evaluate(pages: Path, gold: Path, scorer_path: Path = _DEFAULT_SCORER,
             errors: bool = False, style: str | None = None) -> dict:
    """Segment every page under ``pages`` and score against ``gold``.

    RETURNS (dict): ``{"stories": prf, "headlines": prf, "reporters": prf}``.
    """
    scorer = load_scorer(scorer_path)
    gold_docs = [g for g in scorer.load_gold([gold]) if style in (None, g.get("style"))]
    pred: dict = {}
    for gd in gold_docs:
        rows = story_rows(pages / gd["doc"])
        pred[Path(gd["doc"]).stem] = {"story": rows}
        if errors:
            _print_errors(scorer, gd, rows)
    result = scorer.score(gold_docs, pred)
    return {key: result[key] for key in ("stories", "headlines", "reporters")}


def _print_errors(scorer, gd: dict, rows: list[dict]) -> None:
    gstories = gd["stories"]
    matched = scorer.match_stories(gstories, rows)
    missed = [g for i, g in enumerate(gstories) if i not in matched]
    extra = [p for i, p in enumerate(rows) if i not in set(matched.values())]
    bad_head = [(gstories[g]["headline"], rows[p]["headline"]) for g, p in matched.items()
                if scorer.norm(gstories[g]["headline"]) != scorer.norm(rows[p]["headline"])]
    bad_rep = [(gstories[g]["reporters"], rows[p]["reporters"], rows[p]["dateline"])
               for g, p in matched.items() if gstories[g]["reporters"] is not None
               and {scorer.norm(x) for x in gstories[g]["reporters"]}
               != {scorer.norm(x) for x in rows[p]["reporters"]}]
    if not (missed or extra or bad_head or bad_rep):
        return
    print(f"== {gd['doc']} ({gd.get('style')}) gold {len(gstories)} pred {len(rows)}")
    for g in missed:
        print(f"  MISSED {g['headline']!r} lines={g.get('source_lines')}")
    for p in extra:
        print(f"  EXTRA  {p['headline']!r} {p['text'][:40]!r}")
    for g, p in bad_head:
        print(f"  HEAD   gold={g!r} pred={p!r}")
    for g, p, d in bad_rep:
        print(f"  REP    gold={g} pred={p} dateline={d!r}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--scorer", type=Path, default=_DEFAULT_SCORER)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--style", default=None, help="only gold pages of this style")
    args = parser.parse_args(argv)
    result = evaluate(args.pages, args.gold, args.scorer, args.errors, args.style)
    for key, prf in result.items():
        print(f"{key:10s} p={prf['p']:.3f} r={prf['r']:.3f} f1={prf['f1']:.3f} "
              f"(tp {prf['tp']} fp {prf['fp']} fn {prf['fn']})")


if __name__ == "__main__":
    sys.exit(main())
