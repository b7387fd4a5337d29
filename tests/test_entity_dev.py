"""The entity dev set (``eval/entity-dev``, ``scripts/entity_dev.py``): its build writes
one page per listed 人民日报 article and a gold file in ``score.py``'s shape whose
entities all stand in the page. Skipped where the rmrb data is not present."""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import entity_dev  # noqa: E402
import link_dev  # noqa: E402

pytestmark = pytest.mark.skipif(not link_dev.DATA.exists(), reason="rmrb data not present")


def test_build_writes_pages_and_gold_in_the_scorer_shape(tmp_path):
    spec = json.loads(entity_dev.ANNOTATIONS.read_text(encoding="utf-8"))
    every = dict.fromkeys(note.get("half", "dev") for note in spec["stories"].values())
    golds = entity_dev.build(tmp_path, ",".join(every))  # held-back halves named too
    pages = sorted((tmp_path / "pages").glob("*.txt"))
    assert len(pages) == len(golds) == len(spec["stories"])
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["scored"] == ["stories", "entities"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-p\d{2}-\d{2}\.txt", gold["doc"])
        assert gold["publication_date"] == gold["doc"][:10]
        (story,) = gold["stories"]
        assert set(story["entities"]) == set(entity_dev.LABELS)
        assert story["entities"] == {lab: spec["stories"][story["id"]]["entities"].get(lab, [])
                                     for lab in entity_dev.LABELS}
        text = (tmp_path / "pages" / gold["doc"]).read_text(encoding="utf-8")
        flat = re.sub(r"\s+", "", text.replace("#", ""))
        assert len(story["body_start"]) == len(story["body_end"]) == 12
        assert re.sub(r"\s+", "", story["body_start"]) in flat
        assert flat.endswith(re.sub(r"\s+", "", story["body_end"]))
        for lab, names in story["entities"].items():
            for name in names:
                assert name in flat, (gold["doc"], lab, name)


def test_the_draw_keeps_off_layout_dev_and_link_dev():
    dates, _, ids = entity_dev.excluded()
    spec = json.loads(entity_dev.ANNOTATIONS.read_text(encoding="utf-8"))
    assert dates and ids
    for aid in spec["stories"]:
        assert aid not in ids
        assert f"{aid[:4]}-{aid[4:6]}-{aid[6:8]}" not in dates


def test_every_recorded_draw_replays_its_half():
    """``draw --fresh --half H`` leaves out only the halves annotated before H, so each
    recorded draw gives its half's articles again after later halves were added; a half
    drawn in several draws (check7: seeds 8888 and 9999; check8: 10101 and 12121; check9:
    13131 and 15151; check10: 16161 and 18181; check11: 20202 and 21212; check12: 24242 and
    25252; check13: 27272 and 28282; check14: 30303 and 32323; check15: 33333 and 34343;
    check16: 37373 and 39393; check17: 40404 and 43434; check18: 46464 and 47474; check19: 50505
    and 51515; check20: 53535 and 54545; check21: 57575 and 60606) is their union, disjoint."""
    spec = json.loads(entity_dev.ANNOTATIONS.read_text(encoding="utf-8"))
    halves, drawn = {}, {}
    for aid, note in spec["stories"].items():
        halves.setdefault(note.get("half", "dev"), set()).add(aid)
    for rec in spec["draws"]:
        fresh = "--fresh" in rec["command"]
        assert f"--seed {rec['seed']}" in rec["command"] or rec["seed"] == entity_dev.SEED
        got = entity_dev.draw(rec["seed"], rec.get("each"), fresh, rec["half"] if fresh else None)
        ids = {aid for _, aid in got}
        assert len(ids) == len(got) and ids <= halves[rec["half"]], rec["half"]
        assert not ids & drawn.get(rec["half"], set()), rec["half"]
        drawn.setdefault(rec["half"], set()).update(ids)
        assert all(spec["stories"][aid]["kind"] == kind for kind, aid in got)
    for half, ids in drawn.items():
        assert ids == halves[half], half
    for half in ("check7", "check8", "check9", "check10", "check11", "check12", "check13",
                 "check14", "check15", "check16", "check17", "check18", "check19", "check20",
                 "check21"):
        assert sum(1 for rec in spec["draws"] if rec["half"] == half) == 2
        assert len(drawn[half]) == 12
    # each of check8's draws left out every article of dev-check7, each of check9's every
    # article of dev-check8, each of check10's every article of dev-check9, each of check11's
    # every article of dev-check10, each of check12's every article of dev-check11, each of
    # check13's every article of dev-check12, each of check14's every article of dev-check13,
    # and so on to check21's every article of dev-check20
    for half in ("check8", "check9", "check10", "check11", "check12", "check13", "check14",
                 "check15", "check16", "check17", "check18", "check19", "check20", "check21"):
        assert not drawn[half] & set().union(*(ids for h, ids in halves.items() if h != half))


@pytest.mark.parametrize("half, seeds, rejected_seed, overlap", [
    ("check9", [13131, 15151], [14141], [{"20200108-04-06"}]),
    ("check10", [16161, 18181], [17171], [{"20191003-02-03"}]),
    ("check14", [30303, 32323], [31313], [{"20191017-09-03"}]),
    ("check16", [37373, 39393], [38383], [{"20190218-06-03"}]),
    ("check17", [40404, 43434], [41414, 42424], [{"20200114-15-02"}, {"20200131-01-07"}]),
    ("check21", [57575, 60606], [58585, 59595], [{"20190222-04-05"}, {"20200129-01-06"}]),
])
def test_two_draws_are_disjoint_and_the_rejected_seed_replays(half, seeds, rejected_seed,
                                                              overlap):
    """A half's second draw shares no article with its first; the planned second seed,
    recorded as rejected, drew one of the first draw's articles (check9: 14141; check10: 17171;
    check14: 31313; check16: 38383; check17: 41414, then 42424; check21: 58585, then 59595); each
    half's draws leave out every article of the halves before it."""
    spec = json.loads(entity_dev.ANNOTATIONS.read_text(encoding="utf-8"))
    recs = [rec for rec in spec["draws"] if rec["half"] == half]
    assert [rec["seed"] for rec in recs] == seeds
    first, second = ({aid for _, aid in entity_dev.draw(rec["seed"], 1, True, half)}
                     for rec in recs)
    assert len(first) == len(second) == 6 and not first & second
    # (one rejected seed as a record, several as a list, in the order tried)
    rejected = recs[1]["rejected"]
    rejected = rejected if isinstance(rejected, list) else [rejected]
    assert [r["seed"] for r in rejected] == rejected_seed
    for rec, want in zip(rejected, overlap):
        got = {aid for _, aid in entity_dev.draw(rec["seed"], 1, True, half)}
        assert got & first == set(rec["overlap"]) == want
    before = entity_dev.earlier(spec["stories"], half)
    assert before and not (first | second) & before
    assert all(spec["stories"][aid]["half"] == half for aid in first | second)


@pytest.mark.parametrize("half, seeds", [
    ("check11", [20202, 21212]),
    ("check12", [24242, 25252]),
    ("check13", [27272, 28282]),
    ("check18", [46464, 47474]),
    ("check19", [50505, 51515]),
    ("check20", [53535, 54545]),
])
def test_two_draws_are_disjoint_with_no_rejected_seed(half, seeds):
    """check11's second draw (seed 21212), check12's (25252), check13's (28282), check18's (47474),
    check19's (51515) and check20's (54545), the planned ones, share no article with their first
    (20202, 24242, 27272, 46464, 50505, 53535), so no seed was rejected; each half's draws leave out
    every article of the halves before it (check11: dev-check10; check12: dev-check11; check13:
    dev-check12; check18: dev-check17; check19: dev-check18; check20: dev-check19)."""
    spec = json.loads(entity_dev.ANNOTATIONS.read_text(encoding="utf-8"))
    recs = [rec for rec in spec["draws"] if rec["half"] == half]
    assert [rec["seed"] for rec in recs] == seeds
    assert not any("rejected" in rec for rec in recs)
    first, second = ({aid for _, aid in entity_dev.draw(rec["seed"], 1, True, half)}
                     for rec in recs)
    assert len(first) == len(second) == 6 and not first & second
    before = entity_dev.earlier(spec["stories"], half)
    assert before and not (first | second) & before
    assert all(spec["stories"][aid]["half"] == half for aid in first | second)


def test_a_fresh_draw_leaves_out_only_the_earlier_halves():
    stories = {"a": {"half": "dev"}, "b": {"half": "check"}, "c": {"half": "check"},
               "d": {"half": "check2"}}
    assert entity_dev.earlier(stories, "check") == {"a"}
    assert entity_dev.earlier(stories, "check2") == {"a", "b", "c"}
    assert entity_dev.earlier(stories, "dev") == set()
    assert (entity_dev.earlier(stories, "check3") == entity_dev.earlier(stories)
            == {"a", "b", "c", "d"})


def test_held_back_halves_are_built_only_when_named(tmp_path):
    spec = json.loads(entity_dev.ANNOTATIONS.read_text(encoding="utf-8"))
    half = {aid: note.get("half", "dev") for aid, note in spec["stories"].items()}

    def built(parts):
        golds = entity_dev.build(tmp_path / str(parts), parts)
        return {json.loads(p.read_text(encoding="utf-8"))["stories"][0]["id"] for p in golds}

    assert entity_dev.HELD_BACK == ("check19", "check20")
    held = {aid for aid, h in half.items() if h in ("check19", "check20")}
    assert len(held) == 24
    default = built(None)
    assert default == set(half) - held
    assert built("all") == default  # 'all' leaves the held-back halves out as well
    # check6 to check18, held back before, are ordinary parts now, and check21, a tuning part
    # from the start, was never held back
    assert {half[aid] for aid in default} >= {"dev", "check", "check6", "check7", "check8",
                                              "check9", "check10", "check11", "check12",
                                              "check13", "check14", "check15", "check16",
                                              "check17", "check18", "check21"}
    check21 = {aid for aid, h in half.items() if h == "check21"}
    assert len(check21) == 12 and check21 <= default
    assert built("check4,check5") == {aid for aid, h in half.items() if h in ("check4", "check5")}
    assert built("check10") == {aid for aid, h in half.items() if h == "check10"}
    assert built("check11") == {aid for aid, h in half.items() if h == "check11"}
    assert built("check12") == {aid for aid, h in half.items() if h == "check12"}
    assert built("check13") == {aid for aid, h in half.items() if h == "check13"}
    assert built("check14") == {aid for aid, h in half.items() if h == "check14"}
    assert len(built("check14")) == 12
    assert built("check15") == {aid for aid, h in half.items() if h == "check15"}
    assert len(built("check15")) == 12
    assert built("check16") == {aid for aid, h in half.items() if h == "check16"}
    assert len(built("check17")) == 12
    assert len(built("check18")) == 12
    assert len(built("check19")) == 12
    assert len(built("check20")) == 12
    assert built("check21") == check21
    assert len(built("check21")) == 12
    assert built("check19,check20") == held
    assert built("check19") == {aid for aid, h in half.items() if h == "check19"}
    assert built("check17,check18") == ({aid for aid, h in half.items() if h == "check18"}
                                        | {aid for aid, h in half.items() if h == "check17"})
    assert built("check16,check17") == ({aid for aid, h in half.items() if h == "check17"}
                                        | {aid for aid, h in half.items() if h == "check16"})
    assert built("check15,check16") == ({aid for aid, h in half.items() if h == "check16"}
                                        | {aid for aid, h in half.items() if h == "check15"})
    assert built("check12,check13") == {aid for aid, h in half.items()
                                        if h in ("check12", "check13")}
    assert built("check11,check12") == ({aid for aid, h in half.items() if h == "check12"}
                                        | {aid for aid, h in half.items() if h == "check11"})
    assert entity_dev.select(spec["stories"], "check11") == ["check11"]
    assert entity_dev.select(spec["stories"], "check12") == ["check12"]
    assert entity_dev.select(spec["stories"], "check13") == ["check13"]
    assert entity_dev.select(spec["stories"], "check14") == ["check14"]
    for h in entity_dev.HELD_BACK:
        assert h not in entity_dev.select(spec["stories"], "all")
        assert h not in entity_dev.select(spec["stories"])
    assert "check11" in entity_dev.select(spec["stories"], "all")
    assert "check11" in entity_dev.select(spec["stories"])
    assert "check12" in entity_dev.select(spec["stories"], "all")  # released
    assert "check14" in entity_dev.select(spec["stories"], "all")  # released
    assert "check15" in entity_dev.select(spec["stories"], "all")  # released
    assert "check17" in entity_dev.select(spec["stories"], "all")  # released
    assert "check21" in entity_dev.select(spec["stories"], "all")  # never held back
    assert "check21" in entity_dev.select(spec["stories"])
    assert entity_dev.select(spec["stories"], "check16") == ["check16"]
    assert entity_dev.select(spec["stories"], "check17") == ["check17"]
    assert entity_dev.select(spec["stories"], "check18") == ["check18"]
    assert entity_dev.select(spec["stories"], "check19") == ["check19"]
    assert entity_dev.select(spec["stories"], "check20") == ["check20"]
    assert entity_dev.select(spec["stories"], "check21") == ["check21"]
    with pytest.raises(SystemExit):
        entity_dev.select(spec["stories"], "check22")
