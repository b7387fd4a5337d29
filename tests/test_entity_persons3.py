"""A holder's name right after the title (``X国外长Y``, ``总统Y``) that the model read as a
place is the holder, a person, unless a gazetteer knows it as a place or it ends on a
place word (pipeline.tag.entity_rules.persons.titled_persons).

The model's entities are given by hand (source ``zh_char_ner``), so the tests do not
depend on the NER model. All sentences, people and places are invented.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

# fmt: off
CASES = [
    ("a foreign minister's name read as a place",
     "同日，赵刚还同甲国外长德拉里昂举行会谈。", [("德拉里昂", "PLACE")],
     {("德拉里昂", "PERSON")}, {("德拉里昂", "PLACE")}),
    ("a president's name read as a place",
     "当天，总统维拉斯科在首都会见了来访的代表团。", [("维拉斯科", "PLACE")],
     {("维拉斯科", "PERSON")}, {("维拉斯科", "PLACE")}),
    ("a known place after a title stays a place (部长 + city + 会议)",
     "石油部长维也纳会议曾多次讨论减产。", [("维也纳", "PLACE")],
     {("维也纳", "PLACE")}, {("维也纳", "PERSON")}),
    ("a country after a title stays a place (X国总理Y国副总理)",
     "甲国总理日本首相同时出席了开幕式。", [("日本", "PLACE")],
     {("日本", "PLACE")}, {("日本", "PERSON")}),
    ("a place ending on a place word stays (大使 + X市)",
     "他曾任驻外大使青禾市的友好交流由此开始。", [("青禾市", "PLACE")],
     {("青禾市", "PLACE")}, {("青禾市", "PERSON")}),
    ("a place without a title before it stays",
     "同日，赵刚还同来自德拉里昂的客人举行会谈。", [("德拉里昂", "PLACE")],
     {("德拉里昂", "PLACE")}, {("德拉里昂", "PERSON")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_titled_persons(rules, name, text, model, present, absent):
    found = _ents(rules, text, model)
    assert present <= found, (name, found)
    assert not (absent & found), (name, found)


def test_name_ending_the_text(rules):
    """A two-character model name that ends the text (a headline's last word) does not
    break the search for names the model cut short."""
    text = "社区志愿者邱岚。本期人物：邱岚"
    found = _ents(rules, text, [("邱岚", "PERSON"), ("邱岚", "PERSON", 1)])
    assert ("邱岚", "PERSON") in found
