"""Build, run and score the linking dev set of ``eval/link-dev`` (issue 12).

The set has two halves, scored apart (see ``eval/link-dev/README.md``):

- ``rmrb``: pages composed from real 人民日报 articles of ``../shared/data/rmrb``, listed
  by article id in ``eval/link-dev/rmrb-annotations.json``; the text is not in the
  repository, so the pages are written from the data at each run.
- ``invented``: hand-written city-daily pages, ``eval/link-dev/invented/*.txt``.

Gold files (``eval/link-dev/gold/*.gold.json``, the shape ``../shared/eval/score.py``
reads) are made from the hand annotations by ``build``; ``score`` runs the default
pipeline on the pages (page dates from the file names) and prints the linking rows;
``--relink TABLE`` re-runs only the linker on a table from an earlier run (seconds).

    python scripts/link_dev.py build                   # pages to /tmp, gold files
    python scripts/link_dev.py score                   # full pipeline, then score
    python scripts/link_dev.py score --relink /tmp/link-dev/table.jsonl --diff
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import argparse
import gzip
import json
import re
import shutil
import subprocess

DEV = ROOT / "eval" / "link-dev"
DATA = ROOT.parent / "shared" / "data" / "rmrb" / "articles-2019-2020.jsonl.gz"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
PARTS = ("officials", "events", "links", "roles")
# The halves of the set and their notes. The ``-check`` halves were annotated after
# the rules were tuned on the others and are only measured.
RMRB_HALVES = {"rmrb": "rmrb-annotations.json", "rmrb-check": "rmrb-check-annotations.json",
               "rmrb-check2": "rmrb-check2-annotations.json",
               "rmrb-check3": "rmrb-check3-annotations.json",
               "rmrb-check4": "rmrb-check4-annotations.json",
               "rmrb-check5": "rmrb-check5-annotations.json",
               "rmrb-check6": "rmrb-check6-annotations.json"}
INVENTED_HALVES = {"invented": "invented-annotations.json",
                   "invented-check": "invented-check-annotations.json"}
# The invented pages again in the layout a PDF extractor leaves (``pdf_layout``).
PDF_HALF = "invented-pdf"
PDF_WIDTH = 16


# A wire or paper dateline opening a body, with the credit after it.
_DATELINE = re.compile(r"^[^，。（]{2,24}电[\s\u3000\xa0]*(?:（[^）]{1,40}）)?[\s\u3000\xa0]*")


def article_page(art: dict) -> tuple[str, str, str]:
    """One article as a markdown block: kicker, ``# headline``, subtitle, paragraphs.

    RETURNS (tuple[str, str, str]): the block, its body after the dateline, and the
        body's last 12 characters.
    """
    lines = [art["kicker"]] if art.get("kicker") else []
    lines.append(f"# {art['headline']}")
    if art.get("subtitle"):
        lines.append(art["subtitle"])
    paragraphs = [p.strip() for p in art["paragraphs"] if p.strip()]
    body = "".join(paragraphs)
    # The start is taken after the dateline and its credit, which stories of one page
    # share (``本报北京10月21日电（记者X）``): the scorer matches a story by its start.
    lead = _DATELINE.sub("", body, count=1)
    return "\n\n".join(lines + paragraphs), lead, body[-12:]


def unique_starts(leads: list[str]) -> list[str]:
    """Each body's shortest start of at least 12 characters that no other body of the
    page holds (``中共中央政治局常委、全国`` opens two of them)."""
    starts = []
    for i, lead in enumerate(leads):
        others = [other for j, other in enumerate(leads) if j != i]
        n = 12
        while n < len(lead) and any(lead[:n] in other for other in others):
            n += 1
        starts.append(lead[:n])
    return starts


def invented_stories(text: str) -> list[tuple[str, str, str]]:
    """(headline, body start, body end) of each story of an invented page: a block of
    headline lines, a blank line, then a body whose first line holds the credit (…讯)."""
    out, headline = [], ""
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if "讯" not in lines[0][:20]:
            headline = "".join(lines)
            continue
        body = "".join(lines)
        lead = body[body.index("）") + 1 :]  # after the credit, which stories share
        out.append((headline, lead[:12], body[-12:]))
    return out


def pdf_layout(text: str, width: int = PDF_WIDTH) -> str:
    """A page as PDF text: each story's body hard-wrapped into a narrow column, a blank
    line at every fifth line (a column break in mid-sentence), a space before digits,
    and the headline after its body, as on the seed pages."""
    out, headline = [], ""
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if "讯" not in lines[0][:20]:
            headline = "\n".join(lines)
            continue
        body = "".join(lines)
        body = "".join(f" {c}" if c.isdigit() and i and not body[i - 1].isdigit() else c
                       for i, c in enumerate(body))
        rows = [body[i : i + width] for i in range(0, len(body), width)]
        column = ["\n".join(rows[i : i + 5]) for i in range(0, len(rows), 5)]
        out.append("\n\n".join(column) + "\n\n" + headline)
    return "\n\n".join(out) + "\n"


def build(out: Path) -> None:
    """Write the pages to ``out/pages`` and the gold files to ``eval/link-dev/gold``."""
    pages = out / "pages"
    shutil.rmtree(pages, ignore_errors=True)
    pages.mkdir(parents=True)
    gold_dir = DEV / "gold"
    gold_dir.mkdir(exist_ok=True)
    specs = {half: json.loads((DEV / name).read_text(encoding="utf-8"))
             for half, name in RMRB_HALVES.items()}
    wanted = {i for spec in specs.values() for ids in spec["pages"].values() for i in ids}
    articles = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            if art["id"] in wanted:
                articles[art["id"]] = art
    for half, spec in specs.items():
        for page, ids in spec["pages"].items():
            blocks, leads, ends = zip(*(article_page(articles[i]) for i in ids))
            stories = [_gold_story(i, articles[i]["headline"], start, end, spec["stories"][i])
                       for i, start, end in zip(ids, unique_starts(list(leads)), ends)]
            (pages / page).write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
            _write_gold(gold_dir, page, stories, half)
    for half, name in INVENTED_HALVES.items():
        _build_invented(pages, gold_dir, half, name)


def _build_invented(pages: Path, gold_dir: Path, half: str, name: str) -> None:
    """Copy one half's invented pages and write their gold files; each page also in
    PDF layout (``…-pdf.txt``, same gold, half :data:`PDF_HALF`)."""
    invented = json.loads((DEV / name).read_text(encoding="utf-8"))
    for page, notes in invented.items():
        pdf = page.replace(".txt", "-pdf.txt")
        text = (DEV / "invented" / page).read_text(encoding="utf-8")
        (pages / pdf).write_text(pdf_layout(text), encoding="utf-8")
        stories = [
            _gold_story(f"{pdf[:-4]}-s{n}", head, start, end, note)
            for n, ((head, start, end), note) in enumerate(zip(invented_stories(text), notes), 1)
        ]
        _write_gold(gold_dir, pdf, stories, PDF_HALF)
        text = (DEV / "invented" / page).read_text(encoding="utf-8")
        shutil.copy(DEV / "invented" / page, pages / page)
        found = invented_stories(text)
        assert len(found) == len(notes), page
        stories = [
            _gold_story(f"{page[:-4]}-s{n}", head, start, end, note)
            for n, ((head, start, end), note) in enumerate(zip(found, notes), 1)
        ]
        _write_gold(gold_dir, page, stories, half)


def _gold_story(sid: str, headline: str, start: str, end: str, note: dict) -> dict:
    return {"id": sid, "headline": headline, "subheadlines": [], "dateline": None,
            "reporters": None, "correspondents": [], "body_start": start, "body_end": end,
            "entities": note.get("entities", {}), "officials": note["officials"], "events": note["events"],
            "figures": []}


def _write_gold(gold_dir: Path, page: str, stories: list[dict], half: str,
                scored: tuple[str, ...] = ("stories", "officials", "events")) -> None:
    gold = {"doc": page, "publication_year": int(page[:4]), "publication_date": page[:10],
            "half": half, "scored": list(scored), "stories": stories}
    path = gold_dir / f"{page[:-4]}.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def score_table(table: Path, diff: bool = False) -> dict[str, dict]:
    """Linking scores of a knowledge table, per half of the set.

    RETURNS (dict[str, dict]): ``{"rmrb": …, "invented": …}``, each with F1 per part,
        recall and event-date accuracy as ``score.py`` computes them.
    """
    sys.path.insert(0, str(SCORER.parent))
    import score as scorer  # the project's scorer, unchanged

    golds = scorer.load_gold([DEV / "gold"])
    pred = scorer.load_pred(table)
    out = {}
    for half in (*RMRB_HALVES, *INVENTED_HALVES, PDF_HALF):
        res = scorer.score([g for g in golds if g["half"] == half], pred)
        out[half] = {part: res[part] for part in ("stories", *PARTS)}
        out[half]["event_dates"] = res["event_date_acc"]
    if diff:
        _print_diff([g for g in golds if not g["half"].endswith("-check")], pred)
    return out


def _print_diff(golds: list[dict], pred: dict) -> None:
    """What each page got wrong: officials missed/extra, events with participants."""
    for gold in golds:
        rows = pred.get(gold["doc"], {})
        g_off = {(o["name"], t) for s in gold["stories"] for o in s["officials"] for t in o["titles"]}
        p_off = {(o["name"], t) for o in rows.get("official", []) for t in o["titles"]}
        print(f"## {gold['doc']}")
        print("  officials missed", sorted(g_off - p_off))
        print("  officials extra ", sorted(p_off - g_off))
        parts: dict[str, list] = {}
        for p in rows.get("participation", []):
            parts.setdefault(p["event_id"], []).append((p["person"], p["role"]))
        for ev in rows.get("event", []):
            print("  pred", ev["event_id"], ev["name"][:40], ev["type"], ev["date"],
                  parts.get(ev["event_id"], []))
        for s in gold["stories"]:
            for ev in s["events"]:
                print("  gold", ev["name"][:40], ev["type"], ev["date"],
                      [(p["name"], p["role"]) for p in ev["participants"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("build", "score"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/link-dev"))
    parser.add_argument("--relink", type=Path, help="re-link this table instead of a full run")
    parser.add_argument("--diff", action="store_true", help="print each page's errors")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.command == "build" or not (args.work / "pages").exists():
        build(args.work)
    if args.command == "build":
        return
    table = args.work / "table.jsonl"
    if args.relink:
        from link_rescore import relink

        rows = [json.loads(line) for line in args.relink.read_text(encoding="utf-8").splitlines()]
        table = args.work / "relinked.jsonl"
        with table.open("w", encoding="utf-8") as f:
            for row in relink(rows):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        subprocess.run([sys.executable, "-m", "pipeline", "run", "configs/default.yaml",
                        "--input", str(args.work / "pages"), "--output", str(table), "-q"],
                       cwd=ROOT, check=True)
    res = score_table(table, args.diff)
    if args.json:
        print(json.dumps(res))
        return
    for half, parts in res.items():
        cells = "  ".join(f"{p} {parts[p]['f1']:.3f} (R {parts[p]['r']:.2f})" for p in ("stories", *PARTS))
        print(f"{half:<15} {cells}  event dates {parts['event_dates']:.3f}")


if __name__ == "__main__":
    main()
