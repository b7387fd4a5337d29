"""Place and organisation rules of ``news_entity_rules`` (pipeline/tag/entity_rules/places.py,
org_heads.py, org_context.py, media.py, filters.py; pipeline/tag/gazetteer.py) for the
classes that real 2019–2020 news showed: glued chains of county-level units, named sites,
a place chain before a company, platforms, levels coordinated before one head.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 枫林县, 河西区, 青禾 and the companies are made
up, the real places come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)


# fmt: off
CASES = [
    ("orgs: a platform named in quotes after a place is an ORG; a clause in quotes is none",
     "“河西区人才一站式服务平台”上线，“枫林县成为区域物流重要平台”的目标写入规划。",
     [("河西区", "PLACE"), ("枫林县", "PLACE")],
     {("河西区人才一站式服务平台", "ORG")}, {("枫林县成为区域物流重要平台", "ORG")}),
    ("platforms: a web outlet's forum is one ORG",
     "网友在青禾网民生论坛留言，也有人登录湘州网财经频道。", [],
     {("青禾网民生论坛", "ORG"), ("湘州网财经频道", "ORG")}, set()),
    ("platforms: a network is no outlet, and a Latin name's part opens none",
     "物联网产业论坛在枫林县开幕，越南Abc新闻网国际频道记者到场。", [],
     set(), {("物联网产业论坛", "ORG"), ("新闻网国际频道", "ORG")}),
    ("orgs: levels coordinated before one head name no organisation",
     "案卷报市、区政府法制办备案，省、市、县纪委联合督查。",
     [("区政府法制办", "ORG"), ("县纪委", "ORG")],
     set(), {("区政府法制办", "ORG"), ("县纪委", "ORG")}),
    ("orgs: a level after a place and a comma opens an organisation",
     "记者走访了湘州市、市委宣传部的干部。", [("湘州市", "PLACE"), ("市委宣传部", "ORG")],
     {("湘州市", "PLACE"), ("市委宣传部", "ORG")}, set()),
    ("sub-county: a county and its residential compound are two places",
     "记者来到枫林县石榴苑和河西区青禾家园的安置点。",
     [("枫林县石榴苑", "PLACE"), ("河西区青禾家园", "PLACE")],
     {("枫林县", "PLACE"), ("石榴苑", "PLACE"), ("河西区", "PLACE"), ("青禾家园", "PLACE")},
     {("枫林县石榴苑", "PLACE"), ("河西区青禾家园", "PLACE")}),
    ("sites: grottoes, steles and castles by their kind; a verb of causing opens no name",
     "游客参观了青崖石窟和岚峰碑林，数字技术，让鹤汀古镇焕发新生。", [],
     {("青崖石窟", "PLACE"), ("岚峰碑林", "PLACE"), ("鹤汀古镇", "PLACE")},
     {("让鹤汀古镇", "PLACE")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, present, absent):
    got = _ents(rules, text, model)
    assert present <= got, (name, got)
    assert not (absent & got), (name, got)

