#!/usr/bin/env python3
"""Build ``pipeline/data/gazetteer.json`` from the data files of the ``jionlp`` wheel.

usage: python scripts/build_gazetteer.py [--wheel jionlp-*.whl] [--out pipeline/data/gazetteer.json]

Without ``--wheel`` the script runs ``pip download --no-deps jionlp`` into a temporary
folder. jionlp is only read as a zip archive here, never imported (it is heavy), and the
pipeline never needs it. What is taken (all from jionlp, Apache-2.0):

- ``dictionary/china_location.zip``: provinces, prefectures and counties (full names and
  jionlp's short forms), townships and sub-districts (乡/镇/街道/苏木, full names only);
- ``dictionary/world_location.txt``: countries (short and official names), capitals and
  the major cities listed with them (``world``), and the countries alone (``countries``);
- ``rule/rule_pattern.py``: the surname lists (百家姓 and compound surnames);
- ``dictionary/chinese_word_dictionary.zip`` (a pruned 新华词典): the words, and which
  glosses describe a place; used to drop short forms that are ordinary words (``通道``)
  and kept for the word-boundary checks and the model-output filters;
- ``dictionary/word_distribution.zip`` (corpus word counts): a short form much more
  frequent than its full name is mostly something else (``和平`` vs ``和平区``); its
  frequent two-character words are kept, as one string, for the word-boundary checks
  (``明光`` is not read in ``照明光源``).

Then run ``scripts/build_gazetteer_words.py``: it adds jieba's common words to the file.
The keys that script and the others add are kept when this one is rerun.
"""
from __future__ import annotations

import argparse
import ast
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "gazetteer.json"
TOWN = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:乡|镇|街道|苏木)$")
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# A short form more frequent than this many times its full name is mostly another word.
MAX_ALIAS_RATIO = 8
# With no count for the full name, a short form this frequent is a word (``上党``课);
# a short form the corpus segmenter never cut out as a word only occurs inside other
# words (``新和`` in ``新和旧``).
MAX_ORPHAN_ALIAS = 500
# Two-character words at least this frequent are kept for the word-boundary checks.
MIN_BIGRAM_COUNT = 2000
# A dictionary definition that describes a place (a river, a mountain, an old county).
PLACE_GLOSS = re.compile(r"地名|省|市|县|国|州|江|河|湖|山|岛|海|洋|城|镇|村|位于|古称|旧称")


def fetch_wheel(folder: Path) -> Path:
    """Download the jionlp wheel (no dependencies) into ``folder``."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                    str(folder), "jionlp"], check=True)
    return next(folder.glob("jionlp-*.whl"))


def read_member(wheel: zipfile.ZipFile, suffix: str) -> str:
    """The text of the wheel member ending in ``suffix``; zipped members are unpacked."""
    name = next(n for n in wheel.namelist() if n.endswith(suffix))
    data = wheel.read(name)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            data = inner.read(inner.namelist()[0])
    return data.decode("utf-8")


def common_words(text: str) -> dict[str, bool]:
    """Dictionary words of 2–4 Han characters → whether the gloss describes a place."""
    words = {}
    for line in text.splitlines():
        word, _, gloss = line.partition("\t")
        if 2 <= len(word) <= 4 and HAN.match(word):
            words[word] = bool(PLACE_GLOSS.search(gloss))
    return words


def word_counts(text: str) -> dict[str, int]:
    """Corpus counts of words, from jionlp's ``word_distribution`` (one JSON pair a line)."""
    counts = {}
    for line in text.splitlines():
        try:
            word, count = json.loads(line)
        except ValueError:
            continue
        counts[word] = count
    return counts


