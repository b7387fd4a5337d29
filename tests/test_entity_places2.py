"""More place rules of ``news_entity_rules`` (pipeline/tag/entity_rules/places.py,
pipeline/tag/gazetteer.py): named landforms and waters from jieba's dictionary
(``scripts/build_gazetteer_features.py``), and the places a model glues to them.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 枫林县, 青禾 and the companies are made up,
the real places come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

from pipeline.tag.gazetteer import load_gazetteer, split_admin_prefix


# fmt: off
CASES = [
    ("landforms: a named plateau, grassland and mountain range the model missed",
     "湘州援建的学校建在黄土高原上，牧民在科尔沁草原放牧，考察队穿越阿尔泰山脉。", [],
     {("黄土高原", "PLACE"), ("科尔沁草原", "PLACE"), ("阿尔泰山脉", "PLACE")}, set()),
    ("landforms: the whole name replaces the model's shorter place inside it",
     "枫林县地处华北平原腹地，考察队登上喜马拉雅山脉。",
     [("华北", "PLACE"), ("喜马拉雅山", "PLACE")],
     {("华北平原", "PLACE"), ("喜马拉雅山脉", "PLACE")},
     {("华北", "PLACE"), ("喜马拉雅山", "PLACE")}),
    ("waters: two rivers glued by the model are two places",
     "青禾公司的货船沿松花江嫩江一线航行。", [("松花江嫩江", "PLACE")],
     {("松花江", "PLACE"), ("嫩江", "PLACE")}, {("松花江嫩江", "PLACE")}),
    ("landforms: a mountain and its village are two places, a mountain's park is one site",
     "记者来到井冈山茨坪村，又去了凤凰山体育公园。",
     [("井冈山茨坪村", "PLACE"), ("凤凰山体育公园", "PLACE")],
     {("井冈山", "PLACE"), ("茨坪村", "PLACE"), ("凤凰山体育公园", "PLACE")},
     {("凤凰山", "PLACE"), ("体育公园", "PLACE")}),
    ("events: an event named by its place is the place, the event no entity",
     "第三届武汉国际马拉松开跑，青禾企业组团参加上海进博会。",
     [("武汉国际马拉松", "PLACE"), ("上海进博会", "PLACE")],
     {("武汉", "PLACE"), ("上海", "PLACE")}, {("武汉国际马拉松", "PLACE"), ("上海进博会", "PLACE")}),
    ("the country since 1949 as news names it, not inside 创新中国",
     "新中国成立后，枫林县建起第一座水库；湘州提出打造创新中国的样板。",
     [("中国", "PLACE"), ("中国", "PLACE", 1)],
     {("新中国", "PLACE"), ("中国", "PLACE")}, set()),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, present, absent):
    got = _ents(rules, text, model)
    assert present <= got, (name, got)
    assert not (absent & got), (name, got)


def test_features_leave_out_idioms_names_and_chains():
    gazetteer = load_gazetteer()
    assert {"黄土高原", "洞庭湖", "马六甲海峡", "撒哈拉沙漠"} <= gazetteer.features
    # (idioms and sayings, a person's name, a generic kind, a chain of two places)
    assert not {"五洲四海", "信口开河", "钟南山", "堰塞湖", "中国台湾"} & gazetteer.places
    # (a feature is no unit of a chain: a site after it stays with it)
    assert split_admin_prefix("凤凰山体育公园", gazetteer) == []
    assert split_admin_prefix("井冈山茨坪村", gazetteer) == [(0, 3), (3, 6)]
