"""Place rules of ``news_entity_rules`` (pipeline/tag/entity_rules/places.py), third
file: a country before a competitor (``X选手``) is a PLACE, not the team the model reads;
a province or city the model glued to a named site (a tomb park, a former residence, a
palace) is split from it; a country glued to a place the gazetteer lacks is split from
it, and a foreign region from its city; a country the model read as an ORG is a PLACE
where the story also names it as one; a named road glued to its county or city is
split from it; the items of a list counted by their level (``X、Y、Z三县``) are places, and so are roads listed together or meeting at a junction.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 枫林县 and the people are made up, the real
countries come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)


# fmt: off
CASES = [
    ("a country the model read as a team before 选手 is the competitor's country",
     "湘州站的比赛中，挪威选手林小帆夺得男子组冠军。",
     [("挪威", "ORG")], {("挪威", "PLACE")}, {("挪威", "ORG")}),
    ("before 运动员 and 籍 too",
     "枫林县马拉松吸引了肯尼亚运动员，一名波兰籍教练随队前来。",
     [("肯尼亚", "ORG"), ("波兰", "ORG")], {("肯尼亚", "PLACE"), ("波兰", "PLACE")},
     {("肯尼亚", "ORG"), ("波兰", "ORG")}),
    ("a country's team stays an ORG",
     "决赛中，湘州青年队迎战挪威队。",
     [("挪威队", "ORG")], {("挪威队", "ORG")}, {("挪威", "PLACE")}),
    ("a country ORG before another word stays as the model read it",
     "挪威与枫林县签署合作协议。",
     [("挪威", "ORG")], {("挪威", "ORG")}, {("挪威", "PLACE")}),
    ("a country read as an ORG where the story also reads it as a place is a place",
     "挪威同意派团参加枫林县茶博会，届时来自挪威的客商将洽谈合作。",
     [("挪威", "ORG"), ("挪威", "PLACE", 1)], {("挪威", "PLACE")}, {("挪威", "ORG")}),
    ("a city too; its team stays an ORG",
     "衡阳市表示全力支持。衡阳市队昨日夺冠，记者从衡阳市获悉，庆功会将于下周举行。",
     [("衡阳市", "ORG"), ("衡阳市队", "ORG"), ("衡阳市", "PLACE", 2)],
     {("衡阳市", "PLACE"), ("衡阳市队", "ORG")}, {("衡阳市", "ORG")}),
    ("a province glued to a named tomb park, a city to a palace: two places each",
     "代表团来到湖南枫林烈士陵园祭扫，又参观了成都白鹤宫。",
     [("湖南枫林烈士陵园", "PLACE"), ("成都白鹤宫", "PLACE")],
     {("湖南", "PLACE"), ("枫林烈士陵园", "PLACE"), ("成都", "PLACE"), ("白鹤宫", "PLACE")},
     {("湖南枫林烈士陵园", "PLACE"), ("成都白鹤宫", "PLACE")}),
    ("a generic tomb park, a museum with its city and a mountain's ridge stay whole",
     "清明节，市民到洛阳市烈士陵园献花；湖南青禾博物馆开馆；队员登上祁连山青石岭。",
     [("洛阳市烈士陵园", "PLACE"), ("湖南青禾博物馆", "PLACE"), ("祁连山青石岭", "PLACE")],
     {("洛阳市烈士陵园", "PLACE"), ("湖南青禾博物馆", "PLACE"), ("祁连山青石岭", "PLACE")},
     {("洛阳市", "PLACE"), ("湖南", "PLACE"), ("祁连", "PLACE")}),
    ("a country glued to a town the gazetteer lacks: two places",
     "湘州滑雪队赴挪威青溪镇集训。",
     [("挪威青溪镇", "PLACE")], {("挪威", "PLACE"), ("青溪镇", "PLACE")},
     {("挪威青溪镇", "PLACE")}),
    ("a country, its prefecture and its city: three places",
     "枫林县代表团访问了日本白川县青松市。",
     [("日本白川县青松市", "PLACE")],
     {("日本", "PLACE"), ("白川县", "PLACE"), ("青松市", "PLACE")},
     {("日本白川县青松市", "PLACE"), ("白川县青松市", "PLACE")}),
    ("not a word after the country, a part of it or a longer name it opens",
     "美国本土遭遇寒潮；印度次大陆持续高温；约旦河西岸局势紧张；沙特阿拉伯宣布增产。",
     [("美国本土", "PLACE"), ("印度次大陆", "PLACE"), ("约旦河西岸", "PLACE"),
      ("沙特阿拉伯", "PLACE")],
     {("美国本土", "PLACE"), ("印度次大陆", "PLACE"), ("约旦河西岸", "PLACE"),
      ("沙特阿拉伯", "PLACE")},
     {("本土", "PLACE"), ("次大陆", "PLACE"), ("约旦", "PLACE"), ("沙特", "PLACE")}),
    ("a country, its province (道) and its city: three places",
     "湘州艺术团赴韩国江原道春川市演出。",
     [("韩国江原道春川市", "PLACE")],
     {("韩国", "PLACE"), ("江原道", "PLACE"), ("春川市", "PLACE")},
     {("韩国江原道春川市", "PLACE"), ("江原道春川市", "PLACE")}),
    ("a hyphenated foreign city after its country; a Korean province before its city",
     "湘州摄影展在罗马尼亚锡比乌—新城市开幕，随后巡展至忠清北道清州市。",
     [("罗马尼亚锡比乌—新城市", "PLACE"), ("忠清北道清州市", "PLACE")],
     {("罗马尼亚", "PLACE"), ("锡比乌—新城市", "PLACE"), ("忠清北道", "PLACE"),
      ("清州市", "PLACE")},
     {("罗马尼亚锡比乌—新城市", "PLACE"), ("忠清北道清州市", "PLACE")}),
    ("a road is no province",
     "车队沿青石大道湘州市段行进。",
     [("青石大道湘州市", "PLACE")], set(), {("青石大", "PLACE"), ("青石大道", "PLACE")}),
    ("a named river the model read as a person is a place",
     "科考队沿雅鲁藏布江采集样本。",
     [("雅鲁藏布江", "PERSON")], {("雅鲁藏布江", "PLACE")}, {("雅鲁藏布江", "PERSON")}),
    ("a named road or street glued to its county or city: two places",
     "枫林县青石路和衡阳市蒸湘北路的老店，都搬到了衡阳县西渡大街。",
     [("枫林县青石路", "PLACE"), ("衡阳市蒸湘北路", "PLACE"), ("衡阳县西渡大街", "PLACE")],
     {("枫林县", "PLACE"), ("青石路", "PLACE"), ("衡阳市", "PLACE"), ("蒸湘北路", "PLACE"),
      ("衡阳县", "PLACE"), ("西渡大街", "PLACE")},
     {("枫林县青石路", "PLACE"), ("衡阳市蒸湘北路", "PLACE"), ("衡阳县西渡大街", "PLACE")}),
    ("a sub-district after its county stays a sub-district, not a street",
     "枫林县青石街道开展义诊。",
     [("枫林县青石街道", "PLACE")], {("枫林县", "PLACE"), ("青石街道", "PLACE")},
     {("青石街", "PLACE")}),
    ("a city's first character the model read as a conjunction is the city's",
     "湘州艺术团来到和龙市青松村演出。",
     [("龙市青松村", "PLACE")], {("和龙市", "PLACE"), ("青松村", "PLACE")},
     {("龙市青松村", "PLACE"), ("龙市", "PLACE")}),
    ("a conjunction before a place of its own stays out",
     "湘州和平江县签订协议。",
     [("湘州", "PLACE"), ("平江县", "PLACE")], {("平江县", "PLACE")}, {("和平江县", "PLACE")}),
    ("a list counted by its level is places, item by item, the verb before it cut off",
     "1942年，周立明任青禾、枫林、衡阳三县联合指挥部副指挥长。",
     [("周立明", "PERSON"), ("任青禾", "PERSON"), ("衡阳", "PLACE")],
     {("青禾", "PLACE"), ("枫林", "PLACE"), ("衡阳", "PLACE"), ("周立明", "PERSON")},
     {("任青禾", "PERSON")}),
    ("a count that does not match the items makes no list",
     "周立明走访了青禾、枫林、衡阳两县。",
     [("衡阳", "PLACE")], {("衡阳", "PLACE")}, {("枫林", "PLACE"), ("青禾", "PLACE")}),
    ("roads meeting at a junction or listed are places, even those named by a common word",
     "交警在青禾路与建设路交叉口设卡，解放路、文化北路等路段限行。",
     [("青禾路", "PLACE"), ("北路", "PLACE")],
     {("青禾路", "PLACE"), ("建设路", "PLACE"), ("解放路", "PLACE"), ("文化北路", "PLACE")},
     {("北路", "PLACE")}),
    ("a common word before 路 outside a list stays out",
     "枫林县加快建设路网，打通断头路。",
     [], set(), {("建设路", "PLACE")}),
    ("a village named after a known place keeps its name whole",
     "枫林县青石乡梨树洲村海拔1400多米。",
     [("枫林县青石乡梨树洲村", "PLACE")],
     {("枫林县", "PLACE"), ("青石乡", "PLACE"), ("梨树洲村", "PLACE")}, {("洲村", "PLACE")}),
    ("a city's station written after it is one PLACE; a bare 站 may be the verb",
     "湘州西站日均发送旅客3万人次，湘州站在全省率先推行电子客票。",
     [("湘州", "PLACE"), ("湘州", "PLACE", 1)], {("湘州西站", "PLACE"), ("湘州", "PLACE")},
     {("湘州站", "PLACE")}),
    ("nor do items none of which is a known place",
     "青禾、枫林两村的村民赶来帮忙。",
     [], set(), {("枫林", "PLACE"), ("青禾", "PLACE")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, present, absent):
    ents = _ents(rules, text, model)
    assert present <= ents, name
    assert not absent & ents, name
