"""Recall of the official_event_linker on real 人民日报 sentences (issue 12).

Samples articles of ``../shared/data/rmrb`` that report meetings or inspections, tags
them once with the default pipeline (cached, so the linker can be re-measured in
seconds), then runs only the linker and reports, for sentences whose role verb
(主持, 讲话/致辞/强调/指出, 出席/参加, 陪同) has PERSON names right before it in the same
clause (or after ``出席…的有：``), how many of those names get a participation with
that role (or a stronger one, :data:`pipeline.link.roles.ROLE_PRIORITY`). It also
counts names that stand in title-headed ``、`` lists the tagger did not mark.

The silver labels are mechanical (verb → role), so the figures measure reach, not
exact agreement with a human annotator.

    python scripts/link_recall.py --n 300            # tag (first run) and measure
    python scripts/link_recall.py --n 300 --show 20  # and print missed sentences
"""

from __future__ import annotations

import sys
from pathlib import Path

# This checkout's pipeline, whatever the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import gzip
import json
import pickle
import random
import re
from collections import Counter

import spacy
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401
from pipeline.link import LINKER, OfficialEventLinker
from pipeline.link.roles import ROLE_PRIORITY

try:  # the silver names are the tagger's, with a cut-off surname restored
    from pipeline.link.names import restore_surnames
except ImportError:  # measuring a linker from before the names module

    def restore_surnames(text, persons):
        return persons

DATA = Path("../shared/data/rmrb/articles-2019-2020.jsonl.gz")
TRIGGERS = re.compile(r"主持|出席|参加|陪同|讲话|致辞|调研|考察|座谈会|会议")
VERB_ROLE = (
    (re.compile(r"主持"), "presided"),
    (re.compile(r"陪同"), "accompanied"),
    (re.compile(r"讲话|致辞|强调|指出"), "spoke"),
    (re.compile(r"出席|参加"), "attended"),
)
LIST_AFTER = re.compile(r"(?:出席|参加)[^，。；]{0,15}?的[^，。；]{0,8}?有[：:]")
# "本报北京2月26日电 （记者X）": the dateline, kept out of the body as segment does.
DATELINE = re.compile(r"(?:本报|新华社)[^（\n，。]{0,20}电\s*(?:（[^）\n]{0,30}）)?\s*")
SENT = re.compile(r"[^。；！？\n]+[。；！？]?")


def load_articles(n: int, seed: int) -> list[dict]:
    """``n`` distinct articles whose text names meetings, inspections or roles."""
    seen, out = set(), []
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            body = "\n".join(art["paragraphs"])
            key = (art["headline"], body[:80])
            if key in seen or not TRIGGERS.search(body) or len(body) > 6000:
                continue
            seen.add(key)
            out.append(art)
    random.Random(seed).shuffle(out)
    return out[:n]


def tag(articles: list[dict], cache: Path) -> list[dict]:
    """Run every stage before the linker once and keep text, story and entities."""
    from pipeline.config import load_config
    from pipeline.nlp import build_nlp

    nlp = build_nlp(load_config("configs/default.yaml"))
    docs = [make_doc(nlp, art) for art in articles]
    out = []
    with nlp.select_pipes(disable=[LINKER]):
        for doc in nlp.pipe(docs):
            ents = [(e.start_char, e.end_char, e.label_, e._.normalized) for e in doc.ents]
            out.append({"text": doc.text, "story": doc._.story,
                        "pub_date": doc._.pub_date, "ents": ents})
    cache.write_bytes(pickle.dumps(out))
    return out


def make_doc(nlp, art: dict) -> Doc:
    """A story Doc: headline line, then the paragraphs as lines of the body."""
    headline = art["headline"] or ""
    text = headline + "\n" + "\n".join(p.strip() for p in art["paragraphs"])
    doc = nlp.make_doc(text)
    dateline = DATELINE.match(text, len(headline) + 1)
    doc._.story = {"story_id": art["id"], "doc": art["id"], "headline": headline,
                   "subheadlines": [art["subtitle"]] if art.get("subtitle") else [],
                   "dateline": dateline.group().strip() if dateline else None,
                   "reporters": [], "correspondents": [],
                   "photographers": [], "captions": [],
                   "body_start": dateline.end() if dateline else len(headline) + 1,
                   "body_end": len(text)}
    doc._.pub_date = art["date"]
    return doc


