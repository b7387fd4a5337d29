"""Rules of the twenty-first session (pipeline/tag/entity_rules/, dates.py, figures.py): a
country's mission abroad (``X驻Y大使馆``), a region's cooperation organisation (``X合作组织``)
and a body's website are one ORG; an unnamed body (``X县某医院``) is none, its places are; a section named by two functions joined by 与
(``X与Y处``) one ORG; a joint title's 联合, the particle 所, a language (``X语``) and a bare
welfare home no ORG;
a craft named by its number (``X一号``), a language (``X语专业``) and the ``X中`` of ``在X中资企业``
are no entities; a town's cultural centre gives its places, a city's named port is a place of
its own, a generic part (``X贫民窟``) none, and a levelled place's bare stem elsewhere in the
story (``X区`` … ``在X``) the same place; a season named by its year (``2019赛季``), the coming season and a deictic
school holiday (``上个暑假``) are DATEs, a festival as a kind of holiday (``春节等传统节日``)
none; ``一年中最…`` and the goal of a hundred years are no FIGUREs.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 青禾 and the people are made up, the real
places come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)
from test_entity_rules19 import _dates, _figures

# fmt: off
CASES = [
    ("a country's embassy in its host country is one ORG, whatever the model read in it",
     "我谨代表中国驻巴西大使馆，向湘州侨胞致以新春祝福。", [("中国", "PLACE"), ("巴西", "PLACE")],
     {("中国驻巴西大使馆", "ORG")}, {("中国", "PLACE"), ("巴西", "PLACE")}),
    ("a mission named by its host's abbreviation and a consulate are ORGs too",
     "澳大利亚驻华使馆官员和中国驻纽约总领事馆提醒游客。", [("澳大利亚", "PLACE"), ("纽约", "PLACE")],
     {("澳大利亚驻华使馆", "ORG"), ("中国驻纽约总领事馆", "ORG")}, set()),
    ("an ambassador is a person's title, no mission",
     "他曾任中国驻巴西大使。", [("中国", "PLACE"), ("巴西", "PLACE")],
     {("中国", "PLACE"), ("巴西", "PLACE")}, {("中国驻巴西大使", "ORG")}),
    ("a region's cooperation organisation is one ORG, not its city",
     "青禾市代表团出席上海合作组织地方领导人论坛。", [("青禾市", "PLACE"), ("上海", "PLACE")],
     {("上海合作组织", "ORG")}, {("上海", "PLACE")}),
    ("a body's website that publishes is one ORG with the body",
     "湘州省纪委监委网站17日通报了3起典型问题。", [("湘州省纪委监委", "ORG")],
     {("湘州省纪委监委网站", "ORG")}, {("湘州省纪委监委", "ORG")}),
    ("an unnamed body after its places is no ORG; the places are",
     "湖南省攸县某医院医生李青蒙了，某公司老板也来了。", [("湖南省攸县某医院", "ORG"),
                                         ("李青", "PERSON"), ("某公司", "ORG")],
     {("湖南省", "PLACE"), ("攸县", "PLACE"), ("李青", "PERSON")},
     {("湖南省攸县某医院", "ORG"), ("某公司", "ORG")}),
    ("a craft named by its number is no place",
     "他参与了“东方红一号”卫星和“青禾二号”飞船的研制。", [("东方红一号", "PLACE"), ("青禾二号", "ORG")],
     set(), {("东方红一号", "PLACE"), ("青禾二号", "ORG")}),
    ("a people's language is no body or place; the country is",
     "湘州大学开设了塔吉克语专业，与塔吉克斯坦交流密切。",
     [("湘州大学", "ORG"), ("塔吉克", "ORG"), ("塔吉克斯坦", "PLACE")],
     {("湘州大学", "ORG"), ("塔吉克斯坦", "PLACE")}, {("塔吉克", "ORG")}),
    ("the X中 of 在X + 中资企业 is no pair of places",
     "在塔中资企业逾400家。", [("塔中", "PLACE")], set(), {("塔中", "PLACE")}),
    ("a town's cultural centre with no name gives the town's places only",
     "延边汪清镇群众文化艺术中心举办演出，青禾镇文化广场上人头攒动。",
     [("延边汪清镇群众文化艺术中心", "PLACE"), ("青禾镇文化广场", "PLACE")],
     {("延边", "PLACE"), ("汪清镇", "PLACE"), ("青禾镇", "PLACE")},
     {("汪清镇群众文化艺术中心", "ORG"), ("青禾镇文化广场", "PLACE")}),
    ("a city's named port is a place of its own; the city's port is one place",
     "天津东疆港的码头很忙，天津港吞吐量增长。", [("天津东疆港", "PLACE"), ("天津港", "PLACE")],
     {("天津", "PLACE"), ("东疆港", "PLACE"), ("天津港", "PLACE")}, {("天津东疆港", "PLACE")}),
    ("a generic part after a place is none; a mountain's region and a city's urban area stay",
     "孟买贫民窟的孩子们来到武陵山区和天水城区。",
     [("孟买贫民窟", "PLACE"), ("武陵山区", "PLACE"), ("天水城区", "PLACE")],
     {("孟买", "PLACE"), ("武陵山区", "PLACE"), ("天水城区", "PLACE")}, {("孟买贫民窟", "PLACE")}),
    ("a levelled place's bare stem elsewhere in the story is the same place",
     "张家口市崇礼区是滑雪胜地。小田在崇礼过年，崇礼城很热闹，鼓励崇礼的青年创业。",
     [("张家口市", "PLACE"), ("崇礼区", "PLACE"), ("小田", "PERSON")],
     {("崇礼", "PLACE")}, set()),
    ("a section or an association named by two functions joined by 与 is one ORG",
     "湘州市商务局对外贸易与经济合作处处长王明和青禾市房地产估价与经纪行业协会会长李红出席。",
     [("王明", "PERSON"), ("李红", "PERSON")],
     {("湘州市商务局对外贸易与经济合作处", "ORG"), ("青禾市房地产估价与经纪行业协会", "ORG")},
     {("经济合作处", "ORG"), ("经纪行业协会", "ORG")}),
    ("two bodies joined by 与 stay two",
     "市发改委与市商务局负责人出席。", [], {("市发改委", "ORG"), ("市商务局", "ORG")}, set()),
    ("a joint secretary-general's 联合 is the title's, not the body's",
     "英国国家教育联盟联合秘书长凯文表示。", [("英国国家教育联盟联合", "ORG"), ("凯文", "PERSON")],
     {("英国国家教育联盟", "ORG")}, {("英国国家教育联盟联合", "ORG")}),
    ("the particle 所, a language, a bare welfare home are no ORGs",
     "对儒学所倡导的理念，她用法语、西班牙语讲给福利院的孩子听。",
     [("儒学所", "ORG"), ("法语", "ORG"), ("西班牙语", "ORG"), ("福利院", "ORG")],
     set(), {("儒学所", "ORG"), ("法语", "ORG"), ("西班牙语", "ORG"), ("福利院", "ORG")}),
    ("an institute before its own verb stays",
     "湘州司法所办理的案件增多。", [("湘州司法所", "ORG")], {("湘州司法所", "ORG")}, set()),
    ("a satellite named by a place and its number gives no place",
     "长征六号将5颗湘州一号卫星和吉林一号、宁夏二号送入轨道。", [("吉林", "PLACE")],
     set(), {("吉林", "PLACE"), ("宁夏", "PLACE")}),
    ("an estuary or a city's entrance is no city; the city itself is",
     "海口的采访组从黄河入海口出发，在入城口建了高塔。",
     [("黄河", "PLACE"), ("海口", "PLACE")], {("黄河", "PLACE"), ("海口", "PLACE")},
     {("城口", "PLACE")}),
    ("snow and a flower are no places",
     "北京全市有望迎来小雪，14日将有中雪；十月金陵，丹桂飘香。",
     [("北京", "PLACE"), ("小雪", "PLACE"), ("中雪", "PLACE"), ("丹桂", "PLACE"), ("金陵", "PLACE")],
     {("北京", "PLACE"), ("金陵", "PLACE")}, {("小雪", "PLACE"), ("中雪", "PLACE"), ("丹桂", "PLACE")}),
    ("a family by its surname and a village's guest house are no persons; a name is",
     "徐家三英烈的故事堪同杨门媲美，门丽每天到村招待所上课。",
     [("徐家三", "PERSON"), ("杨门", "PERSON"), ("门丽", "PERSON"), ("村招待所", "PERSON")],
     {("门丽", "PERSON")}, {("徐家三", "PERSON"), ("杨门", "PERSON"), ("村招待所", "PERSON")}),
    ("a name the model reads as a person most times is a person where it read an ORG",
     "韩青在湘州调研。韩青强调要抓好落实。韩青走进生产车间。",
     [("韩青", "PERSON"), ("湘州", "PLACE"), ("韩青", "ORG", 1), ("韩青", "PERSON", 2)],
     {("韩青", "PERSON")}, {("韩青", "ORG")}),
    ("a quote closed before a body or opened after it is no part of it",
     "“社区是治理的基础，”江岸区委组织部负责人说。", [("”江岸区委组织部", "ORG")],
     {("江岸区委组织部", "ORG")}, {("”江岸区委组织部", "ORG")}),
    ("a comparison's opening glued to a body is cut off",
     "正如世界知识产权组织总干事所说。", [("正如世界知识产权组织", "ORG")],
     {("世界知识产权组织", "ORG")}, {("正如世界知识产权组织", "ORG")}),
    ("a deputy's 副 and an affairs commissioner's 事务 open the title, not the body",
     "阿联酋副总统表示，欧洲移民事务专员也来了。", [], set(),
     {("阿联酋副", "ORG"), ("欧洲移民事务", "ORG")}),
    ("a clause of founding or of a plan is no body",
     "1988年，青禾县组建林业公安分局；“建设全国科创中心，要改革政协工作。”",
     [("青禾县组建林业公安分局", "ORG"), ("建设全国科创中心", "ORG"), ("改革政协", "ORG")],
     set(), {("青禾县组建林业公安分局", "ORG"), ("建设全国科创中心", "ORG"), ("改革政协", "ORG")}),
    ("sunshine is no city; the city is",
     "日照时数显著偏少。他来到日照，日照的海很美。", [("日照", "ORG"), ("日照", "PLACE", 1)],
     {("日照", "PLACE")}, {("日照", "ORG")}),
    ("a direction and 有 glued before a place are cut off",
     "西有湘州水库，东有乌苏观测点。", [("东有乌苏", "PLACE")], {("乌苏", "PLACE")},
     {("东有乌苏", "PLACE")}),
    ("a place with a bracket closed and never opened is none",
     "展会在中国（太原）煤炭交易中心举办。", [("中国", "PLACE"), ("太原）煤炭交易中心", "PLACE")],
     {("中国", "PLACE")}, {("太原）煤炭交易中心", "PLACE")}),
    ("peoples listed before 等民族 are no places or bodies",
     "南方的壮、瑶、布依等少数民族以及东南亚的克伦、克木等民族都有铜鼓。",
     [("布依", "PLACE"), ("东南亚", "PLACE"), ("克伦", "ORG")],
     {("东南亚", "PLACE")}, {("布依", "PLACE"), ("克伦", "ORG")}),
    ("a bare part of a compass, a reduplicated adjective and an idiom of numbers are no places",
     "湘州西南部降雪，告别冷冰冰的陈列，跨越万水千山。",
     [("湘州", "PLACE"), ("西南部", "PLACE"), ("冷冰冰", "PLACE"), ("万水千山", "PLACE")],
     {("湘州", "PLACE")}, {("西南部", "PLACE"), ("冷冰冰", "PLACE"), ("万水千山", "PLACE")}),
    ("a count of places after a place is cut off",
     "沿长江流域多省公安机关联合行动。", [("长江流域多省", "PLACE")], {("长江流域", "PLACE")},
     {("长江流域多省", "PLACE")}),
    ("a township named for its peoples after its name is one place, not a person",
     "马家营子满族乡乡长赵宝山说，湘州苗族自治县也来了人。",
     [("马家营子", "PERSON"), ("赵宝山", "PERSON"), ("湘州", "PLACE")],
     {("马家营子满族乡", "PLACE"), ("湘州苗族自治县", "PLACE"), ("赵宝山", "PERSON")},
     {("马家营子", "PERSON")}),
    ("a squad named in quotes after its hero is no person; a name ending in 班 is",
     "“王青班”全体战士和米洛什·巴拉班出席。", [("王青班", "PERSON"), ("米洛什·巴拉班", "PERSON")],
     {("米洛什·巴拉班", "PERSON")}, {("王青班", "PERSON")}),
    ("a place the model read that ends in a body's head is the body",
     "青禾区融媒体中心两年来探索创新，湘州市青禾商会也来了。",
     [("青禾区融媒体中心", "PLACE"), ("湘州市青禾商会", "PLACE")],
     {("青禾区融媒体中心", "ORG"), ("湘州市青禾商会", "ORG")}, set()),
    ("a glued chain through a township and a village splits, a named spot after the village too",
     "在湖南省浏阳市柳溪乡青石村石门峪，村民们忙着。", [("湖南省浏阳市柳溪乡青石村石门峪", "PLACE")],
     {("湖南省", "PLACE"), ("浏阳市", "PLACE"), ("柳溪乡", "PLACE"), ("青石村", "PLACE"),
      ("石门峪", "PLACE")}, {("湖南省浏阳市柳溪乡青石村石门峪", "PLACE")}),
    ("a compound's numbered block is cut off",
     "他住在长沙市岳麓区青禾小区3号楼。", [("长沙市岳麓区青禾小区3号楼", "PLACE")],
     {("长沙市", "PLACE"), ("岳麓区", "PLACE"), ("青禾小区", "PLACE")}, {("青禾小区3号楼", "PLACE")}),
    ("not a stem inside a longer name or a word",
     "青禾县雪山乡地处阿尼玛卿雪山脚下，雪山乡长说。",
     [("青禾县", "PLACE"), ("雪山乡", "PLACE")], {("雪山乡", "PLACE")}, {("雪山", "PLACE")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,expected,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, expected, absent):  # noqa: F811
    got = _ents(rules, text, model)
    assert expected <= got and not absent & got, (name, got)


@pytest.mark.parametrize("text,expected", [
    ("2019赛季刚刚结束，球队为征战新赛季秣马厉兵。", ["2019赛季", "新赛季"]),
    ("2019-2020赛季湘州联赛开幕，下一赛季扩军。", ["2019-2020赛季", "下一赛季"]),
    ("上个暑假，学校组织学生下乡；这个寒假他们还去。", ["上个暑假", "这个寒假"]),
    ("暑假里孩子们去了湘州。", ["暑假"]),
    ("这孕育出春节等传统节日的时代韵味，端午节等节日也一样。", []),  # (a kind of holiday)
    ("今年春节期间，游客增多。", ["今年春节期间"]),
    ("伊戈尔·库兹明日前表示，水库建成后年均供水7亿立方米。", ["日前"]),  # (a name's 明; 年均)
    ("后年将建成通车，今年均价上涨，明日开幕。", ["后年", "今年", "明日"]),
])
def test_seasons_holidays_and_festivals(text, expected):
    assert _dates(text) == expected


def test_a_season_is_dated_by_the_year_it_opens():
    from pipeline.tag.dates import find_dates

    (season,) = find_dates("2019-2020赛季湘州联赛开幕。")
    assert season.text == "2019-2020赛季" and season.iso.startswith("2019")


@pytest.mark.parametrize("text,expected", [
    ("一年中最冷的时候到了，一年之中最热闹的是春节。", []),  # (of the year, no count)
    ("他一年里跑了三趟青禾。", ["一年", "三趟"]),
    ("实现第一个百年奋斗目标，迈向“两个一百年”。", []),
])
def test_the_year_s_superlative_and_the_centenary_goal(text, expected):
    assert _figures(text) == expected
