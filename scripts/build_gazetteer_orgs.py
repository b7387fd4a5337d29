#!/usr/bin/env python3
"""Add organisation names induced from raw 人民日报 text to ``pipeline/data/gazetteer.json``.

usage: python scripts/build_gazetteer_orgs.py
           [--rmrb ../shared/data/rmrb/articles-2019-2020.jsonl.gz]
           [--out pipeline/data/gazetteer.json] [--min-context 3] [--min-share 0.3]

Companies and brands are written bare in web news (``X宣布…``, ``X的股价``) where no
cue tells the model they are organisations. Raw news text tells which names are: a
name written right before a company word (``X集团``, ``X公司``, ``X股份``, ``X银行``,
``X控股``) or a management title (``X董事长``, ``X总裁``,
``X旗下``) is an organisation's name when

- it does so often (``--min-context`` times) and in a large share of all its
  occurrences (``--min-share``): ``中国`` or ``数字`` also stand before ``公司`` or
  ``科技``, but mostly elsewhere;
- it is written bare too (at least once without a company word after it);
- it is a name of its own, not the end of a longer one: no single character stands
  before it in most of its occurrences (``巴巴`` of ``阿里巴巴``), and no single
  character follows it in most of its bare ones;
- it is not a common word (jieba's ``common_words``, the dictionary words), a place of
  the gazetteer, nor does it hold a function word, a deictic (``这家``, ``该``) or a
  company word itself (``控股集团``); a longer one does not open with a common word
  (``加强``, ``实施`` of a clause) unless that is a place (``北京``), nor end in one that
  is no trade after a half that is no place or proper noun (``涉恶犯罪``; ``X科技``
  passes), nor is it an adjective and a word (``新开发``); a two-character one does not
  end in 商 (``X商``, merchants of a province);
- it is not a fragment: in most of its occurrences its first character does not make
  a frequent word with the character before it (``国商业`` of ``中国商业``), nor its
  last with the one after, and at least ``MIN_BOUNDARY_SHARE`` of them follow a
  boundary (a symbol, a line start, a function word: ``网内容`` follows ``联`` of
  ``互联网``).

The proper nouns of jieba's dictionary (tags ``nz`` and ``nt``; jieba 0.42, MIT) pass
with less evidence, as the dictionary already says they are names: ``--min-context``
and ``--jieba-share`` (``腾讯``, ``伊利``). 

The key ``orgs`` (names, sorted) is written beside ``orgs_source``; the other keys are
left as they are (run after ``build_gazetteer.py`` and ``build_gazetteer_words.py``).
The source text is 人民日报's (research use): only the names, short strings that are
facts, go into the project.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pipeline" / "data" / "gazetteer.json"
RMRB = ROOT.parent / "shared" / "data" / "rmrb" / "articles-2019-2020.jsonl.gz"
# What follows an organisation's name and almost nothing else.
# (not sector words such as 科技 or 汽车: ``新一轮科技革命``, ``新能源汽车``)
CONTEXT = re.compile(r"集团|公司|股份|银行|控股|董事长|总裁|旗下|创始人|首席执行官")
# Never inside a name: function words and deictics (``这家``, ``该``, ``每个``).
STOP = set("的了在和与及是等对为将把被从向到于由或并也还已这那其各该本我个们之级首次某几位"
           "正每家全兼副按据以给同跟让")
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
MIN_LEN, MAX_LEN = 2, 4
# A four-character name may end in a common word only if that is a trade (``X科技``,
# ``X保险``) or its first half a word, a place or a proper noun (``X江三峡``): ``涉恶犯罪`` ends in
# the noun of a phrase; an adjective and a word is no name (``新开发``); a two-character
# name in 商 is a group of merchants (``X商`` of ``X商精神``).
NOT_NAME_OPENING = frozenset("新老大小总原前现副各")
TRADES = frozenset("科技 保险 证券 银行 石化 石油 化工 建工 邮政 公交 汽车 电子 地产 物流 物业 食品 能源 "
                   "机械 钢铁 航空 网络 通信 超市 百货 文化 生物 医药 农业 传媒 控股 实业 集团".split())
# A neighbour character present in more than this share of the occurrences makes the
# candidate a part of a longer string.
MAX_NEIGHBOUR_SHARE = 0.5
MIN_BOUNDARY_SHARE = 0.3


def read_text(path: Path) -> str:
    """The kickers, headlines, subtitles and paragraphs of every article, one a line."""
    lines = []
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for row in map(json.loads, stream):
            lines += [row.get(k) or "" for k in ("kicker", "headline", "subtitle")]
            lines += row.get("paragraphs") or []
    return "\n".join(lines)


def candidates(text: str) -> Counter:
    """Strings of 2–4 Han characters right before an organisation context, counted."""
    found: Counter = Counter()
    for match in CONTEXT.finditer(text):
        end = match.start()
        for length in range(MIN_LEN, MAX_LEN + 1):
            name = text[end - length:end]
            if len(name) == length and HAN.match(name) and not STOP & set(name):
                found[name] += 1
    return found


def occurrence_stats(text: str, names: set[str], words: set[str]) -> dict[str, list]:
    """For each name: [occurrences, bare occurrences, left neighbours, right neighbours
    of the bare ones, occurrences glued to a word before or after, occurrences after a
    boundary], by one pass over the text.

    words (set[str]): frequent two-character words.
    """
    stats: dict[str, list] = defaultdict(lambda: [0, 0, Counter(), Counter(), 0, 0])
    n = len(text)
    for i in range(n):
        for length in range(MIN_LEN, MAX_LEN + 1):
            name = text[i:i + length]
            if name in names:
                row = stats[name]
                row[0] += 1
                before = text[i - 1] if i else ""
                row[2][before] += 1
                row[5] += not "\u4e00" <= before <= "\u9fff" and not before.isalnum() \
                    or before in STOP
                bare = not CONTEXT.match(text, i + length)
                if bare:
                    row[1] += 1
                    row[3][text[i + length:i + length + 1]] += 1
                row[4] += (text[max(0, i - 1):i + 1] in words
                           or (bare and text[i + length - 1:i + length + 1] in words))
    return stats


def _dominant(neighbours: Counter, total: int) -> bool:
    """Whether one Han character sits beside most of the occurrences (one occurrence
    proves nothing)."""
    char, count = max(neighbours.items(), key=lambda kv: kv[1], default=("", 0))
    return bool(HAN.match(char or "a")) and count > max(1, MAX_NEIGHBOUR_SHARE * total)


def induce(text: str, words: set[str], places: set[str], proper: set[str],
           min_context: int, min_share: float, proper_context: int,
           proper_share: float) -> list[str]:
    """The organisation names of ``text``, sorted.

    words (set[str]): common words, never taken (their two-character ones also tell
        fragments). places (set[str]): never taken, but may open a longer name.
    proper (set[str]): names a dictionary lists as proper nouns.
    proper_context (int), proper_share (float): the context occurrences, in number and
        share, enough for those (a dictionary proper noun needs less evidence).
    RETURNS (list[str]): the names.
    """
    found = {}
    for name, context in candidates(text).items():
        if (context < (proper_context if name in proper else min_context) or name in words or name in places
                or CONTEXT.search(name) or name.endswith("区")
                or (len(name) > 2 and name[:2] in words and name[:2] not in places)
                or (len(name) == 4 and name[-2:] in words and name[-2:] not in TRADES
                    and not {name[:2]} & (places | proper | words))
                or (len(name) == 3 and name[0] in NOT_NAME_OPENING and name[1:] in words)
                or (len(name) == 2 and name.endswith("商"))):
            continue
        found[name] = context
    pairs = {w for w in words if len(w) == 2}
    stats = occurrence_stats(text, set(found), pairs)
    names = []
    for name, context in found.items():
        total, bare, left, right, glued, after_boundary = stats[name]
        share = proper_share if name in proper else min_share
        if (context >= share * total and bare >= 1 and glued <= MAX_NEIGHBOUR_SHARE * total
                and after_boundary >= MIN_BOUNDARY_SHARE * total
                and not _dominant(left, total) and not _dominant(right, bare)):
            names.append(name)
    return sorted(names)


def proper_nouns() -> set[str]:
    """jieba's proper nouns (``nz``, ``nt``) of 2–4 Han characters; empty without jieba."""
    try:
        import jieba
    except ImportError:
        return set()
    path = Path(jieba.__file__).parent / "dict.txt"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if (len(parts) == 3 and parts[2] in ("nz", "nt")
                and MIN_LEN <= len(parts[0]) <= MAX_LEN and HAN.match(parts[0])):
            out.add(parts[0])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rmrb", type=Path, default=RMRB)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-context", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.3)
    parser.add_argument("--min-proper-context", type=int, default=2)
    parser.add_argument("--jieba-share", type=float, default=0.2)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args()
    data = json.loads(args.out.read_text(encoding="utf-8"))
    # (not ``bigrams``: a corpus's frequent two-character strings hold names too)
    pairs = data.get("common_words", "")
    words = {pairs[i:i + 2] for i in range(0, len(pairs), 2)} | set(data["words"])
    places = set(data["admin"]) | set(data["alias"]) | set(data["town"]) | set(data["world"])
    proper = proper_nouns() - words
    names = induce(read_text(args.rmrb), words, places, proper, args.min_context,
                   args.min_share, args.min_proper_context, args.jieba_share)
    if args.dry_run:
        print("\n".join(names))
        return
    data["orgs"] = names
    data["orgs_source"] = (f"{args.rmrb.name} (人民日报 2019-2020, research use): names before "
                           f"a company word or title, >= {args.min_context} times and "
                           f">= {args.min_share:.0%} of their occurrences (jieba 0.42 nz/nt "
                           f"proper nouns, MIT: >= {args.min_proper_context} times, "
                           f">= {args.jieba_share:.0%}), built by "
                           "scripts/build_gazetteer_orgs.py")
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    print(f"{args.out}: {len(names)} organisation names")


if __name__ == "__main__":
    main()
