"""Draw, build and score the entity dev set of ``eval/entity-dev`` (issue 11).

Pages are single real 人民日报 articles of ``../shared/data/rmrb``, listed by id in
``eval/entity-dev/annotations.json`` with their hand-written gold entities; the text is
not in the repository, so the pages are written from the data at each run with the page
and gold writers of ``scripts/link_dev.py``.

    python scripts/entity_dev.py draw                  # the recorded random draw (ids)
    python scripts/entity_dev.py build                 # pages to /tmp, gold files
    python scripts/entity_dev.py score [--diff]        # default pipeline, then per-type P/R/F1
    python scripts/entity_dev.py score --parts check4,check5   # only these halves
    python scripts/entity_dev.py bio --parts dev,check --out runs/real.bio   # training BIO

The held-back halves (``HELD_BACK``) are left out of ``build`` and ``score`` (pages, gold
and the pipeline run) unless ``--parts`` names them; ``--parts all`` leaves them out too.
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
import random
import re
import shutil
import subprocess

import link_dev

DEV = ROOT / "eval" / "entity-dev"
ANNOTATIONS = DEV / "annotations.json"
LAYOUT_DEV = ROOT.parent / "shared" / "eval" / "layout-dev"
LABELS = ("PERSON", "ORG", "PLACE", "DATE", "FIGURE")
# Halves scored only when asked for by name (not by default, not by ``--parts all``): check19
# and check20 are the project's held-back parts, scored by the lead (``--parts check19``,
# ``--parts check20``) on a session's start and end trees, not by their annotators, until the
# lead releases them. check6–check18, held back before, are ordinary parts now (check18 scored
# on the twentieth session's start and end trees and the twenty-first's start tree, then tuned
# on in the twenty-first).
HELD_BACK = ("check19", "check20")

# The draw: seed, length bounds (characters of the paragraphs) and how many of each kind,
# the kinds told by the first matching pattern on headline + text.
SEED = 1111
MIN_CHARS, MAX_CHARS = 300, 900
KINDS = (
    ("foreign", 1, re.compile(r"会见|会谈|大使|外长|总统|总理.{0,6}访|联合国")),
    ("inspection", 1, re.compile(r"调研|考察|视察|督查|检查")),
    ("meeting", 2, re.compile(r"会议|座谈会|论坛|大会|召开|举行")),
    ("economic", 2, re.compile(r"(公司|企业|集团).*(亿元|万元|%)|(亿元|万元|%).*(公司|企业|集团)")),
    ("local", 2, re.compile(r"(省|市|县|区)(委|政府)|乡镇|街道")),
    ("feature", 2, re.compile(r"村民|老人|师傅|大爷|大妈|大姐|一家|他说|她说")),
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def excluded() -> tuple[set[str], str, set[str]]:
    """ISO dates of the layout-dev pages (page names and the gold files' dates, both
    ``YYYY-MM-DD`` and ``YYYYMMDD`` forms), their text without whitespace (only for the
    overlap check) and the article ids the link-dev set uses."""
    dates = set()
    for path in (LAYOUT_DEV / "pages").glob("*.txt"):
        dates.add(path.name[:10])
    for path in (LAYOUT_DEV / "gold").glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for key in ("publication_date", "source_page", "doc"):
            value = str(gold.get(key) or "")
            m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
            if m:
                dates.add("-".join(m.groups()))
    text = "".join(_squash(p.read_text(encoding="utf-8")) for p in (LAYOUT_DEV / "pages").glob("*.txt"))
    ids = set()
    for path in (ROOT / "eval" / "link-dev").glob("rmrb*-annotations.json"):
        spec = json.loads(path.read_text(encoding="utf-8"))
        ids.update(i for page in spec["pages"].values() for i in page)
    return dates, text, ids


def overlaps(first: str, text: str) -> bool:
    """Whether any 12-character window of the first paragraph stands in ``text``."""
    first = _squash(first)
    return any(first[i : i + 12] in text for i in range(0, max(1, len(first) - 11), 6))


def earlier(stories: dict, half: str | None = None) -> set[str]:
    """The ids of the annotated stories a ``--fresh`` draw of ``half`` leaves out: those
    of the halves before it, in the order the halves first appear in ``stories`` (all of
    them where ``half`` is not given or not yet annotated), so that a recorded draw gives
    the same articles after its own and later halves were added."""
    order = list(dict.fromkeys(note.get("half", "dev") for note in stories.values()))
    if half not in order:
        return set(stories)
    before = set(order[: order.index(half)])
    return {aid for aid, note in stories.items() if note.get("half", "dev") in before}


def draw(seed: int = SEED, each: int | None = None, fresh: bool = False,
         half: str | None = None) -> list[tuple[str, str]]:
    """(kind, id) of the drawn articles: shuffled with ``seed``, each taken for the
    first kind it matches whose quota is open (``each``: one quota for every kind);
    ``fresh``: the articles already in ``annotations.json`` are left out (with ``half``,
    only those of the halves annotated before it: see ``earlier``)."""
    dates, text, ids = excluded()
    if fresh:
        ids |= earlier(json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["stories"], half)
    arts = []
    with gzip.open(link_dev.DATA, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            n = sum(len(p) for p in art["paragraphs"])
            if not MIN_CHARS <= n <= MAX_CHARS or art["id"] in ids:
                continue
            if art["date"] in dates or art["date"].replace("-", "") in {d.replace("-", "") for d in dates}:
                continue
            arts.append(art)
    random.Random(seed).shuffle(arts)
    quota = {kind: each or n for kind, n, _ in KINDS}
    out = []
    for art in arts:
        blob = art["headline"] + "".join(art["paragraphs"])
        for kind, _, pattern in KINDS:
            if quota[kind] and pattern.search(blob):
                if not overlaps(next(p for p in art["paragraphs"] if p.strip()), text):
                    quota[kind] -= 1
                    out.append((kind, art["id"]))
                break
        if not any(quota.values()):
            break
    return out


def select(stories: dict, parts: str | None = None) -> list[str]:
    """The halves a build or score covers: ``parts`` a comma list of half names (a
    held-back half only so), or ``all`` or None for every half but the held-back ones."""
    order = list(dict.fromkeys(note.get("half", "dev") for note in stories.values()))
    if parts is None or parts == "all":
        return [h for h in order if h not in HELD_BACK]
    wanted = [h.strip() for h in parts.split(",") if h.strip()]
    unknown = [h for h in wanted if h not in order]
    if unknown:
        raise SystemExit(f"unknown halves {unknown}; known: {order}")
    return wanted


def page_name(art: dict) -> str:
    return f"{art['date']}-p{art['page']:02d}-{art['seq']:02d}.txt"


def build(out: Path, parts: str | None = None) -> list[Path]:
    """Write each article's page to ``out/pages`` and its gold to ``out/gold`` (the
    gold is made from ``annotations.json`` each time, like the pages), for the halves
    ``select(parts)`` gives (by default all but the held-back ones).

    RETURNS (list[Path]): the gold files.
    """
    spec = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    pages, gold_dir = out / "pages", out / "gold"
    for d in (pages, gold_dir):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    halves = set(select(spec["stories"], parts))
    stories = {aid: note for aid, note in spec["stories"].items()
               if note.get("half", "dev") in halves}
    wanted = set(stories)
    articles = {}
    with gzip.open(link_dev.DATA, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            if art["id"] in wanted:
                articles[art["id"]] = art
    written = []
    for aid, note in stories.items():
        art = articles[aid]
        block, lead, end = link_dev.article_page(art)
        page = page_name(art)
        (pages / page).write_text(block + "\n", encoding="utf-8")
        entities = {lab: note["entities"].get(lab, []) for lab in LABELS}
        story = link_dev._gold_story(aid, art["headline"], lead[:12], end,
                                     {"officials": [], "events": [], "entities": entities})
        link_dev._write_gold(gold_dir, page, [story], note.get("half", "dev"),
                             scored=["stories", "entities"])
        written.append(gold_dir / f"{page[:-4]}.gold.json")
    return written


# The tagger's labels of the gold types it learns (DATE and FIGURE come from rules).
MODEL_LABELS = {"ORG": "ORG", "PERSON": "PER", "PLACE": "LOC"}
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


def gold_tags(text: str, entities: dict[str, list[str]]) -> list[str]:
    """BIO tags of ``text`` from a story's gold strings: every occurrence of every
    PERSON/ORG/PLACE string, longest first, never overlapping one taken before (a
    place inside an organisation's name stays inside it); a string listed under two of
    these types is left out (the gold does not say which occurrence is which)."""
    labels: dict[str, set[str]] = {}
    for lab, strings in entities.items():
        for string in strings if lab in MODEL_LABELS else ():
            labels.setdefault(string, set()).add(MODEL_LABELS[lab])
    label_of = {s: next(iter(labs)) for s, labs in labels.items() if s and len(labs) == 1}
    tags = ["O"] * len(text)
    for string in sorted(label_of, key=len, reverse=True):
        for m in re.finditer(re.escape(string), text):
            if all(t == "O" for t in tags[m.start():m.end()]):
                tags[m.start()] = "B-" + label_of[string]
                tags[m.start() + 1:m.end()] = ["I-" + label_of[string]] * (len(string) - 1)
    return tags


def bio(out: Path, parts: str | None = None) -> tuple[int, int]:
    """Write the gold of the chosen halves as ``char<TAB>tag`` training sentences (the
    page text line by line, headline marks dropped, cut after 。！？；), for a fine-tune
    of the web head (``pseudo_path`` of ``configs/train-ner.yaml``).

    RETURNS (tuple[int, int]): sentences and mentions written.
    """
    spec = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    halves = set(select(spec["stories"], parts))
    stories = {aid: note for aid, note in spec["stories"].items()
               if note.get("half", "dev") in halves}
    n_sentences = n_mentions = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(link_dev.DATA, "rt", encoding="utf-8") as f, \
            open(out, "w", encoding="utf-8") as sink:
        for line in f:
            art = json.loads(line)
            if art["id"] not in stories:
                continue
            block, _, _ = link_dev.article_page(art)
            for text_line in block.split("\n"):
                text_line = text_line.lstrip("# ").strip()
                if not text_line:
                    continue
                tags = gold_tags(text_line, stories[art["id"]]["entities"])
                start = 0
                for sentence in _SENTENCE_END.split(text_line):
                    if sentence.strip():
                        part = tags[start:start + len(sentence)]
                        sink.write("".join(f"{c}\t{t}\n" for c, t in zip(sentence, part)) + "\n")
                        n_sentences += 1
                        n_mentions += sum(t.startswith("B-") for t in part)
                    start += len(sentence)
    return n_sentences, n_mentions


def score_table(table: Path, gold_dir: Path, diff: bool = False) -> dict:
    """Per-type and micro P/R/F1 of the entities, as ``score.py`` computes them."""
    sys.path.insert(0, str(link_dev.SCORER.parent))
    import score as scorer  # the project's scorer, unchanged

    golds = scorer.load_gold([gold_dir])
    pred = scorer.load_pred(table)
    res = scorer.score(golds, pred)
    halves = {}
    for half in sorted({g["half"] for g in golds}):
        part = scorer.score([g for g in golds if g["half"] == half], pred)
        halves[half] = {"entities": part["entities"], "micro": part["entities_micro"]}
    if diff:
        by_key = {scorer.doc_key(k): v for k, v in pred.items()}
        for gold in golds:
            rows = by_key.get(scorer.doc_key(gold["doc"]), {})
            print(f"## {gold['doc']}")
            for lab in LABELS:
                g = {scorer.norm(e) for s in gold["stories"] for e in s["entities"].get(lab, [])}
                p = {scorer.norm(e.get("text")) for e in rows.get("entity", []) if e.get("label") == lab}
                if g - p or p - g:
                    print(f"  {lab:<6} missed {sorted(g - p)}")
                    print(f"  {'':<6} extra  {sorted(p - g)}")
    return {"entities": res["entities"], "micro": res["entities_micro"], "halves": halves}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("draw", "build", "score", "bio"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/entity-dev"))
    parser.add_argument("--config", default="configs/default.yaml")
    parser.add_argument("--diff", action="store_true", help="print each page's misses and false hits")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--parts", help="build/score: comma list of halves, or 'all' (both "
                        f"'all' and the default: every half but the held-back {', '.join(HELD_BACK)}, "
                        "built and scored only when named)")
    parser.add_argument("--seed", type=int, default=SEED, help="draw: the shuffle's seed")
    parser.add_argument("--each", type=int, help="draw: how many of every kind")
    parser.add_argument("--fresh", action="store_true", help="draw: leave out annotated ids")
    parser.add_argument("--half", help="draw --fresh: the half drawn, leaving out only the "
                        "ids of the halves annotated before it (replays a recorded draw)")
    parser.add_argument("--out", type=Path, help="bio: the BIO file written")
    args = parser.parse_args()
    if args.command == "draw":
        for kind, aid in draw(args.seed, args.each, args.fresh, args.half):
            print(kind, aid)
        return
    if args.command == "bio":
        if args.out is None:
            parser.error("bio needs --out FILE")
        print("%d sentences, %d mentions: %s" % (*bio(args.out, args.parts), args.out))
        return
    build(args.work, args.parts)
    if args.command == "build":
        return
    table = args.work / "table.jsonl"
    subprocess.run([sys.executable, "-m", "pipeline", "run", args.config,
                    "--input", str(args.work / "pages"), "--output", str(table), "-q"],
                   cwd=ROOT, check=True)
    res = score_table(table, args.work / "gold", args.diff)
    if args.json:
        print(json.dumps(res))
        return
    for name, part in (("all", res), *res["halves"].items()):
        print(f"## {name}")
        for lab, d in (*part["entities"].items(), ("micro", part["micro"])):
            print(f"{lab:<7} P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}"
                  f"  (tp {d['tp']}, fp {d['fp']}, fn {d['fn']})")


if __name__ == "__main__":
    main()
