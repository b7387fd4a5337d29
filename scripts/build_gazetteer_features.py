#!/usr/bin/env python3
"""Add the named landforms and waters of jieba's dictionary to ``pipeline/data/gazetteer.json``.

usage: python scripts/build_gazetteer_features.py [--dict path/to/jieba/dict.txt]
           [--out pipeline/data/gazetteer.json] [--min-count 3]

The key ``features`` holds the words of jieba's dictionary (jieba 0.42, MIT licence;
``pip install jieba``, the ``bench``/``train`` extras have it) tagged ``ns`` (a place)
whose name is a stem of two or more characters and the kind of a landform or a water
(``X高原``, ``X盆地``, ``X半岛``, ``X海峡``, ``X群岛``, ``X湾``, ``X洋``, ``X江口``, ``X河``,
``X山``, ``X湖``, ``X岛``, ``X江``, ``X海``, ``X岭``, ``X峰``; GUIDELINES §4 PLACE: rivers,
named areas and landmarks), counted at least ``--min-count`` times, and not already a
place of the gazetteer. Left out: words of the jionlp dictionary whose gloss describes
no place (``人山人海``, ``得意洋洋``), idioms that hold two kinds (``锦绣山河``,
``崇山峻岭``), and the kinds of water or landform that are no name (``火山湖``,
``堰塞湖``, ``湖心岛``), and a few idioms and people's names the dictionary tags as places
(``NO_PLACE``), and chains of two places (``中国台湾``). The other keys, built by ``build_gazetteer.py`` and the other
scripts, are left as they are; run this one after them.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "gazetteer.json"
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# The kind that ends a landform's or a water's name; the stem before it has two or more
# characters (``X江口`` of a river's mouth: the river's name, then 口).
KIND = re.compile(r"(?:高原|平原|盆地|山脉|半岛|群岛|列岛|海峡|沙漠|草原|三角洲|洋|湾"
                  r"|(?<=[江河])口|江|河|湖|山|岛|海|峰|岭)$")
# A second kind inside the stem makes an idiom of places (``锦绣山河``, ``百川归海``).
_INNER_KIND = re.compile(r"[山河海江湖岭川洋峰岛]")
# Kinds of water or landform, no names (``火山湖``: any crater lake).
GENERIC = frozenset({"火山湖", "火山岛", "堰塞湖", "咸水湖", "淡水湖", "湖心岛", "河口湾",
                     "稀树草原", "高草草原", "山间盆地", "高平原", "四大洋", "山群峰", "亚高山",
                     "休火山", "新高峰", "城市热岛", "攀登高峰", "的花海", "无人岛", "石头山"})
# Idioms, sayings and titles the dictionary tags as places (``五洲四海``, ``猛虎下山``,
# ``观沧海``), and people's names it tags so (``许地山``, ``钟南山``: a name is read by the
# model; as a place it would outvote a missed PERSON).
NO_PLACE = frozenset({
    "三座大山", "临水登山", "九州四海", "九洲四海", "五洲四海", "信口开河", "剑树刀山",
    "寿比南山", "扬名四海", "日落西山", "曾经沧海", "桑田沧海", "流水高山", "滨临大海",
    "猛虎下山", "猛虎深山", "留得青山", "石投大海", "秀水明山", "青青草原", "顺口开河",
    "香象渡河", "马放南山", "高卧东山", "上刀山", "上得峰", "观沧海", "锦绣山", "寿南山",
    "亚历山", "余沧海", "周沧海", "张坤海", "欧阳山", "许地山", "钟南山", "华伦海",
})


def jieba_dict() -> Path:
    """The ``dict.txt`` of the installed jieba package."""
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def features(path: Path, min_count: int, known: set[str], ordinary: set[str]) -> list[str]:
    """jieba's place words that name a landform or a water, sorted.

    path (Path): jieba's ``dict.txt`` (``word count tag`` a line).
    min_count (int): the lowest count kept.
    known (set[str]): the gazetteer's places (left out: they are there already).
    ordinary (set[str]): dictionary words whose gloss describes no place.
    RETURNS (list[str]): the names.
    """
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3 or parts[2] != "ns" or int(parts[1]) < min_count:
            continue
        word = parts[0]
        kind = KIND.search(word)
        if (not HAN.match(word) or not kind or kind.start() < 2 or word in known
                or word in ordinary or word in GENERIC or word in NO_PLACE
                or _INNER_KIND.search(word, 1, kind.start())):
            continue
        out.add(word)
    # (a chain of two places, ``中国台湾``, ``广西北海``, ``X省Y山``: the places, one by
    # one; not ``X省`` and a bare kind, ``X高原`` of a province)
    places = known | out
    return sorted(w for w in out if not any(
        w[:i] in places and (w[i:] in places or _named(w[i:]))
        for i in range(2, len(w) - 1)))


def _named(text: str) -> bool:
    """Whether ``text`` is a name and its kind (``X山``), not a bare kind (``高原``)."""
    kind = KIND.search(text)
    return bool(kind) and kind.start() >= 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=None, help="jieba's dict.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    data = json.loads(args.out.read_text(encoding="utf-8"))
    known = set(data["admin"] + data["alias"] + data["town"] + data["world"])
    ordinary = set(data["words"]) - set(data["place_glossed"])
    names = features(args.dict or jieba_dict(), args.min_count, known, ordinary)
    data["features"] = names
    data["features_source"] = ("jieba 0.42 dict.txt (MIT), words tagged ns ending in a "
                               f"landform's or a water's kind, count >= {args.min_count}, "
                               "built by scripts/build_gazetteer_features.py")
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    print(f"{args.out}: {len(names)} landforms and waters")


if __name__ == "__main__":
    main()
