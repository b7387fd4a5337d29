"""Rules of the nineteenth session (pipeline/tag/entity_rules/, dates.py, figures.py): a pair
of country abbreviations written from the other side (``甲中两国``) is no ORG; an office's
办 the model left out is completed; a bare cabinet or a foreign ministry without its country
is no ORG; a place glued to its verb of reporting is the place; a named railway is a PLACE (a
known place's railways the place), and so is a city's metro line;
a bank or a financial group after its province, written alone as well, is split from it;
regions grouped by their abbreviations with 地区 are one PLACE, a zone's bare kind none;
China's cooperation forums and national outlets (``中国X报``), a group counted as one in quotes, a financial firm before its
analyst's title, a coordination mechanism acting as a body and a leading group named by
its task are ORGs; a station's
square gives the station, a floor by its number is none, an entity run out of a
bracketed credit starts after it; 连日来 is a DATE, the year of a quoted plan none; steps of a
process and orders delivered are FIGUREs, numbered classes and 平均一天 none.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 青禾 and the people are made up, the real
places come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

from pipeline.tag.dates import find_dates
from pipeline.tag.figures import find_figures

# fmt: off
CASES = [
    ("a pair of abbreviations with 中 second is two countries, no ORG; not the city 巴中",
     "蒙中两国友好往来，韩中合作不断深化，巴中的茶叶远销各地。",
     [("蒙中", "ORG"), ("韩中", "ORG"), ("巴中", "PLACE")],
     {("巴中", "PLACE")}, {("蒙中", "ORG"), ("韩中", "ORG")}),
    ("an office's 办 the model left out before a title is completed",
     "湘州市侨办主任会见了来访客商，青禾联络办负责人陪同。",
     [("湘州市侨", "ORG"), ("青禾联络", "ORG")],
     {("湘州市侨办", "ORG"), ("青禾联络办", "ORG")}, {("湘州市侨", "ORG")}),
    ("办 of a verb after the body is left out",
     "湘州市教育局办的讲座很受欢迎。", [("湘州市教育局", "ORG")],
     {("湘州市教育局", "ORG")}, {("湘州市教育局办", "ORG")}),
    ("a bare cabinet and a ministry without its country are no ORG; with the country it is",
     "日本政府在内阁会议上通过政令，厚生劳动省随后公布细则，日本外务省表示欢迎。",
     [("日本政府", "ORG"), ("内阁", "ORG"), ("厚生劳动省", "ORG"), ("日本外务省", "ORG")],
     {("日本政府", "ORG"), ("日本外务省", "ORG")}, {("内阁", "ORG"), ("厚生劳动省", "ORG")}),
    ("a country glued to its verb of reporting is the country",
     "泰国通报确诊病例2例。", [("泰国通报", "ORG")],
     {("泰国", "PLACE")}, {("泰国通报", "ORG")}),
    ("a named railway is a PLACE, the national operator an ORG",
     "青禾铁路通车后，中国铁路湘州局集团开行了新列车。",
     [("青禾铁路", "ORG"), ("中国铁路", "ORG")],
     {("青禾铁路", "PLACE")}, {("青禾铁路", "ORG")}),
    ("a known place's railways are the place",
     "广西铁路网日益完善，湖南铁路建设提速。", [("广西铁路", "PLACE"), ("湖南铁路", "ORG")],
     {("广西", "PLACE"), ("湖南", "PLACE")}, {("广西铁路", "PLACE"), ("湖南铁路", "ORG")}),
    ("a city's metro line after the city is one PLACE",
     "新桥上跨湘州地铁3号线区间。", [("湘州", "PLACE")],
     {("湘州地铁3号线", "PLACE")}, {("湘州", "PLACE")}),
    ("a bank after its province, written alone too, is the province and the bank",
     "店主通过浙江青禾银行贷了款。青禾银行的客户经理上门服务。",
     [("浙江青禾银行", "ORG"), ("青禾银行", "ORG", 1)],
     {("浙江", "PLACE"), ("青禾银行", "ORG")}, {("浙江青禾银行", "ORG")}),
    ("a bank written only with its province stays whole; a generic kind is never split",
     "店主通过浙江青禾银行贷了款。湖南省农商银行表示，农商银行将继续支持。",
     [("浙江青禾银行", "ORG"), ("湖南省农商银行", "ORG")],
     {("浙江青禾银行", "ORG"), ("湖南省农商银行", "ORG")}, {("浙江", "PLACE")}),
    ("regions grouped by their abbreviations with 地区 are one PLACE; one province is itself",
     "与港澳台地区和闽浙赣地区加强交流，浙江地区率先试点。",
     [("浙江", "PLACE")],
     {("港澳台地区", "PLACE"), ("闽浙赣地区", "PLACE"), ("浙江", "PLACE")},
     {("浙江地区", "PLACE")}),
    ("a zone's bare kind is no place; with its place it is one",
     "推动铁路、港口、自贸区协同发展，湘州自贸区挂牌。", [("自贸区", "PLACE"), ("湘州", "PLACE")],
     {("湘州自贸区", "PLACE")}, {("自贸区", "PLACE")}),
    ("China's cooperation forum with a region is an ORG, its summit's city a PLACE",
     "落实中非合作论坛北京峰会成果。", [("北京", "PLACE")],
     {("中非合作论坛", "ORG"), ("北京", "PLACE")}, set()),
    ("a national outlet named by 中国 and its subject is an ORG, not the country",
     "青禾晚报、中国乡村报和中国农民日报网联合发起活动，中国青禾报记者随行。",
     [("中国", "PLACE"), ("中国农民", "ORG")],
     {("中国乡村报", "ORG"), ("中国农民日报网", "ORG"), ("中国青禾报", "ORG")},
     {("中国", "PLACE"), ("中国农民", "ORG")}),
    ("... not 报 of a verb or a noun after it",
     "中国经济报告显示，中国队报仇成功。", [("中国", "PLACE"), ("中国队", "ORG")],
     {("中国", "PLACE"), ("中国队", "ORG")}, {("中国经济报", "ORG"), ("中国队报", "ORG")}),
    ("a group counted as one in quotes is an ORG at each mention",
     "车站里活跃着一支“银发护航队”。银发护航队每天为旅客指路。",
     [("护航队", "ORG"), ("护航队", "ORG", 1)],
     {("银发护航队", "ORG")}, {("护航队", "ORG")}),
    ("a financial firm before its analyst's title is an ORG; a bare kind is not",
     "青禾证券首席经济学家林晓帆认为，某基金研究员也持同样看法。",
     [("林晓帆", "PERSON")],
     {("青禾证券", "ORG"), ("林晓帆", "PERSON")}, {("某基金", "ORG")}),
    ("a coordination mechanism acting as a body is one ORG with the body that leads it",
     "湘州市联防联控机制3日召开会议。要完善协调机制建设。", [("湘州市", "ORG")],
     {("湘州市联防联控机制", "ORG")}, {("湘州市", "ORG")}),
    ("a leading group named by its task is one ORG from its place",
     "湘州市推进乡村振兴工作领导小组印发方案，青禾县防汛抗旱指挥部发布预警。",
     [("湘州市", "PLACE"), ("青禾县", "PLACE")],
     {("湘州市推进乡村振兴工作领导小组", "ORG"), ("青禾县防汛抗旱指挥部", "ORG")},
     {("湘州市", "PLACE")}),
    ("... or from the verb that sets it up",
     "湘州市卫健委成立流感应对处置工作领导小组，指导各地防控。", [("湘州市卫健委", "ORG")],
     {("湘州市卫健委", "ORG"), ("流感应对处置工作领导小组", "ORG")}, set()),
    ("... not a short kind of group after the verb",
     "湘州支行成立了检查领导小组。", [], set(), {("检查领导小组", "ORG")}),
    ("a meeting of the group and its leader's title make no body of the clause",
     "湘州市召开乡村振兴工作领导小组会议，青禾县县长担任领导小组组长。",
     [("湘州市", "PLACE"), ("青禾县", "PLACE")],
     {("湘州市", "PLACE")}, {("湘州市召开乡村振兴工作领导小组", "ORG"),
                             ("青禾县县长担任领导小组", "ORG")}),
    ("a station's square gives the station; a bare station square is none",
     "旅客在湘州火车站东西广场集合，随后在车站广场合影。",
     [("湘州火车站东西广场", "PLACE"), ("车站广场", "PLACE")],
     {("湘州火车站", "PLACE")}, {("车站广场", "PLACE"), ("湘州火车站东西广场", "PLACE")}),
    ("an ORG run out of a bracketed credit starts after the bracket",
     "（记者林晓、周青）湘州市工信局发布通知。", [("周青）湘州市工信局", "ORG")],
     {("湘州市工信局", "ORG")}, {("周青）湘州市工信局", "ORG")}),
    ("a registered name with a place in brackets is left to its own rule",
     "该店隶属青禾集团（湖南）运营总部有限公司。", [("湖南）运营总部有限公司", "ORG")],
     {("青禾集团（湖南）运营总部有限公司", "ORG")}, set()),
    ("a floor by its number is no place",
     "家住四楼的林阿姨赶到青禾大厦3楼。", [("四楼", "PLACE"), ("3楼", "PLACE"), ("青禾大厦", "PLACE")],
     {("青禾大厦", "PLACE")}, {("四楼", "PLACE"), ("3楼", "PLACE")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,expected,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, expected, absent):  # noqa: F811
    got = _ents(rules, text, model)
    assert expected <= got, name
    assert not absent & got, name


def _dates(text):
    return [d.text for d in find_dates(text)]


def _figures(text):
    return [f.text for f in find_figures(text, [(d.start, d.end) for d in find_dates(text)])]


def test_days_and_months_on_end_reaching_now_are_dates():
    assert _dates("连日来，湘州持续降雨；连月来，工地一直忙碌。") == ["连日来", "连月来"]


def test_the_year_of_a_quoted_plan_is_no_date_unquoted_it_is():
    assert _dates("对接青禾“2035年远景规划”。") == []
    assert _dates("2035年远景目标已经明确。") == ["2035年"]


@pytest.mark.parametrize("text,expected", [
    ("一件漆器要经过120道工序，桌上摆了三道菜。", ["120道", "三道"]),
    ("二道贩子被查处。", []),  # (a word, no count)
    ("快递员现在每天送30多单。", ["30多单"]),
    ("他家住在3单元。", []),  # (an address's unit, no orders)
    ("可参照1至3类采取措施，共涉及3类人员。", ["3类"]),  # (classes by their number: none)
    ("骑手平均一天跑40公里。", ["40公里"]),  # (平均一天: a rate's base, no quantity)
])
def test_steps_orders_classes_and_a_rate(text, expected):
    assert _figures(text) == expected
