"""Crossheads of a city daily's long feature, standing alone between blank lines (invented
people and places)."""
from pipeline.clean import clean_page
from pipeline.segment import read_blocks, segment_page
from pipeline.segment.features import PageEvidence
from pipeline.types import Page

# A feature with three crosshead pairs (a short label, then a phrase) after two blank
# lines, headline before the body, then a second credited story. Without the sibling
# crosshead bar the city model reads the second and third pairs as headline groups.
FEATURE = """\
青石县为每个行政村配齐村医

山乡医生守护村民健康

湘州日报·掌上湘州讯（记者/方晓岚 通
讯员/石磊） 青石县地处山区，村落散
布在深山里，过去村民看病要走几十里山
路。近年来，青石县在每个行政村配齐村
医，让村民小病不出村。


小病不出村

村里配齐了家庭医生

清晨六点，白岩村村医罗春梅背着药箱出
了门。她要赶在村民下地之前，给几位老
病号量血压、送药。“罗医生来得比太阳
还早。”七十岁的村民王大爷笑着说。

罗春梅在村里行医十二年，村里每户人家
的病史她都记在本子上。


大病有人管

县乡村三级医疗服务连成网

去年，白岩村村民杨阿婆突发心脏病，村
医罗春梅第一时间联系县医院，县医院的
救护车一小时就赶到了村口。杨阿婆住院
半个月，自己只花了一千多元，其余都由
医保报销。


人才留得住

村医收入有保障干劲更足

为了让村医安心扎根，青石县为村医提高
补助，还请县医院的医生每月到村里带教。

去年，青石县还为村医办理了养老保险，
每年安排他们到县医院进修一个月。进修
回来的村医能做心电图、血糖检测，村民
在家门口就能做常规检查。

县卫生健康局局长田振华介绍，全县已有
二百多名村医签约服务，覆盖九成以上农
户。下一步，县里将为每个村卫生室配备
远程会诊设备，让县医院专家在屏幕上为
村民看病。

村医们的干劲也更足了。青石县今年举办
村医技能比武，四十多名村医同台比拼问
诊、急救和慢病管理，罗春梅拿了一等奖。
她说，比赛让自己看到了差距，回村后又
把急救课讲给村里的年轻人听。

罗春梅说，如今村医的收入有了保障，自
己也更有信心守护乡亲们的健康。


河东区新建口袋公园二十处

湘州日报·掌上湘州讯（记者/钟一鸣）
河东区今年新建的二十处口袋公园日前全
部开放，附近居民步行五分钟就能走进绿
地。
"""


def test_crossheads_of_a_feature_are_no_stories():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=FEATURE))
    assert [s.headline for s in stories] == ["山乡医生守护村民健康", "河东区新建口袋公园二十处"]
    feature = stories[0]
    assert feature.reporters == ("方晓岚",)
    assert {"小病不出村", "大病有人管", "县乡村三级医疗服务连成网"} <= set(feature.subheadlines)
    assert feature.body.rstrip().endswith("守护乡亲们的健康。")


def test_sibling_crosshead_runs_are_barred_from_headline_roles():
    blocks = read_blocks(clean_page(FEATURE))
    evidence = PageEvidence(blocks)
    texts = [b.text.text for b in blocks]
    barred = {texts[i] for i in evidence.crossheads}
    # The pairs are sibling crosshead runs between the feature's credit line and the
    # next story's (the last one followed by a long, cohesive section); the headline
    # groups (followed by a credit line) are not.
    assert {"小病不出村", "村里配齐了家庭医生", "大病有人管", "县乡村三级医疗服务连成网",
            "人才留得住", "村医收入有保障干劲更足"} == barred
    assert not barred & {"青石县为每个行政村配齐村医", "山乡医生守护村民健康", "河东区新建口袋公园二十处"}
    for i in evidence.crossheads:
        assert "HB" in evidence.barred(i) and "HA" in evidence.barred(i)
        assert "Bh" not in evidence.barred(i)


# A long report whose numbered crossheads (``一、`` … ``三、``) stand alone between blank
# lines, then a second story.
NUMBERED = """\
湘州市二〇二五年营商环境评估报告发布

湘州日报·掌上湘州讯（记者/龙小川） 近
日，湘州市营商环境评估报告发布。报告从
政务服务、市场环境和要素保障三个方面，
对全市十二个县市区进行了评估。


一、政务服务更加便捷

全市一百八十项政务服务事项实现网上办理，
企业开办时间压缩到一个工作日以内。青禾
区设立“办不成事”反映窗口，当月解决群
众反映的问题三十多件。


二、市场环境更加公平

全市清理妨碍公平竞争的文件二十余件，涉
企收费目录清单全部公开。企业对市场环境
的满意度比上年提高了四个百分点。


三、要素保障更加有力

全市新增工业用地两千亩，标准厂房五十万
平方米，银行机构对小微企业的贷款余额比
上年增长百分之十八。


河西区举办秋季招聘会

湘州日报·掌上湘州讯（记者/彭一帆） 河
西区秋季招聘会日前举行，一百二十家企业
提供岗位三千余个。
"""


def test_numbered_crossheads_are_no_stories():
    blocks = read_blocks(clean_page(NUMBERED))
    evidence = PageEvidence(blocks)
    assert {blocks[i].text.text for i in evidence.crossheads} == {
        "一、政务服务更加便捷", "二、市场环境更加公平", "三、要素保障更加有力"}
    stories = segment_page(Page(doc="n.txt", path="n.txt", raw=NUMBERED))
    assert [s.headline for s in stories] == ["湘州市二〇二五年营商环境评估报告发布", "河西区举办秋季招聘会"]
    assert "三、要素保障更加有力" in stories[0].subheadlines
    assert stories[0].body.rstrip().endswith("增长百分之十八。")


def test_headline_after_a_kicker_with_a_dash_is_no_crosshead():
    # An uncredited feature below a credited one, both with one-block crossheads: its
    # kicker has clause commas (a body-like block) and ends in a dash; its headline is no
    # sibling of the crossheads.
    raw = (
        "青石县老街焕新颜\n\n"
        "湘州日报·掌上湘州讯（记者/方晓岚） 青石县老街改造日前完工，青石板路\n"
        "两旁的老屋修旧如旧，茶馆和书店陆续开张。\n\n"
        "修旧如旧\n\n"
        "工匠们按原样修复门窗和屋檐，老街保留了青石板路，还拆除了后来加建的违章建筑。\n\n"
        "业态更新\n\n"
        "老屋引进了茶馆、书店和非遗工坊，周末来老街的游客络绎不绝，居民也开起了民宿。\n\n"
        "建园区、引项目、优服务，湘州东部新城三年来加快发展——\n\n"
        "新城迎来首批入驻企业\n\n"
        "东部新城首批入驻的十二家企业日前签约，涉及新能源、装备制造等产业，总投资四十\n"
        "多亿元。新城管委会介绍，园区今年还将建成标准厂房二十万平方米。\n\n"
        "服务跟得上\n\n"
        "新城设立企业服务中心，入驻企业的证照手续在中心一站办结，最快三天就能开工，新城\n"
        "还为每家入驻企业配了一名服务专员。\n\n"
        "配套建起来\n\n"
        "新城的学校、医院和人才公寓正在建设，明年秋季首批人才公寓将交付使用，入驻企业\n"
        "的员工可以就近安家。\n"
    )
    blocks = read_blocks(clean_page(raw))
    texts = [b.text.text for b in blocks]
    barred = {texts[i] for i in PageEvidence(blocks).crossheads}
    assert "修旧如旧" in barred and "新城迎来首批入驻企业" not in barred
