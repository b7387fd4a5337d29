"""Organisation rules of ``news_entity_rules`` (pipeline/tag/entity_rules/filters.py,
org_heads.py, org_context.py, media.py) for the ORG error classes of real 2019–2020 news:
a country glued to a body that has its own name, and the like.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 枫林县, 青禾 and the bodies are made up, the
real places come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

# fmt: off
CASES = [
    ("country before body: a foreign city opens the body's own name",
     "青禾交响乐团与英国伦敦青禾爱乐乐团同台演出。", [("英国伦敦青禾爱乐乐团", "ORG")],
     {("英国", "PLACE"), ("伦敦青禾爱乐乐团", "ORG")}, {("英国伦敦青禾爱乐乐团", "ORG")}),
    ("country before body: a Latin-script name, and 联合国 after a city",
     "加拿大XYZ电视台记者在纽约联合国总部采访。",
     [("加拿大XYZ电视台", "ORG"), ("纽约联合国总部", "ORG")],
     {("加拿大", "PLACE"), ("XYZ电视台", "ORG"), ("纽约", "PLACE"), ("联合国总部", "ORG")},
     {("加拿大XYZ电视台", "ORG"), ("纽约联合国总部", "ORG")}),
    ("country before body: a country, its city and 联合国 are split in turn",
     "论坛在美国纽约联合国总部举行。", [("美国纽约联合国总部", "ORG")],
     {("美国", "PLACE"), ("纽约", "PLACE"), ("联合国总部", "ORG")}, set()),
    ("country before body: a country and its city read as an ORG are two places",
     "湘州代表团昨日抵达印度孟买。", [("印度孟买", "ORG")],
     {("印度", "PLACE"), ("孟买", "PLACE")}, {("印度孟买", "ORG")}),
    ("country before body: a national body keeps its country; 中国 and China's cities "
     "after a country are no city of it",
     "德国外交部、泰国湘州商会和韩国中国经济研究所、泰国北京青禾商会发表声明。",
     [("德国外交部", "ORG"), ("韩国中国经济研究所", "ORG"), ("泰国北京青禾商会", "ORG")],
     {("德国外交部", "ORG"), ("韩国中国经济研究所", "ORG"), ("泰国北京青禾商会", "ORG")},
     {("德国", "PLACE"), ("韩国", "PLACE"), ("泰国", "PLACE")}),
    ("country before body: 中国 before a domestic university stays as the model read it",
     "他就读于中国湘州大学。", [("中国湘州大学", "ORG")],
     {("中国湘州大学", "ORG")}, {("中国", "PLACE")}),
    ("clause: an adverb after a place makes the model ORG a clause; the places stay",
     "湖南省衡阳县认真落实省委部署，长沙县积极发挥协会作用。",
     [("湖南省衡阳县认真落实省委部", "ORG"), ("长沙县积极发挥协会", "ORG")],
     {("湖南省", "PLACE"), ("衡阳县", "PLACE"), ("长沙县", "PLACE")},
     {("湖南省衡阳县认真落实省委部", "ORG"), ("长沙县积极发挥协会", "ORG"),
      ("衡阳县认真落实省委部", "ORG"), ("湖南省衡阳县", "PLACE")}),
    ("clause: 关于 inside a model ORG drops it; a real name with 促进 stays",
     "会议学习了省委关于深化改革的部署，湘州文化促进会派员参加。",
     [("省委关于深化改革", "ORG"), ("湘州文化促进会", "ORG")],
     {("湘州文化促进会", "ORG")}, {("省委关于深化改革", "ORG")}),
    ("clause: 的 right after a place is no name; 的 inside a transliteration is",
     "环绕衡阳县的交通网已建成，英国加的夫大学代表团来访。",
     [("衡阳县的交通网", "ORG"), ("英国加的夫大学", "ORG")],
     {("衡阳县", "PLACE"), ("英国加的夫大学", "ORG")}, {("衡阳县的交通网", "ORG")}),
    ("clause: a web outlet after a place holds no function word; X在线 is one",
     "衡阳在线记者报道，环绕衡阳县的物流网。", [("衡阳", "PLACE"), ("衡阳县", "PLACE")],
     {("衡阳在线", "ORG")}, {("衡阳县的物流网", "ORG")}),
    ("sides: a country's side by its abbreviation is no ORG; a region in 方 is kept",
     "中方愿同湘方一道努力，美方表示欢迎，东方集团代表出席。",
     [("中方", "ORG"), ("美方", "ORG"), ("东方集团", "ORG")],
     {("东方集团", "ORG")}, {("中方", "ORG"), ("美方", "ORG")}),
    ("bare bureaus: a list of sector bureaus with no prefix names no ORG; a prefixed "
     "list head lends its prefix, and a bare bureau alone is left",
     "平台整合了人社局、商务局、民政局的窗口；湘州市委组织部、宣传部派员指导，交通局也到场。",
     [("人社局", "ORG"), ("商务局", "ORG"), ("民政局", "ORG"), ("湘州市委组织部", "ORG"),
      ("宣传部", "ORG"), ("交通局", "ORG")],
     {("湘州市委组织部", "ORG"), ("宣传部", "ORG"), ("交通局", "ORG")},
     {("人社局", "ORG"), ("商务局", "ORG"), ("民政局", "ORG")}),
    ("outlets: 央视 is an outlet, also inside a programme's name; its web outlet stays whole",
     "湘州小学生登上央视春晚舞台，央视网全程直播。", [("央视网", "ORG")],
     {("央视", "ORG"), ("央视网", "ORG")}, set()),
    ("companies: the state grid by its trade after 国家; a country's grid is none",
     "国家电网湘州供电公司抢修线路，国家电网络安全检查同步开展。", [],
     {("国家电网", "ORG")}, {("国家电网络", "ORG")}),
    ("classes: a sector's departments or organs are a class; the place before them stays",
     "湖南省公安部门和纪检监察机关联合督查，湘州市公安局通报了结果。",
     [("湖南省公安部门", "ORG"), ("纪检监察机关", "ORG"), ("湘州市公安局", "ORG")],
     {("湖南省", "PLACE"), ("湘州市公安局", "ORG")},
     {("湖南省公安部门", "ORG"), ("纪检监察机关", "ORG")}),
    ("non-bodies: numbered plenums, codes of law and sector nouns are no ORGs; a school's "
     "short name is",
     "市二中师生学习十九届二中、三中全会精神和民法典，纪检监察干部到场。",
     [("市二中", "ORG"), ("二中", "ORG", 1), ("三中", "ORG"), ("民法典", "ORG"),
      ("纪检监察", "ORG")],
     {("市二中", "ORG")}, {("二中", "ORG"), ("三中", "ORG"), ("民法典", "ORG"),
                          ("纪检监察", "ORG")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, present, absent):
    got = _ents(rules, text, model)
    assert present <= got, f"{name}: missing {present - got} in {got}"
    assert not (absent & got), f"{name}: unexpected {absent & got} in {got}"


def test_the_nation_s_attribute_is_no_place(rules):
    assert ("中华", "PLACE") not in _ents(rules, "枫林县青年传承中华文明。",
                                          [("枫林县", "PLACE"), ("中华", "PLACE")])
    assert ("中华", "PLACE") in _ents(rules, "枫林县青年立志振兴中华。", [("中华", "PLACE")])