def rebuild(nlp, item: dict) -> Doc:
    """The cached story as a Doc with its entities, ready for the linker."""
    doc = nlp.make_doc(item["text"])
    spans = []
    for s, e, label, norm in item["ents"]:
        span = doc.char_span(s, e, label=label)
        if span is not None:
            span._.normalized = norm
            spans.append(span)
    doc.ents = spans
    doc._.story, doc._.pub_date = item["story"], item["pub_date"]
    return doc


def silver(doc: Doc) -> list[tuple[str, str, str]]:
    """(name, expected role, sentence) for names written with a role verb."""
    text = doc.text
    body = doc._.story["body_start"]
    persons = restore_surnames(
        text, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    )
    out = []
    for m in SENT.finditer(text, body):
        s, e = m.span()
        sent = text[s:e]
        for verb, role in VERB_ROLE:
            for v in verb.finditer(sent):
                clause_start = max(sent.rfind(c, 0, v.start()) for c in "，：,:") + 1
                if "在" in sent[clause_start : v.start()] and role == "accompanied":
                    pass  # "在X陪同下": X accompanies
                for ps, pe in persons:
                    if s + clause_start <= ps and pe <= s + v.start():
                        out.append((text[ps:pe], role, sent))
        listed = LIST_AFTER.search(sent)
        if listed:
            role = "attended"
            for ps, pe in persons:
                if s + listed.end() <= ps < e:
                    out.append((text[ps:pe], role, sent))
    return out


def measure(items: list[dict], show: int) -> None:
    nlp = spacy.blank("zh")
    linker = OfficialEventLinker(LINKER)
    rank = {r: i for i, r in enumerate(ROLE_PRIORITY)}
    per_role, hit_role, hit_link = Counter(), Counter(), Counter()
    counts = Counter()
    missed = []
    for item in items:
        doc = linker(rebuild(nlp, item))
        got: dict[str, set] = {}
        for p in doc._.participations:
            got.setdefault(p["person"], set()).add(p["role"])
        counts["stories"] += 1
        counts["events"] += len(doc._.events)
        counts["officials"] += len(doc._.officials)
        counts["participations"] += len(doc._.participations)
        seen = set()
        for name, role, sent in silver(doc):
            if (name, role) in seen:
                continue
            seen.add((name, role))
            per_role[role] += 1
            roles = got.get(name, set())
            hit_link[role] += bool(roles)
            if any(rank.get(r, 9) <= rank[role] for r in roles):
                hit_role[role] += 1
            else:
                missed.append((name, role, sorted(roles), sent[:150]))
    print("stories {stories}, events {events}, officials {officials}, "
          "participations {participations}".format(**counts))
    total = sum(per_role.values())
    for role in ROLE_PRIORITY:
        if per_role[role]:
            print(f"{role:<12} n={per_role[role]:4d}  linked={hit_link[role] / per_role[role]:.3f}"
                  f"  role={hit_role[role] / per_role[role]:.3f}")
    if total:
        print(f"{'all':<12} n={total:4d}  linked={sum(hit_link.values()) / total:.3f}"
              f"  role={sum(hit_role.values()) / total:.3f}")
    for row in random.Random(0).sample(missed, min(show, len(missed))):
        print("MISS", *row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300, help="articles to sample")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--show", type=int, default=0, help="missed examples to print")
    parser.add_argument("--cache", default="/tmp/link-recall-{n}-{seed}.pkl")
    args = parser.parse_args()
    cache = Path(args.cache.format(n=args.n, seed=args.seed))
    if cache.exists():
        items = pickle.loads(cache.read_bytes())
    else:
        items = tag(load_articles(args.n, args.seed), cache)
    measure(items, args.show)


if __name__ == "__main__":
    main()
