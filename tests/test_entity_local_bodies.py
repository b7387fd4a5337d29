"""A place's own bodies and the places the model read as bodies (``news_entity_rules``):
a village's committees, a town's party committee in a title, incubators, a place chain
read as an ORG, a county town, a name read across a quotation mark. The model's entities
are given by hand; sentences are invented in the style of a city daily (青禾村, 樟木镇,
枫林县 are made up; 湖南, 衡阳, 阿勒泰地区, 青河县 come from the gazetteer)."""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

from pipeline.tag.figures import find_figures


# fmt: off
@pytest.mark.parametrize("text, model, present, absent", [
    # the party committee of a village in a title is the village's body (as 白石镇党委)
    ("青禾村党委书记王建华介绍，村里新修了水渠。",
     [("青禾村党委", "ORG"), ("王建华", "PERSON")],
     {("青禾村党委", "ORG"), ("王建华", "PERSON")}, {("青禾村", "ORG")}),
    # a mass organisation or a body named by its kind alone is no ORG (GUIDELINES §4: no
    # distinguishing element), with its level prefix or name it is
    ("要发挥工会、妇联、残联的作用，市妇联牵头。",
     [("工会", "ORG"), ("妇联", "ORG"), ("残联", "ORG"), ("市妇联", "ORG")],
     {("市妇联", "ORG")}, {("工会", "ORG"), ("妇联", "ORG"), ("残联", "ORG")}),
    ("湘州篮球联盟筹备组成立，联盟明年运行，筹备组由协会牵头。",
     [("湘州篮球联盟", "ORG"), ("筹备组", "ORG", 1), ("联盟", "ORG", 1), ("协会", "ORG")],
     {("湘州篮球联盟", "ORG")}, {("联盟", "ORG"), ("筹备组", "ORG"), ("协会", "ORG")}),
    # a country's ministry of two portfolios is one ORG, also in a title; a country and
    # a ministry coordinated stay two
    ("挪威外交与国际发展部发表声明，挪威外交与国际发展部长林小帆出席。",
     [("挪威", "PLACE"), ("国际发展部", "ORG"), ("挪威", "PLACE", 1), ("国际发展部", "ORG", 1),
      ("林小帆", "PERSON")],
     {("挪威外交与国际发展部", "ORG"), ("林小帆", "PERSON")},
     {("国际发展部", "ORG"), ("挪威", "PLACE")}),
    ("挪威与商务部签署协议。", [("挪威", "PLACE"), ("商务部", "ORG")],
     {("挪威", "PLACE"), ("商务部", "ORG")}, {("挪威与商务部", "ORG")}),
    # ... and its branch the model cut at 党 reaches over the unit; a party's name stays
    ("青禾村党总支书记胡明坚介绍，村里新修了水渠。",
     [("青禾村党", "ORG"), ("胡明坚", "PERSON")],
     {("青禾村党总支", "ORG")}, {("青禾村党", "ORG")}),
    ("工党领袖在樟木镇党支部座谈。", [("工党", "ORG"), ("樟木镇党", "ORG")],
     {("工党", "ORG"), ("樟木镇党支部", "ORG")}, {("樟木镇党", "ORG")}),
    # ... while an agency's 党组 stays part of the title (GUIDELINES §3)
    ("市生态环境局党组书记李卫东讲话。",
     [("市生态环境局党组", "ORG"), ("李卫东", "PERSON")],
     {("市生态环境局", "ORG")}, {("市生态环境局党组", "ORG")}),
    # a village committee right after the village; the chain before it stays places
    ("在湖南省衡阳县樟木镇青禾村村委会活动室内，一场讲座正在举行。",
     [("湖南省衡阳县樟木镇青禾村", "PLACE")],
     {("湖南省", "PLACE"), ("衡阳县", "PLACE"), ("青禾村村委会", "ORG")},
     {("湖南省衡阳县樟木镇青禾村村委会", "ORG")}),
    ("樟木镇党委研究决定，在全镇推广经验。", [("樟木镇", "PLACE")],
     {("樟木镇党委", "ORG")}, set()),
    # a bare village's branch has no name (GUIDELINES §4 ORG)
    ("各村党支部书记参加了培训。", [], set(), {("村党支部", "ORG")}),
    # a start-up incubator is a named service body
    ("退伍军人在枫林县青创孵化园开了一间理疗馆。", [("枫林县青创孵化园", "PLACE")],
     {("枫林县青创孵化园", "ORG")}, {("枫林县青创孵化园", "PLACE")}),
    # a school or hospital is an ORG where the story says where something happened
    ("在枫林县人民医院门口，记者遇到了他。", [("枫林县人民医院", "PLACE")],
     {("枫林县人民医院", "ORG")}, {("枫林县人民医院", "PLACE")}),
    ("孩子们在青禾小学的操场上奔跑。", [("青禾小学", "PLACE")],
     {("青禾小学", "ORG")}, {("青禾小学", "PLACE")}),
    # a glued place chain read as an ORG is the chain's places
    ("湖南衡阳建立干部政治素质档案", [("湖南衡阳", "ORG")],
     {("湖南", "PLACE"), ("衡阳", "PLACE")}, {("湖南衡阳", "ORG")}),
    # a country acting stays as the model read it (Boson tags it ORG)
    ("美国宣布退出该协定。", [("美国", "ORG")], {("美国", "ORG")}, set()),
    # the county town, not the 城 of a word after the county
    ("从枫林县城出发，驱车要两个小时。", [("枫林县", "PLACE")],
     {("枫林县城", "PLACE")}, {("枫林县", "PLACE")}),
    ("枫林县城乡居民收入稳步增长。", [("枫林县", "PLACE")],
     {("枫林县", "PLACE")}, {("枫林县城", "PLACE")}),
    # ... inside a glued address: the county town and its community; a town whose name
    # opens with 城 stays the town (the county does not reach over it: the overlap once
    # cost the story all its rules); 城东社区 keeps its 城
    ("家住阿勒泰地区青河县城幸福里社区的王小梅是服装厂的员工。",
     [("阿勒泰地区青河县城幸福里社区", "PLACE"), ("王小梅", "PERSON")],
     {("青河县城", "PLACE"), ("幸福里社区", "PLACE")}, {("城幸福里社区", "PLACE")}),
    ("记者来到湖南省枫林县城关镇，看望老党员。", [("湖南省枫林县城关镇", "PLACE")],
     {("枫林县", "PLACE"), ("城关镇", "PLACE")}, {("枫林县城", "PLACE")}),
    ("住在阿勒泰地区青河县城东社区的居民说。", [("阿勒泰地区青河县城东社区", "PLACE")],
     {("青河县", "PLACE"), ("城东社区", "PLACE")}, {("青河县城", "PLACE")}),
    # a place and the economic zone named after it are one PLACE; its committee an ORG
    ("枫林经济技术开发区今年新增项目12个。", [("枫林", "PLACE")],
     {("枫林经济技术开发区", "PLACE")}, {("枫林", "PLACE")}),
    ("湖南印发《促进中国（湖南）自由贸易试验区发展的若干措施》。",
     [("湖南", "PLACE"), ("中国", "PLACE"), ("湖南", "PLACE", 1)],
     {("中国（湖南）自由贸易试验区", "PLACE")}, {("中国", "PLACE")}),
    ("枫林高新区管委会召开会议。", [("枫林", "PLACE")],
     set(), {("枫林高新区", "PLACE")}),
    # ... a free-trade area of countries is a trade bloc
    ("双方同意推进美洲自由贸易区谈判。", [("美洲", "PLACE")],
     set(), {("美洲自由贸易区", "PLACE")}),
    # a named area after its district is a place of the chain
    ("衡阳市雁峰区枫塘片区完成棚户区改造。", [("衡阳市雁峰区枫塘片区", "PLACE")],
     {("枫塘片区", "PLACE")}, {("衡阳市雁峰区枫塘片区", "PLACE")}),
    # ... and so are a lane, an old street, a county's development zone
    ("枫林县槐荫巷的老屋修缮一新。", [("枫林县槐荫巷", "PLACE")],
     {("槐荫巷", "PLACE"), ("枫林县", "PLACE")}, {("枫林县槐荫巷", "PLACE")}),
    ("枫林县青石板老街游人如织。", [("枫林县青石板老街", "PLACE")],
     {("青石板老街", "PLACE")}, {("枫林县青石板老街", "PLACE")}),
    ("衡阳市枫林开发区新落户企业9家。", [("衡阳市枫林开发区", "PLACE")],
     {("枫林开发区", "PLACE")}, {("衡阳市枫林开发区", "PLACE")}),
    # a village's facility with no name of its own gives its places only
    ("他来到湖南衡阳县柳湾村党群服务中心。", [("湖南衡阳县柳湾村党群服务中心", "ORG")],
     {("湖南", "PLACE"), ("衡阳县", "PLACE"), ("柳湾村", "PLACE")},
     {("湖南衡阳县柳湾村党群服务中心", "ORG"), ("柳湾村党群服务中心", "ORG")}),
    ("第三步，新建村党群服务中心，提升设施。", [("新建村党群服务中心", "PLACE")],
     set(), {("新建村", "PLACE")}),
    ("市政务服务中心开设专窗。", [], {("市政务服务中心", "ORG")}, set()),
    # a known place read as an ORG after a locative word is where, not who
    ("《林帆在衡阳》一书出版；代表团赴衡阳考察。", [("衡阳", "ORG"), ("衡阳", "ORG", 1)],
     {("衡阳", "PLACE")}, {("衡阳", "ORG")}),
    ("衡阳出台新规。", [("衡阳", "ORG")], {("衡阳", "ORG")}, set()),
    # a name the model read across a quotation mark
    ("推动村党组织与“两新”党组织结对共建。", [("新”党组织", "ORG")],
     set(), {("新”党组织", "ORG")}),
])
# fmt: on
def test_local_bodies(rules, text, model, present, absent):
    got = _ents(rules, text, model)
    assert present <= got, got
    assert not absent & got, got


@pytest.mark.parametrize("text, expected", [
    ("驱车还得4个半小时。", [("4个半小时", 4.5, "个小时")]),
    ("工期两个半月。", [("两个半月", 2.5, "个月")]),
    ("十天半个月就能完工。", [("十天", 10.0, "天")]),
])
def test_and_a_half_after_the_measure_word(text, expected):
    assert [(f.text, f.value, f.unit) for f in find_figures(text)] == expected


def test_overlapping_rule_spans_keep_the_longer_not_fail(rules):
    from pipeline.tag.entity_rules import _disjoint

    doc = rules.make_doc("记者来到枫林县城口镇。")
    county, town = doc.char_span(4, 8, "PLACE"), doc.char_span(7, 10, "PLACE")
    assert [e.text for e in _disjoint([town, county])] == ["枫林县城"]
    assert [e.text for e in _disjoint([county])] == ["枫林县城"]
