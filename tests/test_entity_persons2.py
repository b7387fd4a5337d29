"""More person rules of the ``news_entity_rules`` stage (pipeline.tag.entity_rules.persons):
a lone surname the model read with what follows it as one name (``X和Y``, ``X姓``, ``X6师``,
``X亦`` of a full name the story names), cut to the surname(s), which GUIDELINES'
``min_chars: 2`` then drops; a screen name or nickname in quotes after the word that says
so (``网友“X”``, ``绰号“X”``) is a person.

The model's entities are given by hand (source ``zh_char_ner``), each at a chosen
occurrence of its string, so the tests do not depend on the NER model. All sentences,
people and places are invented, in the style of a city daily or a web news site.
"""

import pytest
import spacy
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

from pipeline.nlp import CharTokenizer


# fmt: off
CASES = [
    # --- a storm's name
    ("a storm's name by its kind is no person; a person named 台风 stays",
     "受第9号台风蓝秋月影响，超强台风“邱云”和‘蓝莓’台风过后，邱台风回到了村里。",
     [("蓝秋月", "PERSON"), ("邱云", "PERSON"), ("蓝莓", "PERSON"), ("邱台风", "PERSON")],
     {("邱台风", "PERSON")}, {("蓝秋月", "PERSON"), ("邱云", "PERSON"), ("蓝莓", "PERSON")}),
    # --- a lone surname glued to what follows it
    ("two surnames joined by 和 are no name",
     "民警随即电话通知邱和蓝，两人赶到了现场。", [("邱和蓝", "PERSON")],
     set(), {("邱和蓝", "PERSON")}),
    ("a name with 和 opening a word stays (X和平)",
     "退休教师邱和平说，菜园子今年收成不错。", [("邱和平", "PERSON")],
     {("邱和平", "PERSON")}, set()),
    ("a surname's mark is no name (X姓)",
     "据悉，一名邱姓男子当晚被带走调查。", [("邱姓", "PERSON")],
     set(), {("邱姓", "PERSON")}),
    ("a surname glued to a digit is no name (X6师)",
     "电报称，蓝6师已开抵河口一线。", [("蓝6师", "PERSON")],
     set(), {("蓝6师", "PERSON")}),
    ("an adverb after the surname of a full name the story names",
     "蓝啸天当天离开了省城。蓝亦获悉，对方已改变计划。",
     [("蓝啸天", "PERSON"), ("蓝亦", "PERSON")],
     {("蓝啸天", "PERSON")}, {("蓝亦", "PERSON")}),
    ("a two-character name ending in such a character stays without a full name",
     "社区志愿者蓝亦介绍，活动每周六举行。", [("蓝亦", "PERSON")],
     {("蓝亦", "PERSON")}, set()),
    ("X氏 may stand for the person and stays",
     "蓝啸天回到县城后，由蓝氏出面调停。", [("蓝啸天", "PERSON"), ("蓝氏", "PERSON")],
     {("蓝啸天", "PERSON"), ("蓝氏", "PERSON")}, set()),
    # --- screen names and nicknames in quotes
    ("a netizen's screen name the model cut short",
     "家住河西的网友“青柠慢半拍”表示，新路灯亮了，晚上散步安心多了。", [("青柠慢", "PERSON")],
     {("青柠慢半拍", "PERSON")}, {("青柠慢", "PERSON")}),
    ("a screen name the model missed (网名为“X”)",
     "一位网名为“晚风”的快递员留言称，小区的快递柜不够用。", [],
     {("晚风", "PERSON")}, set()),
    ("a nickname the model read as an organisation",
     "球队主帅邵远航（绰号“铁帅”）表示，下一场必须全力争胜。", [("铁帅", "ORG")],
     {("铁帅", "PERSON")}, {("铁帅", "ORG")}),
    ("what netizens did, in quotes, is no name",
     "这片林子已被8万网友“认领”栽培；小程序还能帮助网友“换装”，生成头像。", [],
     set(), {("认领", "PERSON"), ("换装", "PERSON")}),
    ("a thing's nickname is no person (昵称)",
     "这座新桥被市民起了个昵称“小彩虹”。", [],
     set(), {("小彩虹", "PERSON")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_person_rules2(rules, name, text, model, present, absent):
    found = _ents(rules, text, model)
    assert present <= found, (name, found)
    assert not (absent & found), (name, found)


def test_glued_surnames_kept_with_min_chars_one():
    """With ``min_chars: 1`` (the pd-style config) the cut surnames stay persons."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("news_entity_rules", config={"min_chars": 1})
    found = _ents(nlp, "民警随即电话通知邱和蓝，两人赶到了现场。", [("邱和蓝", "PERSON")])
    assert {("邱", "PERSON"), ("蓝", "PERSON")} <= found
