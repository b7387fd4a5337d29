"""DATE and FIGURE rules of the twelfth session (invented city-daily sentences)."""
import pytest

from pipeline.tag.dates import find_dates, split_parts
from pipeline.tag.figures import find_figures


def dates(text):
    return [d.text for d in find_dates(text)]


def figures(text):
    return [f.text for f in find_figures(text, [(d.start, d.end) for d in find_dates(text)])]


@pytest.mark.parametrize("text,expected", [
    ("一周后，居委会主任老周又来到小区。", ["一周"]),
    ("3个月后，这条河道变清了。", ["3个月"]),
    ("两年之后，青石镇的茶园扩大了一倍。", ["两年"]),
])
def test_interval_after_is_a_figure_not_a_date(text, expected):
    assert dates(text) == []
    assert figures(text) == expected


def test_time_before_now_stays_a_date():
    assert dates("30年前，桃溪村还没有一条水泥路。") == ["30年前"]


@pytest.mark.parametrize("text,expected", [
    ("全市社会消费品零售总额较上年同期增长8.2%。", "上年同期"),
    ("比去年同期多接待游客1.3万人次。", "去年同期"),
])
def test_last_year_period_is_one_date(text, expected):
    assert dates(text) == [expected]


def test_bare_same_period_is_no_date():
    assert dates("同期，南湖区新增就业岗位4000个。") == []


def test_last_year_period_keeps_the_year_alone_as_word_parts():
    assert split_parts("去年同期") == [("去年", "year"), ("同期", "suffix")]


@pytest.mark.parametrize("text,expected", [
    ("节日期间，柳湾超市的蔬菜备货比平时多两成。", ["节日期间"]),
    ("假日期间，景区接待游客12万人次。", ["假日期间"]),
    ("这个春节，老林一家在江边过。", ["这个春节"]),
    ("今年春节期间，全县没有发生火灾。", ["今年春节期间"]),
    # the time before or after the festival, one DATE; not 前后 (about), 前夕 stays whole
    ("春节前，志愿者给独居老人送来米面。", ["春节前"]),
    ("中秋节后，柳湾村的稻谷陆续开镰。", ["中秋节后"]),
    ("国庆前后，景区游客明显增多；春节前夕，集市热闹。", ["国庆", "春节前夕"]),
    ("春节后来湘州务工的人不少。", ["春节"]),
    ("中秋佳节将至，月饼卖得很火。", ["中秋"]),
    ("大年初一一大早，庙会就热闹起来。", ["大年初一"]),
])
def test_festival_periods_of_the_story_are_dates(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text", [
    "商务局调研春节市场供应情况。",
    "孩子们讲述自己的春节故事。",
    "为确保春运安全，车站增派了人手。",
    "中秋赏月活动在湖心亭举行。",
])
def test_festival_as_a_modifier_is_no_date(text):
    assert dates(text) == []


def test_weekend_before_a_verb_stays_a_date():
    assert dates("市民周末去公园散步。") == ["周末"]


@pytest.mark.parametrize("text,expected", [
    ("这家工厂量产14纳米芯片和8英寸晶圆。", ["14纳米", "8英寸"]),
    ("渔船驶出120海里。", ["120海里"]),
    ("开发区已有近万名技术工人。", ["近万名"]),
    ("上百亿元的项目落户青山。", ["上百亿元"]),
])
def test_sizes_and_near_magnitudes_are_figures(text, expected):
    assert figures(text) == expected


def test_near_magnitude_value_and_qualifier():
    (figure,) = find_figures("开发区已有近万名技术工人。")
    assert (figure.value, figure.qualifier) == (10000.0, "近")


@pytest.mark.parametrize("text", [
    "小将李青将参加女子200米和400米自由泳比赛。",
    "他在男子100米蛙泳决赛中夺冠。",
    "男子110米栏的比赛下午开始。",
])
def test_race_distance_naming_the_event_is_no_figure(text):
    assert figures(text) == []


def test_distance_run_stays_a_figure():
    assert figures("他每天沿江跑5000米。") == ["5000米"]


@pytest.mark.parametrize("text", [
    "一天，有居民反映楼道里堆满了杂物。",
    "有一天，王大爷找到了社区。",
    "一天两练，是这支龙舟队的日常。",
    "对全镇来说，这是不平凡的一年。",
])
def test_indefinite_day_and_year_are_no_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize("text,expected", [
    ("他用了一天时间修好水泵。", ["一天"]),
    ("老赵在工地干了一天，很累。", ["一天"]),
    ("这座桥建了一年。", ["一年"]),
])
def test_day_and_year_durations_stay_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("青溪二桥将于年内通车。", []),
    ("他们无法在2019年年内返回营地。", ["2019年"]),
    ("港澳青年内地交流团抵达柳州。", []),
    ("今年年底，新馆将开放。", ["今年年底"]),
])
def test_within_the_year_is_no_date(text, expected):
    assert dates(text) == expected


def test_within_two_years_is_a_figure():
    assert dates("桃源村在两年内成为生态村。") == []
    assert figures("桃源村在两年内成为生态村。") == ["两年内"]


@pytest.mark.parametrize("text,expected", [
    ("新馆计划3年内建成，两个月内完成招标，10天内答复，6小时内送达。",
     ["3年内", "两个月内", "10天内", "6小时内"]),
    # 内 opening a word after the time stays out
    ("五天内蒙古客商陆续到达，三年内地游客增长一倍。", ["五天", "三年"]),
])
def test_within_a_time_keeps_its_nei(text, expected):
    assert figures(text) == expected


def test_within_a_time_is_qualified_as_within():
    (figure,) = find_figures("工程两年内完工。", [])
    assert (figure.text, figure.value, figure.qualifier) == ("两年内", 2, "以内")


@pytest.mark.parametrize("text,expected,value", [
    ("大约一年半后，青山村的茶叶上市了。", "一年半", 1.5),
    ("集训持续了3天半。", "3天半", 3.5),
    ("那年她才4岁半。", "4岁半", 4.5),
])
def test_and_a_half_is_in_the_figure(text, expected, value):
    (figure,) = find_figures(text, [(d.start, d.end) for d in find_dates(text)])
    assert (figure.text, figure.value) == (expected, value)


@pytest.mark.parametrize("text,expected", [
    ("修一条渠要十天半个月。", ["十天"]),
    ("这事一年半载办不成。", []),
])
def test_half_of_an_idiom_is_left_out(text, expected):
    assert figures(text) == expected


def test_not_long_ago_is_vague_no_date():
    # (as 最近: GUIDELINES §4's vague adverbs; ``vague_dates`` tags them, People's-Daily style)
    assert dates("不久前，柳湾村修通了公路；前不久，老林回到家乡。") == []


@pytest.mark.parametrize("text,expected", [
    ("柳湾村坚持一周一会的制度，下周一还要开会。", ["下周一"]),  # (once a week, no Monday)
    ("黎明村党总支组织党员黎明时分出发。", ["黎明时分"]),  # (a village's name, no dawn)
    ("岁末年初，湘州市场供应充足。", ["岁末年初"]),  # (this turn of the year, one DATE)
    ("新年伊始，湘州各地项目开工；集团自成立伊始重视质量。", ["新年伊始"]),  # (this year's opening)
])
def test_weekday_dawn_and_turn_of_the_year(text, expected):
    assert dates(text) == expected