def china_places(text: str, words: dict[str, bool],
                 counts: dict[str, int]) -> tuple[set, set, set]:
    """Admin names (full), their safe short forms, and township names.

    A short form is kept when it has ≥ 2 characters and is not an ordinary word: a
    dictionary word is dropped, except a province/prefecture short form whose gloss
    describes a place (``天津``), and so is a form far more frequent than its full name
    or one that starts with a level character (``市中`` of ``市中区``: ``市中心``).
    Provinces and autonomous prefectures are spared both tests: their short forms are
    their names (``新疆``, ``湘西``), the full names (``新疆维吾尔自治区``) rarely written.
    """
    admin, alias, towns = set(), set(), set()
    full_count: dict[str, int] = {}
    written_short: set[str] = set()
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth == 3 and TOWN.match(parts[0]):
            towns.add(parts[0])
        if depth > 2 or not HAN.match(parts[0]):
            continue
        # Two-character districts are generic words (城区, 郊区, 矿区); a two-character
        # county that is a dictionary word is dropped too.
        if len(parts[0]) >= 3 or not (parts[0] in words or parts[0].endswith("区")):
            admin.add(parts[0])
        # A province's or autonomous prefecture's short form is its name (``新疆``).
        written = depth == 0 or (depth == 1 and "自治" in parts[0])
        for short in parts[2].split("/") if len(parts) == 3 else []:
            ordinary = short in words and not (written or (depth <= 1 and words[short]))
            generic = len(short) == 2 and short.endswith("区")
            if len(short) >= 2 and HAN.match(short) and not (ordinary or generic):
                alias.add(short)
                full_count[short] = max(full_count.get(short, 0), counts.get(parts[0], 0))
                if written:
                    written_short.add(short)
    for short, full in full_count.items():
        count = counts.get(short, 0)
        rare_full = (count > MAX_ALIAS_RATIO * full or (full == 0 and count >= MAX_ORPHAN_ALIAS))
        if count == 0 or (rare_full and short not in written_short) or short[0] in "省市县区":
            alias.discard(short)
    return admin, alias - admin, towns


def world_places(text: str, words: dict[str, bool], columns: int = 4) -> set:
    """Countries (short and official names), capitals and listed cities; with
    ``columns=2`` the countries alone."""
    out = set()
    for line in text.splitlines():
        if "\t" not in line:
            continue  # continent header
        for field in line.split("\t")[:columns]:
            for name in field.split("/"):
                name = name.strip()
                if len(name) >= 2 and HAN.match(name) and words.get(name, True):
                    out.add(name)
    return out


def surnames(source: str) -> tuple[str, str, list[str]]:
    """Surnames from jionlp's rule patterns: all single-character ones, the unambiguous
    ones (rarely anything but a surname: 赵, 吴, not 余, 马), and the compound ones.

    ``SINGLE_CHINESE_FAMILY_NAME`` is assigned twice there: first the whole 百家姓, then
    the unambiguous subset.
    """
    values: dict[str, list[str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            # Adjacent string literals across lines parse as one constant.
            values.setdefault(node.targets[0].id, []).append(ast.literal_eval(node.value)
                                                             if isinstance(node.value, ast.Constant) else "")
    every, unambiguous = values["SINGLE_CHINESE_FAMILY_NAME"][:2]
    double = sorted(set(values["TWO_CHAR_CHINESE_FAMILY_NAME"][0].split("|")))
    return "".join(sorted(set(every))), "".join(sorted(set(unambiguous))), double


def build(wheel_path: Path) -> dict:
    """RETURNS (dict): the gazetteer, ready to be written as JSON."""
    with zipfile.ZipFile(wheel_path) as wheel:
        words = common_words(read_member(wheel, "dictionary/chinese_word_dictionary.zip"))
        counts = word_counts(read_member(wheel, "dictionary/word_distribution.zip"))
        admin, alias, towns = china_places(read_member(wheel, "dictionary/china_location.zip"),
                                           words, counts)
        world_text = read_member(wheel, "dictionary/world_location.txt")
        world = world_places(world_text, words) - admin
        countries = world_places(world_text, words, columns=2) - admin
        single, unambiguous, double = surnames(read_member(wheel, "rule/rule_pattern.py"))
    places = admin | alias | towns | world
    return {
        "source": f"{wheel_path.name} (Apache-2.0), built by scripts/build_gazetteer.py",
        "admin": sorted(admin), "alias": sorted(alias), "town": sorted(towns),
        "world": sorted(world), "countries": sorted(countries),
        "surnames": single, "unambiguous_surnames": unambiguous, "compound_surnames": double,
        "words": sorted(w for w in words if w not in places),
        "bigrams": "".join(sorted(w for w, n in counts.items() if n >= MIN_BIGRAM_COUNT
                                  and len(w) == 2 and HAN.match(w) and w not in places)),
        "place_glossed": sorted(w for w, placey in words.items() if placey and w not in places),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a downloaded jionlp wheel")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gazetteer = build(args.wheel or fetch_wheel(Path(tmp)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # (the keys the other builders add are kept: rebuilding this part alone loses none)
    if args.out.exists():
        gazetteer = {**json.loads(args.out.read_text(encoding="utf-8")), **gazetteer}
    args.out.write_text(json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    sizes = {k: len(v) for k, v in gazetteer.items() if isinstance(v, list)}
    print(f"{args.out}: {args.out.stat().st_size:,} bytes {sizes}")


if __name__ == "__main__":
    main()
