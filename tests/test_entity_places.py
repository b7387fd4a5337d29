"""Place and organisation rules of ``news_entity_rules`` (pipeline/tag/entity_rules/places.py,
org_heads.py, org_context.py, media.py, filters.py; pipeline/tag/gazetteer.py) for the
classes that real 2019–2020 news showed: glued chains of county-level units, named sites,
a place chain before a company, platforms, levels coordinated before one head.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 枫林县, 河西区, 青禾 and the companies are made
up, the real places come from the gazetteer.
"""

import pytest
import spacy
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

from pipeline.nlp import CharTokenizer
from pipeline.tag.gazetteer import load_gazetteer, split_admin_prefix


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
    ("chains: a province and its county-level city are two places",
     "记者从江西省瑞金市获悉，当地新建了两所学校。", [("江西省瑞金市", "PLACE")],
     {("江西省", "PLACE"), ("瑞金市", "PLACE")}, {("江西省瑞金市", "PLACE")}),
    ("chains: a city and its district, and a province's short form before its city",
     "他从湖北宜昌来到成都市武侯区创业。", [("湖北宜昌", "PLACE"), ("成都市武侯区", "PLACE")],
     {("湖北", "PLACE"), ("宜昌", "PLACE"), ("成都市", "PLACE"), ("武侯区", "PLACE")},
     {("湖北宜昌", "PLACE"), ("成都市武侯区", "PLACE")}),
    ("chains: a county the gazetteer lacks after its province",
     "她出生在湖南省青禾县。", [("湖南省青禾县", "PLACE")],
     {("湖南省", "PLACE"), ("青禾县", "PLACE")}, {("湖南省青禾县", "PLACE")}),
    ("chains: a country before its capital",
     "代表团抵达法国巴黎。", [("法国巴黎", "PLACE")],
     {("法国", "PLACE"), ("巴黎", "PLACE")}, {("法国巴黎", "PLACE")}),
    ("chains: a full name that starts with another place stays whole",
     "青海省海南藏族自治州的牧民搬进新居。", [("海南藏族自治州", "PLACE")],
     {("海南藏族自治州", "PLACE")}, {("海南", "PLACE")}),
    ("chains: a chain of two units glued to a company written alone elsewhere",
     "昨天，在江西省赣州市青松集团的车间里，青松集团的工人正忙着装箱。",
     [("江西省赣州市青松集团", "ORG")],
     {("江西省", "PLACE"), ("赣州市", "PLACE"), ("青松集团", "ORG")},
     {("江西省赣州市青松集团", "ORG")}),
    ("chains: a chain and a company written only together stay one ORG",
     "江西省赣州市青松纺织厂今年扩产。", [("江西省赣州市青松纺织厂", "ORG")],
     {("江西省赣州市青松纺织厂", "ORG")}, {("江西省", "PLACE")}),
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


def test_chain_parts():
    gazetteer = load_gazetteer()
    assert split_admin_prefix("四川省绵阳市", gazetteer) == [(0, 3), (3, 6)]
    assert split_admin_prefix("四川省绵阳市", gazetteer, chains=False) == []
    assert split_admin_prefix("绵阳市", gazetteer) == []
    # (a three-level chain: the first cut, the rest cut again by the caller)
    assert split_admin_prefix("四川省绵阳市涪城区", gazetteer) == [(0, 3), (3, 9)]


def test_chains_kept_whole_when_asked():
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("news_entity_rules")
    nlp.get_pipe("news_entity_rules").split_chains = False
    got = _ents(nlp, "他从湖北宜昌来到青禾县石门镇。", [("湖北宜昌", "PLACE"), ("青禾县石门镇", "PLACE")])
    assert {("湖北宜昌", "PLACE"), ("青禾县", "PLACE"), ("石门镇", "PLACE")} <= got


def test_levelled_chains_keep_short_forms_and_countries_whole():
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("news_entity_rules")
    nlp.get_pipe("news_entity_rules").split_chains = "levelled"
    got = _ents(nlp, "他从湖北宜昌来到成都市武侯区，又去了法国巴黎。",
                [("湖北宜昌", "PLACE"), ("成都市武侯区", "PLACE"), ("法国巴黎", "PLACE")])
    assert {("湖北宜昌", "PLACE"), ("成都市", "PLACE"), ("武侯区", "PLACE"),
            ("法国巴黎", "PLACE")} <= got



@pytest.mark.parametrize("setting", [True, "levelled", False])
def test_split_chains_is_a_setting_of_the_stage(setting):
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    pipe = nlp.add_pipe("news_entity_rules", config={"split_chains": setting})
    assert pipe.split_chains == setting


def test_a_generic_venue_after_its_place_is_the_place():
    from pipeline import load_nlp
    nlp = load_nlp("configs/default.yaml")
    doc = nlp("晚会在北京主会场和青山市分会场同步举行，丝绸之路国际电影节分会场也很热闹。")
    assert {(e.text, e.label_) for e in doc.ents} == {("北京", "PLACE"), ("青山市", "PLACE")}


def test_a_party_congress_written_by_its_number_is_no_org():
    from pipeline.tag.entity_rules.filters import _CONGRESS
    assert all(_CONGRESS.search(t) for t in ("十九大", "党的十八大", "县第三次党代会"))
    assert not _CONGRESS.search("县人民代表大会")
