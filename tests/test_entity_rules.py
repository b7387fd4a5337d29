"""The ``news_entity_rules`` stage: gazetteer places, place repairs, ORG patterns and the
filters on model output (pipeline.tag.entity_rules/, pipeline.tag.gazetteer).

The model's entities are given by hand (source ``zh_char_ner``) so the tests do not
depend on the NER model being trained. All sentences are invented, in the style of a
city daily (湘州, 枫林县, 河西区 are made up; the real places come from the gazetteer).
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import spacy

from pipeline.tag import entity_rules  # noqa: F401  (registers the factory)
from pipeline.tag.gazetteer import (
    Gazetteer,
    load_gazetteer,
    split_admin_prefix,
    split_chain,
    strip_glued_verb,
)
from pipeline.nlp import CharTokenizer
from pipeline.tag import char_span


@pytest.fixture(scope="module")
def rules():
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("news_entity_rules")
    return nlp


def _ents(rules, text: str, model: list[tuple]) -> set[tuple[str, str]]:
    """Run the stage on ``text`` with the model's entities ``(string, label[, n])``, each
    at the string's n-th occurrence (default the first). RETURNS (set): ``(text, label)``."""
    doc = rules.make_doc(text)
    ents = []
    for string, label, *nth in model:
        start = -1
        for _ in range((nth[0] if nth else 0) + 1):
            start = text.index(string, start + 1)
        ents.append(char_span(doc, start, start + len(string), label, label, "zh_char_ner"))
    doc.ents = sorted(ents, key=lambda e: e.start)
    doc = rules.get_pipe("news_entity_rules")(doc)
    return {(e.text, e.label_) for e in doc.ents}


# fmt: off
CASES = [
    # --- gazetteer places fill the model's gaps and extend its short places
    ("places: county from the gazetteer",
     "记者昨日从衡阳县获悉，该县新建了三座桥。", [],
     {("衡阳县", "PLACE")}, set()),
    ("places: provinces and autonomous prefectures by their short names",
     "来自新疆、西藏和湘西的客商齐聚上海。", [],
     {("新疆", "PLACE"), ("西藏", "PLACE"), ("湘西", "PLACE"), ("上海", "PLACE")}, set()),
    ("places: named sites by their kind; a common word is no name",
     "游客来到慈光寺、雁栖湾湿地和鹤鸣水库，市民在文化广场跳舞。", [("雁栖湾", "PLACE")],
     {("慈光寺", "PLACE"), ("雁栖湾湿地", "PLACE"), ("鹤鸣水库", "PLACE")},
     {("雁栖湾", "PLACE"), ("文化广场", "PLACE")}),
    ("places: model short form extended to the full name",
     "浏阳市今年新增就业岗位。", [("浏阳", "PLACE")],
     {("浏阳市", "PLACE")}, {("浏阳", "PLACE")}),
    ("places: no place inside another word",
     "推广高效照明光源，淘汰白炽灯。", [],
     set(), {("明光", "PLACE")}),
    ("places: a town before 乡村 is not read",
     "建设美丽和平乡村振兴示范带。", [],
     set(), {("和平乡", "PLACE")}),
    ("places: a known place over a shorter model person inside it",
     "益阳市召开农村工作会议。", [("益阳", "PERSON")],
     {("益阳市", "PLACE")}, {("益阳", "PERSON")}),
    ("places: a gazetteer place does not cut into a person",
     "益阳人李益阳在会上发言。", [("李益阳", "PERSON")],
     {("李益阳", "PERSON"), ("益阳", "PLACE")}, set()),
    # --- model places repaired
    ("repair: glued verb cut off",
     "调研组随后赴益阳市考察。", [("赴益阳市", "PLACE")],
     {("益阳市", "PLACE")}, {("赴益阳市", "PLACE")}),
    ("repair: town and village split",
     "青松街道枫桥村的村民种起了油茶。", [("青松街道枫桥村", "PLACE")],
     {("青松街道", "PLACE"), ("枫桥村", "PLACE")}, set()),
    ("repair: a glued address cut into its places",
     "湘潭县花石镇枫林村的村民种起了油茶。", [("湘潭县花石镇枫林村", "PLACE")],
     {("湘潭县", "PLACE"), ("花石镇", "PLACE"), ("枫林村", "PLACE")},
     {("湘潭县花石镇枫林村", "PLACE"), ("花石镇枫林村", "PLACE")}),
    ("repair: a river glued to its city",
     "浏阳市枫溪河两岸新建了绿道。", [("浏阳市枫溪河", "PLACE")],
     {("浏阳市", "PLACE"), ("枫溪河", "PLACE")}, {("浏阳市枫溪河", "PLACE")}),
    ("repair: a scenic area glued to its town",
     "花石镇万亩荷花景区迎来赏花游客。", [("花石镇万亩荷花景区", "PLACE")],
     {("花石镇", "PLACE"), ("万亩荷花景区", "PLACE")}, set()),
    ("repair: a river section read as one place gets its 段",
     "资江桃江段的水质持续向好。", [("资江桃江", "PLACE")],
     {("资江桃江段", "PLACE")}, {("资江桃江", "PLACE")}),
    ("repair: a chain of county-level places is split (tests/test_entity_places.py)",
     "湖南省浏阳市今年新增就业岗位。", [("湖南省浏阳市", "PLACE")],
     {("湖南省", "PLACE"), ("浏阳市", "PLACE")}, {("湖南省浏阳市", "PLACE")}),
    ("filters: symbols glued to a model name are cut off",
     "通讯员/李晓梅报道，该县举办农民丰收节。", [("/李晓梅", "PERSON")],
     {("李晓梅", "PERSON")}, {("/李晓梅", "PERSON")}),
    ("repair: river section joined",
     "资江桃江段的水质持续向好。", [("资江", "PLACE"), ("桃江", "PLACE")],
     {("资江桃江段", "PLACE")}, {("资江", "PLACE")}),
    ("villages: after a town and in a list",
     "青松镇石门村、柳塘村今年通了公交。", [("青松镇", "PLACE")],
     {("青松镇", "PLACE"), ("石门村", "PLACE"), ("柳塘村", "PLACE")}, set()),
    ("villages: 村民 is no village",
     "青松镇村民踊跃参加。", [("青松镇", "PLACE")],
     {("青松镇", "PLACE")}, {("青松镇村民", "PLACE")}),
    # --- ORG patterns
    ("org: level prefix and head",
     "经市应急管理局同意，市文化旅游广电局发布通知。", [],
     {("市应急管理局", "ORG"), ("市文化旅游广电局", "ORG")}, set()),
    ("org: mass organisations and bank branches",
     "市总工会、市妇联和建设银行枫林支行联合开展活动。", [("建设银行", "ORG")],
     {("市总工会", "ORG"), ("市妇联", "ORG"), ("建设银行枫林支行", "ORG")}, set()),
    ("org: a coordination with a shared head is no organisation",
     "益阳、衡阳两市文联联合举办书画展。", [("益阳", "PLACE"), ("衡阳", "PLACE"), ("两市", "FIGURE")],
     {("益阳", "PLACE"), ("衡阳", "PLACE")}, {("衡阳两市文联", "ORG"), ("市文联", "ORG")}),
    ("org: department name with 和, the model read only its tail",
     "市人力资源和社会保障局牵头制定方案。", [("社会保障局", "ORG")],
     {("市人力资源和社会保障局", "ORG")}, {("社会保障局", "ORG")}),
    ("org: a model ORG starting mid-name is cut",
     "市住房和城乡建设局联合市城管局开展整治。", [("城乡建设局联合市城管局", "ORG")],
     {("市住房和城乡建设局", "ORG")}, {("城乡建设局联合市城管局", "ORG")}),
    ("org: no level prefix inside a longer model ORG",
     "湘州市公安局发布通告。", [("湘州市公安局", "ORG")],
     {("湘州市公安局", "ORG")}, {("市公安局", "ORG")}),
    ("org: a verb makes the body a clause",
     "该公司在河西区开设就业服务站。", [("河西区", "PLACE")],
     {("河西区", "PLACE")}, {("河西区开设就业服务站", "ORG")}),
    ("org: a governing verb and a quantifier make the body a clause",
     "为缓解门诊压力，河西区要求所有医院延长服务时间。", [("河西区", "PLACE")],
     {("河西区", "PLACE")}, {("河西区要求所有医院", "ORG")}),
    ("org: a model place that is a level-prefixed organisation",
     "由本报和省体彩中心组成的爱心车队出发。", [("省体彩中心", "PLACE")],
     {("省体彩中心", "ORG")}, {("省体彩中心", "PLACE")}),
    ("org: a level prefix before a word starting with 市",
     "市市场监督管理局开展专项检查。", [],
     {("市市场监督管理局", "ORG")}, set()),
    ("org: 市委 then a department",
     "市委宣传部联合市委网信办举办培训。", [],
     {("市委宣传部", "ORG"), ("市委网信办", "ORG")}, set()),
    ("org: 常委会 is a body, 常委 a position",
     "市委常委会召开会议，市委常委王立出席。", [("王立", "PERSON")],
     {("市委常委会", "ORG"), ("市委", "ORG")}, {("市委常委", "ORG")}),
    ("org: a place then a school",
     "河西区枫林实验学校开展读书月活动。", [("河西区", "PLACE")],
     {("河西区枫林实验学校", "ORG")}, {("河西区", "PLACE")}),
    ("org: a model name then an insurer head",
     "安泰财险、红星人寿等公司参加座谈。", [("安泰", "ORG"), ("红星", "PLACE")],
     {("安泰财险", "ORG"), ("红星人寿", "ORG")}, set()),
    ("org: generic office inside a bureau cut back",
     "市公安局枫林分局刑侦指导办公室揭牌。", [("市公安局枫林分局刑侦指导办公室", "ORG")],
     {("市公安局枫林分局", "ORG")}, {("市公安局枫林分局刑侦指导办公室", "ORG")}),
    ("org: 原 left out",
     "他曾在原红星机械厂当钳工。", [("原红星机械厂", "ORG")],
     {("红星机械厂", "ORG")}, {("原红星机械厂", "ORG")}),
    ("org: quoted platform name",
     "市民可通过“枫林发布”客户端预约。", [],
     {("枫林发布", "ORG")}, set()),
    ("org: words that end in a level character are no prefix",
     "城市管理局和全市相关部门、小区物业服务中心参加。", [],
     set(), {("市管理局", "ORG"), ("区物业服务中心", "ORG")}),
    ("org: a verb ending in 办 is no office",
     "省环保督察交办的问题已整改。", [],
     set(), {("省环保督察交办", "ORG")}),
    ("org: an honour is no organisation",
     "枫林县优秀特色学校名单公布。", [("枫林县", "PLACE")],
     {("枫林县", "PLACE")}, {("枫林县优秀特色学校", "ORG")}),
    ("org: a clause between two organisations",
     "代表团在湘州参观红星汽车厂。", [("湘州", "PLACE"), ("红星汽车厂", "ORG")],
     {("红星汽车厂", "ORG")}, {("湘州参观红星汽车厂", "ORG")}),
    # --- organisations by their context (pipeline.tag.entity_rules.org_context)
    ("context: the outlet opening a lead, the place after it left out",
     "湘州新闻网浏阳5月7日讯（记者 李晓梅）5月6日，浏阳市举办油茶节。", [],
     {("湘州新闻网", "ORG")}, {("湘州新闻网浏阳", "ORG")}),
    ("context: an outlet before 电 and its credit",
     "湘州都市网衡阳电（记者 王立）衡阳县新建三座桥。", [],
     {("湘州都市网", "ORG")}, {("湘州都市网衡阳", "ORG")}),
    ("context: a channel before the date and 报道",
     "枫林体育7月19日报道：青禾队获得冠军。", [],
     {("枫林体育", "ORG")}, set()),
    ("context: an agency before an unknown place",
     "青禾社木樨湾5月1日电 当地举行龙舟赛。", [],
     {("青禾社", "ORG")}, {("青禾社木樨湾", "ORG")}),
    ("context: generic media and the paper itself are no outlets",
     "外媒7月10日报道，本报讯（记者 王立）枫林镇举行庙会。", [],
     set(), {("外媒", "ORG"), ("本报", "ORG")}),
    ("context: a paper in title marks, the place in its name not apart",
     "据《湘州晚报》报道，《衡阳周刊》也刊发了评论。", [("湘州", "PLACE"), ("衡阳", "PLACE")],
     {("湘州晚报", "ORG"), ("衡阳周刊", "ORG")}, {("湘州", "PLACE"), ("衡阳", "PLACE")}),
    ("context: a name and its trade",
     "据悉，湘禾证券、青枫米业等企业参加了招聘会。", [],
     {("湘禾证券", "ORG"), ("青枫米业", "ORG")}, set()),
    ("context: a trade after a word is no company",
     "警方打掉这个犯罪集团，涉及国有控股企业。", [],
     set(), {("犯罪集团", "ORG"), ("国有控股", "ORG")}),
    ("context: a model name then its industry",
     "记者从枫禾汽车湘州经销商处了解到。", [("枫禾", "ORG")],
     {("枫禾汽车", "ORG")}, {("枫禾", "ORG")}),
    ("context: no industry after a company head",
     "他曾在红星公司汽车部门工作。", [("红星公司", "ORG")],
     {("红星公司", "ORG")}, {("红星公司汽车", "ORG")}),
    ("context: 中国 and a trade is one company",
     "包括中国石油、中国移动在内的企业入榜，中国银行业稳健。",
     [("中国", "PLACE")],
     {("中国石油", "ORG"), ("中国移动", "ORG")}, {("中国银行", "ORG")}),
    ("context: a place and its police or fire service",
     "衡阳警方迅速出警，据衡阳消防披露，无人伤亡，衡阳消防安全形势平稳。",
     [("衡阳", "PLACE")],
     {("衡阳警方", "ORG")}, {("衡阳", "ORG")}),
    ("context: a verb glued to a model ORG is cut; 联合国 is a name",
     "本报联合市体彩中心发起活动，联合国教科文组织派员参加。",
     [("联合市体彩中心", "ORG"), ("联合国教科文组织", "ORG")],
     {("市体彩中心", "ORG"), ("联合国教科文组织", "ORG")}, {("联合市体彩中心", "ORG")}),
    ("context: a title opening glued to a model ORG is cut",
     "青禾商会荣誉会长李晓峰到会致辞。", [("青禾商会荣誉", "ORG"), ("李晓峰", "PERSON")],
     {("青禾商会", "ORG")}, {("青禾商会荣誉", "ORG")}),
    ("context: an online outlet (X在线) opening a lead",
     "湘州在线02月10日讯 枫林镇迎来返乡高峰。", [("湘州", "PLACE")],
     {("湘州在线", "ORG")}, {("湘州", "PLACE")}),
    ("context: a conjunction glued to a model ORG is cut, a name starting 和 is kept",
     "该模式和枫林村镇银行的限制有关，和平银行也参加。",
     [("和枫林村镇银行", "ORG"), ("和平银行", "ORG")],
     {("枫林村镇银行", "ORG"), ("和平银行", "ORG")}, {("和枫林村镇银行", "ORG")}),
    ("org: a head never repeats itself (公司 of 公司债券)",
     "“2012年湘州市枫林水务投资有限公司公司债券”获批。", [("湘州市", "PLACE")],
     {("湘州市枫林水务投资有限公司", "ORG")}, {("湘州市枫林水务投资有限公司公司", "ORG")}),
    ("org: a title's generic unit is no organisation",
     "集团公司总经理、党组副书记王立讲话。", [("王立", "PERSON")],
     {("王立", "PERSON")}, {("集团公司", "ORG"), ("党组", "ORG")}),
    # --- Latin-script organisations in an organisation's context
    ("latin: after an organisation noun, before a title or company word, a data source",
     "与湘州软件公司Zentrova合作后，Kelvix首席执行官到访，Brightmoor公司随后入驻；"
     "据Numora数据显示，增速居前。", [],
     {("Zentrova", "ORG"), ("Kelvix", "ORG"), ("Brightmoor公司", "ORG"), ("Numora", "ORG")},
     set()),
    ("latin: titles, kinds of company and web addresses are no organisations",
     "这是一个SNS公司，CEO王立称，登录网站www.xz-news.cn查询，企业QQ已开通。", [],
     set(), {("SNS公司", "ORG"), ("CEO", "ORG"), ("www.xz-news.cn", "ORG"), ("QQ", "ORG")}),
    ("latin: a bracketed gloss is the same entity as the name before it",
     "湘州建筑研究院（XBRI）院长李晓峰（Li Xiaofeng）介绍。",
     [("湘州建筑研究院", "ORG"), ("李晓峰", "PERSON")],
     {("XBRI", "ORG"), ("Li Xiaofeng", "PERSON"), ("湘州建筑研究院", "ORG")}, set()),
    ("latin: a model organisation that took in the Latin name after its noun is split",
     "枫林县与南洋房地产公司Verdanta签约。", [("南洋房地产公司Verdanta", "ORG")],
     {("南洋房地产公司", "ORG"), ("Verdanta", "ORG")}, {("南洋房地产公司Verdanta", "ORG")}),
    ("org: a count or a kind makes a class of companies, not one",
     "他在枫林县一家外资公司工作，与法国公司和湘州三大汽车公司合作。",
     [("枫林县", "PLACE"), ("法国", "PLACE"), ("湘州", "PLACE")],
     {("枫林县", "PLACE"), ("法国", "PLACE"), ("湘州", "PLACE")},
     {("枫林县一家外资公司", "ORG"), ("法国公司", "ORG"), ("湘州三大汽车公司", "ORG")}),
    ("places: a short place inside a longer dictionary word is not read",
     "工地上一派热火朝天的景象，鼎鼎大名的工匠到场。", [],
     set(), {("朝天", "PLACE"), ("大名", "PLACE")}),
    ("context: a web outlet opening with a place is one ORG",
     "据衡阳留学网（网址略）消息，衡阳电网检修线路。", [("衡阳", "PLACE")],
     {("衡阳留学网", "ORG")}, {("衡阳电网", "ORG")}),
    ("org: pupils, a commission's 委托 and an unclosed bracket are no part of a name",
     "枫林县青松村小学生王立受市商务局委托，在(湘州市公安局协助下领奖。",
     [("枫林县", "PLACE"), ("(湘州市公安局", "ORG")],
     {("市商务局", "ORG"), ("湘州市公安局", "ORG")},
     {("枫林县青松村小学", "ORG"), ("市商务局委", "ORG"), ("(湘州市公安局", "ORG")}),
    ("context: no company tail that starts a longer word (X电子商务)",
     "青禾电子商务部门负责人说，青禾电子扩产。", [("青禾", "ORG")],
     set(), {("青禾电子", "ORG")}),
    ("title: a country before its leader's title stays a place",
     "法国总统杜朗会见了湘州代表团。", [("法国", "PLACE"), ("杜朗", "PERSON")],
     {("法国", "PLACE")}, {("法国", "ORG")}),
    # --- filters on model output
    ("filter: generic units and congresses are not ORGs",
     "村团支部、党委人大和市第九次党代会代表。",
     [("村团支部", "ORG"), ("党委人大", "ORG"), ("市第九次党代会", "ORG")],
     set(), {("村团支部", "ORG"), ("党委人大", "ORG"), ("市第九次党代会", "ORG")}),
    ("filter: bare office types are not ORGs",
     "由综务处统一受理。", [("综务处", "ORG")],
     set(), {("综务处", "ORG")}),
    ("filter: an ordinary word is no person or place",
     "阳光洒在照明设施上。", [("阳光", "PERSON"), ("照明", "PLACE")],
     set(), {("阳光", "PERSON"), ("照明", "PLACE")}),
    ("org pattern: a place and a quantifier before a company word is a class",
     "湘州很多物流公司都来参展。", [("湘州", "PLACE")],
     {("湘州", "PLACE")}, {("湘州很多物流公司", "ORG")}),
    ("org pattern: a place and a kind before a company word is a class",
     "来参展的湘州国内公司有三十家。", [("湘州", "PLACE")],
     {("湘州", "PLACE")}, {("湘州国内公司", "ORG")}),
    ("org pattern: a verb of the clause ends the organisation",
     "今天，市人大常委会举行政府工作专题询问。", [],
     {("市人大常委会", "ORG")}, {("市人大常委会举行政府", "ORG")}),
    ("title org: a commissar's function is part of the position",
     "湘州军分区原政治委员罗建军出席仪式。", [("罗建军", "PERSON")],
     {("湘州军分区", "ORG")}, {("湘州军分区原政治", "ORG")}),
    ("places: a place and a landform are one place",
     "湘源平原上，早稻开镰。", [("湘源", "PLACE")],
     {("湘源平原", "PLACE")}, {("湘源", "PLACE")}),
    ("places: a landform that opens a product name is left out",
     "湘源高原红苹果上市。", [("湘源", "PLACE")],
     {("湘源", "PLACE")}, {("湘源高原", "PLACE")}),
    ("filter: a country read as a person is a place",
     "湘州的柑橘首次出口到冰岛。", [("冰岛", "PERSON")],
     {("冰岛", "PLACE")}, {("冰岛", "PERSON")}),
    ("filter: a company and its short name in brackets stay apart",
     "湘达能源股份有限公司（湘达能源）湘州油田开钻。",
     [("湘达能源股份有限公司", "ORG"), ("湘达能源）湘州油田", "ORG")],
     {("湘达能源股份有限公司", "ORG")}, {("湘达能源股份有限公司（湘达能源）湘州油田", "ORG")}),
    ("title org: a squad's unit opening is cut off",
     "湘州巡逻分队副大队长罗建平说。", [("罗建平", "PERSON")],
     {("湘州巡逻分队", "ORG")}, {("湘州巡逻分队副大", "ORG")}),
    ("filter: a company with its region in brackets is one ORG",
     "湘达（中国）有限公司在湘州新建一座工厂。", [("湘达", "ORG"), ("中国）有限公司", "ORG")],
     {("湘达（中国）有限公司", "ORG")}, {("湘达", "ORG"), ("中国）有限公司", "ORG")}),
    ("title org: a date the title finder read in opens the clause",
     "今年年初湘州市政府市长罗振华表示，要稳住外贸。", [("今年年初", "DATE"), ("罗振华", "PERSON")],
     {("今年年初", "DATE"), ("湘州市政府", "ORG")}, {("今年年初湘州市政府", "ORG")}),
    ("title org: a verb of the clause inside it is cut off",
     "湘江集团宣布免去湘州分公司总经理罗文杰的职务。", [("罗文杰", "PERSON")],
     {("湘州分公司", "ORG")}, {("湘江集团宣布免去湘州分公司", "ORG")}),
    ("title org: a deputy's unit and current are no part of it",
     "现湘州市刑侦大队副大队长罗建新说。", [("罗建新", "PERSON")],
     {("湘州市刑侦大队", "ORG")}, {("现湘州市刑侦大队副大", "ORG"), ("湘州市刑侦大队副大", "ORG")}),
    ("title org: a time word before it is cut off",
     "早前湘达集团董事长罗振东宣布扩产。", [("罗振东", "PERSON")],
     {("湘达集团", "ORG")}, {("早前湘达集团", "ORG")}),
    ("title org: a forum in quotes and its locative are no part of it",
     "在“湘州发展论坛2024年会”上省商务厅副厅长罗敏说。", [("罗敏", "PERSON")],
     {("省商务厅", "ORG")}, {("“湘州发展论坛2024年会”上省商务厅", "ORG")}),
    ("filter: a dictionary word credited as a reporter is a name",
     "本报讯（记者文静 通讯员李晓东）湘州市新建三所幼儿园。", [("文静", "PERSON")],
     {("文静", "PERSON")}, set()),
    ("filter: a dictionary word that speaks is a name",
     "金秋表示，合作社今年的柑橘销路不愁。", [("金秋", "PERSON")],
     {("金秋", "PERSON")}, set()),
    ("filter: both sides and the honorific your city are no places",
     "两岸企业家相聚，将带动贵市和湘州的合作。", [("两岸", "PLACE"), ("贵市", "PLACE"), ("湘州", "PLACE")],
     {("湘州", "PLACE")}, {("两岸", "PLACE"), ("贵市", "PLACE")}),
    ("filter: numeral words and pen-names are no persons",
     "两岸居民；检宣供稿。", [("两岸", "PERSON"), ("检宣", "PERSON")],
     set(), {("两岸", "PERSON"), ("检宣", "PERSON")}),
    ("filter: a name without surname may still be a person",
     "列夫在会上致辞。", [("列夫", "PERSON")],
     {("列夫", "PERSON")}, set()),
    ("orgs: a lead outlet ends at its 讯, before the clock of the date",
     "湘州体育讯北京时间3月8日消息，枫林队主场取胜。", [],
     {("湘州体育", "ORG")}, {("湘州体育讯北京时间", "ORG")}),
    ("orgs: a kind of company of a country after a classifier is no name",
     "一批德国机械公司和4个日本游戏公司来到湘州。", [("德国", "PLACE"), ("日本", "PLACE")],
     {("德国", "PLACE"), ("日本", "PLACE")},
     {("德国机械公司", "ORG"), ("日本游戏公司", "ORG")}),
    ("orgs: building a plant and coordinating are clauses; a bare unit word is no place",
     "外商在浏阳投资建厂，浏阳协调银行放贷，河西街道社区居民点赞。",
     [("浏阳", "PLACE"), ("社区", "PLACE")],
     {("浏阳", "PLACE")},
     {("浏阳投资建厂", "ORG"), ("浏阳协调银行", "ORG"), ("社区", "PLACE")}),
    ("filter: a one-character name and 科 is a company; a named office is an ORG",
     "鼎科发布年报，柳湾办事处召开会议，财务科负责核对。",
     [("鼎科", "ORG"), ("柳湾办事处", "ORG"), ("财务科", "ORG")],
     {("鼎科", "ORG"), ("柳湾办事处", "ORG")}, {("财务科", "ORG")}),
    ("orgs: a title's organisation cut at 和 is completed by its level prefix",
     "据浏阳市风景和旅游管理局局长王立介绍，游客增多。", [("王立", "PERSON")],
     {("浏阳市风景和旅游管理局", "ORG")}, {("旅游管理局", "ORG")}),
    ("filter: a people's congress is a legislature, a party congress an event; a named lab",
     "湘州市人民代表大会审议通过，湘州市第三次党代会闭幕，鹭岭实验室揭牌，重点实验室扩建。",
     [("湘州市人民代表大会", "ORG"), ("湘州市第三次党代会", "ORG"), ("鹭岭实验室", "ORG"),
      ("重点实验室", "ORG")],
     {("湘州市人民代表大会", "ORG"), ("鹭岭实验室", "ORG")},
     {("湘州市第三次党代会", "ORG"), ("重点实验室", "ORG")}),
    ("filter: a bare level word is no entity",
     "自治区党委副书记王立到会。", [("自治区", "ORG")],
     set(), {("自治区", "ORG")}),
    ("places: a part of a continent is a region, though a dictionary word",
     "湘州企业开拓西非和中亚市场。", [("西非", "PLACE"), ("中亚", "PLACE")],
     {("西非", "PLACE"), ("中亚", "PLACE")}, set()),
    ("orgs: a hall is a venue, no head; places: a township's stem stays a place",
     "讲座在市图书馆报告厅举行，游客又去了横琴。", [("横琴", "PLACE")],
     {("横琴", "PLACE")}, {("市图书馆报告厅", "ORG")}),
    ("orgs: 原 opening a word stays, a class of companies is no name, 人大 of 人大多 no head",
     "原子能局拨款增加，美国有关公司和浏阳商人大多赞成。", [("原子能局", "ORG"), ("美国", "PLACE")],
     {("原子能局", "ORG"), ("美国", "PLACE")},
     {("子能局", "ORG"), ("美国有关公司", "ORG"), ("浏阳商人大", "ORG")}),
    ("places: a county the gazetteer lacks opens an address, after a known stem or not",
     "她老家在上饶县枫岭镇石门村，后来去了青禾县松塘乡。",
     [("上饶县枫岭镇石门村", "PLACE"), ("青禾县松塘乡", "PLACE")],
     {("上饶县", "PLACE"), ("枫岭镇", "PLACE"), ("石门村", "PLACE"), ("青禾县", "PLACE"),
      ("松塘乡", "PLACE")}, {("上饶", "PLACE"), ("青禾县松塘乡", "PLACE")}),
    ("places: a place that is a common word needs a place's context",
     "各位来宾为湖湘的长治久安干杯，随后记者在大理、云南大理和来宾市采访。",
     [("云南", "PLACE")],
     {("大理", "PLACE"), ("来宾市", "PLACE")}, {("长治", "PLACE")}),
    ("places: a common word named nowhere as a place stays a word",
     "各位来宾为湖湘的长治久安干杯。", [], set(), {("来宾", "PLACE"), ("长治", "PLACE")}),
    ("places: 中非 of 中非合作 is China and Africa; a title's 应约同 is the clause's",
     "湘州市长王立应约同法国总统杜朗通电话，谈及中非合作。", [("法国", "PLACE")],
     {("法国", "PLACE")}, {("中非", "PLACE"), ("约同法国", "ORG")}),
    ("orgs: web outlets before a lead's place and date; papers listed glued stay apart",
     "民警到场后被抓湘南在线青禾10月31日讯，衡阳日报衡阳晚报衡阳晨报都作了报道。",
     [("湘南", "PLACE"), ("青禾", "PLACE")],
     {("湘南在线", "ORG"), ("衡阳日报", "ORG"), ("衡阳晚报", "ORG"), ("衡阳晨报", "ORG")},
     {("湘南", "PLACE"), ("衡阳日报衡阳晚报", "ORG")}),
    ("trim: a web headline's bracket the model glued to a name is no part of it",
     "【青禾大学开学】9月1日，青禾大学举行典礼。", [("【青禾大学", "ORG")],
     {("青禾大学", "ORG")}, {("【青禾大学", "ORG")}),
    ("orgs: a body holding a change of form is a clause",
     "浏阳小贷公司转为村镇银行后，业务翻番。", [("浏阳", "PLACE")],
     set(), {("浏阳小贷公司转为村镇银行", "ORG")}),
    ("orgs: Latin-script names listed after an organisation noun are organisations",
     "青州市中心的银行包括Lorvan,Bexley、Carrow和Denholm等，公司包括CEO、CFO等职位。", [],
     {("Lorvan", "ORG"), ("Bexley", "ORG"), ("Carrow", "ORG"), ("Denholm", "ORG")},
     {("CEO", "ORG"), ("CFO", "ORG")}),
    ("persons: two names in a credit slot without the space between them are two",
     "湘州日报讯（记者王立林芳）青禾县昨日开展义诊。", [("王立林芳", "PERSON")],
     {("王立", "PERSON"), ("林芳", "PERSON")}, {("王立林芳", "PERSON")}),
    ("persons: a form of address ends the name",
     "刘大妈笑眯眯地说：“菜价稳了。”", [("刘大妈笑眯眯", "PERSON")],
     {("刘大妈", "PERSON")}, {("刘大妈笑眯眯", "PERSON")}),
    ("persons: a name the model cut where its last character makes a word with the verb",
     "湘州证券分析师钱志承认为，行情仍将震荡。", [("钱志", "PERSON")],
     {("钱志承", "PERSON")}, {("钱志", "PERSON")}),
    ("orgs: a head never repeats the one the organisation ends with",
     "青禾水务投资有限公司公司债券获批。", [("青禾水务投资有限公司", "ORG")],
     {("青禾水务投资有限公司", "ORG")}, {("青禾水务投资有限公司公司", "ORG")}),
    ("orgs: the 区 of 开发区 is no level prefix",
     "湘州开发区国有资产经营公司发债。", [("湘州", "PLACE")],
     set(), {("区国有资产经营公司", "ORG")}),
    ("trim: a verb of reporting the model read into a service is no part of it",
     "22日8时，青禾县消防接传警称，一名老人被困。", [("青禾县消防接传警", "ORG")],
     {("青禾县消防", "ORG")}, {("青禾县消防接传警", "ORG")}),
    ("titles: the 新闻 of a spokesperson's title is no part of the organisation",
     "湘州市教育局新闻发言人李明华介绍，今年招生平稳。", [("李明华", "PERSON")],
     {("湘州市教育局", "ORG")}, {("湘州市教育局新闻", "ORG")}),
    ("places: established regions are places; a pair of abbreviations is none",
     "京津冀和东南亚的客商来到陕北，港澳游客也多。", [],
     {("京津冀", "PLACE"), ("东南亚", "PLACE"), ("陕北", "PLACE")}, {("港澳", "PLACE")}),
    ("places: a count read inside a known place is no figure",
     "考察组分赴东三省。", [("三省", "FIGURE")],
     {("东三省", "PLACE")}, {("三省", "FIGURE")}),
    ("orgs: a region opens no organisation",
     "支持京津冀打造绿色金融中心。", [],
     {("京津冀", "PLACE")}, {("京津冀打造绿色金融中心", "ORG")}),
    ("titles: a unit named by its function only is the position's generic unit, no ORG",
     "集团副总裁兼销售公司总经理林立华、执法组组长王海到场。",
     [("林立华", "PERSON"), ("王海", "PERSON")],
     {("林立华", "PERSON")}, {("销售公司", "ORG"), ("执法组", "ORG")}),
    ("titles: 新闻 is cut only before 发言人 (a desk's 新闻 before its head stays)",
     "湘州日报社对外新闻编辑部主任林立华说，稿件已发。", [("林立华", "PERSON")],
     set(), {("湘州日报社对外", "ORG")}),
    ("persons: a word read as a person is a name with a verb of knowing after an adverb",
     "何某称，雨露当时说自己不知情，雨露的母亲也到场。", [("雨露", "PERSON")],
     {("雨露", "PERSON")}, set()),
    ("trim: a conjunction opening the text joins nothing: it is the name's",
     "和丰银行昨日发布年报，与青禾银行同日披露。", [("和丰银行", "ORG"), ("与青禾银行", "ORG")],
     {("和丰银行", "ORG"), ("青禾银行", "ORG")}, {("丰银行", "ORG"), ("与青禾银行", "ORG")}),
    ("orgs: a sector word that opens another word is no company's tail",
     "目前，湘海军航空兵换装新机，松禾电子银行业务增长。", [("湘海军", "ORG"), ("松禾", "ORG")],
     {("湘海军", "ORG"), ("松禾", "ORG")}, {("湘海军航空", "ORG"), ("松禾电子", "ORG")}),
    ("orgs: the 综合 of a compiled report is no part of the outlet opening the lead",
     "青禾汽车网综合9月16日报道 中秋已过，车市回暖。", [],
     {("青禾汽车网", "ORG")}, {("青禾汽车网综合", "ORG")}),
    ("places: a conjunction and a word are no town",
     "他走访了许多城市和村镇，常同老乡交流。", [], set(),
     {("和村镇", "PLACE"), ("同老乡", "PLACE")}),
    # --- entity-dev (issue 11): real-page errors, invented sentences
    ("filters: a state of affairs ending in an organisation's head is no ORG",
     "青禾城乱局延宕至今，有人干涉松溪内政。", [("青禾城乱局", "ORG"), ("松溪内政", "ORG")],
     set(), {("青禾城乱局", "ORG"), ("松溪内政", "ORG")}),
    ("filters: markets and generic village classes are no places; 中东南部 is no Middle East",
     "村民不再去黑市买货，全县12个贫困嘎查村出列，中东南部地区风电增长。",
     [("黑市", "PLACE"), ("嘎查村", "PLACE"), ("中东", "PLACE")],
     set(), {("黑市", "PLACE"), ("嘎查村", "PLACE"), ("中东", "PLACE")}),
    ("filters: a city hall read as a place is an organisation",
     "这次庆典是维斯堡市政厅组织的。", [("维斯堡市政厅", "PLACE")],
     {("维斯堡市政厅", "ORG")}, {("维斯堡市政厅", "PLACE")}),
    ("filters: an office stationed somewhere is one ORG, cut by the model at 驻",
     "商务部驻港公署发表声明。", [("商务部", "ORG"), ("港公署", "ORG")],
     {("商务部驻港公署", "ORG")}, {("港公署", "ORG")}),
    ("places: a foreign country, its state and a village in it are three places",
     "印度卡纳邦莫里普尔村部分村民饮用了假酒。", [("印度卡纳邦", "PLACE"), ("莫里普尔村", "PLACE")],
     {("印度", "PLACE"), ("卡纳邦", "PLACE"), ("莫里普尔村", "PLACE")},
     {("印度卡纳邦", "PLACE"), ("莫里普尔村部", "ORG")}),
    ("places: 中国 glued after a foreign city is a place of its own",
     "都柏林中国新年庆典开幕。", [("都柏林中国", "PLACE")],
     {("都柏林", "PLACE"), ("中国", "PLACE")}, {("都柏林中国", "PLACE")}),
    ("places: a direction and a verb of bordering glued to a place are cut off",
     "大桥东连香港，西接珠海。", [("东连香港", "PLACE"), ("珠海", "PLACE")],
     {("香港", "PLACE"), ("珠海", "PLACE")}, {("东连香港", "PLACE")}),
    ("places: a village's generic site is no place; an established region is one",
     "青禾村新建了村中心文体广场，鲁西南的客商来参观。", [("村中心文体广场", "PLACE")],
     {("鲁西南", "PLACE")}, {("村中心文体广场", "PLACE")}),
    ("filters: a country read as an ORG before a newspaper's title is a place",
     "加纳《晨星报》记者说。", [("加纳", "ORG")],
     {("加纳", "PLACE")}, {("加纳", "ORG")}),
    ("places: Chinese chains and a country before its city are split",
     "他从湖南省株洲市出发，去美国纽约。", [("湖南省株洲市", "PLACE"), ("美国纽约", "PLACE")],
     {("湖南省", "PLACE"), ("株洲市", "PLACE"), ("美国", "PLACE"), ("纽约", "PLACE")},
     {("湖南省株洲市", "PLACE"), ("美国纽约", "PLACE")}),
    ("media: a national broadcaster by its level and kind",
     "中央人民广播电台和中国国际广播电台的记者来到枫林县。", [],
     {("中央人民广播电台", "ORG"), ("中国国际广播电台", "ORG")}, set()),
    ("media: names listed as the platforms something runs on are organisations",
     "合作社的网店直接对接乐拍、喵读等平台，也接入趣看、Moyo等短视频平台。", [],
     {("乐拍", "ORG"), ("喵读", "ORG"), ("趣看", "ORG"), ("Moyo", "ORG")},
     {("直接对接乐拍", "ORG")}),
    ("media: a listing of common words before 等渠道 names no platform",
     "消息通过电视、报纸等渠道传开。", [],
     set(), {("电视", "ORG"), ("报纸", "ORG")}),
    ("media: a university's school joining two fields with 与 is one ORG",
     "湘州大学艺术与设计学院的学生在展览上。", [("湘州大学", "ORG"), ("设计学院", "ORG")],
     {("湘州大学艺术与设计学院", "ORG")}, {("湘州大学", "ORG"), ("设计学院", "ORG")}),
    ("media: a column label in brackets closing a headline is no ORG",
     "小巷里的烟火气（城事谈）\n河西区的夜市开张了。", [("城事谈", "ORG")],
     set(), {("城事谈", "ORG")}),
    ("media: a headed organisation in brackets stays an ORG",
     "夜市开张（河西区商务局）\n河西区的夜市开张了。", [("河西区商务局", "ORG")],
     {("河西区商务局", "ORG")}, set()),
    ("media: a short place form read out of X而上 is no place",
     "汽车盘山而上，驶进枫林县。", [("盘山", "PLACE")],
     set(), {("盘山", "PLACE")}),
    ("media: a village glued to the next character of a headline is cut",
     "青禾村茶叶进城来\n青禾村今年种茶三百亩。", [("青禾村茶", "PLACE")],
     {("青禾村", "PLACE")}, {("青禾村茶", "PLACE")}),
    ("media: a two-character credit padded with spaces is one name",
     "（本报记者  方  岚整理）", [("岚整理", "PERSON")],
     {("方  岚", "PERSON")}, {("岚整理", "PERSON")}),
    ("media: the river or road gone along before X而上 stays a place",
     "船队溯湘江而上，抵达枫林县。", [("湘江", "PLACE")],
     {("湘江", "PLACE")}, set()),
    ("places: the sites of a listing are places, a transliterated one too",
     "古城由卡里那石塔、七星神殿、望海古堡等古迹组成。", [("卡里那", "PERSON")],
     {("卡里那石塔", "PLACE"), ("七星神殿", "PLACE"), ("望海古堡", "PLACE")},
     {("卡里那", "PERSON")}),
    ("places: a listing of common words before 等景点 names no site",
     "游客参观了广场、公园等景点。", [],
     set(), {("广场", "PLACE"), ("公园", "PLACE")}),
    ("media: the city of a foreign dateline, read as a person elsewhere, is a place",
     "本报印度班加拉10月11日电  代表团11日在班加拉参观。", [("班加拉", "PERSON")],
     {("班加拉", "PLACE")}, {("班加拉", "PERSON")}),
    ("media: a transliterated name before a site's kind is the site",
     "代表团前往卡里巴拉姆古寺庙群参观。", [("卡里巴拉姆", "PERSON")],
     {("卡里巴拉姆古寺庙群", "PLACE")}, {("卡里巴拉姆", "PERSON")}),
    ("places: a river's mouth is one place, not a port after it",
     "渔船停在湘江口，货轮驶进湘江口岸。", [("湘江", "PLACE")],
     {("湘江口", "PLACE")}, {("湘江口岸", "PLACE")}),
    ("media: a title's last character read into a foreign name is cut off",
     "总理会见来访的国务资政阿玛拉吉。", [("政阿玛拉吉", "PERSON")],
     {("阿玛拉吉", "PERSON")}, {("政阿玛拉吉", "PERSON")}),
    ("media: a credit's verb read into the name before it is cut off",
     "（本报记者  方晓岚整理）", [("方晓岚整理", "PERSON")],
     {("方晓岚", "PERSON")}, {("方晓岚整理", "PERSON")}),
    ("media: a model ORG holding 时任 (then serving as) is a clause, no ORG",
     "柳湾村时任村民小组长林小帆回忆说。", [("柳湾村时任村民小", "ORG")],
     set(), {("柳湾村时任村民小", "ORG")}),
    ("media: a law the model read as an ORG is none; the place inside it is listed",
     "这一做法违反了湘州条例，也不符合湖南基本法。", [("湘州条例", "ORG"), ("湖南基本法", "ORG")],
     {("湖南", "PLACE")}, {("湘州条例", "ORG"), ("湖南基本法", "ORG")}),
    ("media: a verb of leading read into the name before it is cut off",
     "副县长林小帆率队检查，副总统阿玛拉率多名部长迎接。",
     [("林小帆率队", "PERSON"), ("阿玛拉率", "PERSON")],
     {("林小帆", "PERSON"), ("阿玛拉", "PERSON")}, {("林小帆率队", "PERSON"), ("阿玛拉率", "PERSON")}),
    ("media: the agency in brackets after a photo credit is an ORG",
     "方晓岚摄影报道（湘州图景）", [("方晓岚", "PERSON")],
     {("湘州图景", "ORG")}, set()),
    ("media: 中 and a country's one-character abbreviation are no place",
     "中缅两国友好往来，中东局势平稳。", [("中缅", "PLACE"), ("中东", "PLACE")],
     {("中东", "PLACE")}, {("中缅", "PLACE")}),
    ("media: an unknown place of a dateline is a place, in all its mentions",
     "本报卡塔维1月17日电  代表团17日在卡塔维出席开幕式。", [],
     {("卡塔维", "PLACE")}, set()),
    ("media: a model ORG holding a verb of meeting is a clause, no ORG",
     "主席在卡塔维议会大厦出席欢迎仪式。", [("卡塔维议会大厦出席欢迎", "ORG")],
     set(), {("卡塔维议会大厦出席欢迎", "ORG")}),
]
# fmt: on


@pytest.mark.parametrize("name, text, model, present, absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, present, absent):
    found = _ents(rules, text, model)
    assert present <= found, found
    assert not absent & found, found


def test_dictionary_word_read_twice_as_a_person_is_a_name(rules):
    text = "雨露走进教室，同学们都夸雨露认真。"
    doc = rules.make_doc(text)
    doc.ents = [char_span(doc, s, s + 2, "PERSON", "PERSON", "zh_char_ner")
                for s in (0, text.rindex("雨露"))]
    doc = rules.get_pipe("news_entity_rules")(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["雨露", "雨露"]


def test_familiar_name_with_a_surname_is_a_name(rules):
    # 小张 is a dictionary word, but 小 and a surname is how a story names someone;
    # 小范 of 小范围 opens a word
    assert _persons(rules, "枫林村的小张每天巡河。", [(4, 6)]) == ["小张"]
    assert _persons(rules, "试点先在小范围内推开。", [(4, 6)]) == []


def _persons(rules, text: str, model: list[tuple[int, int]]) -> list[str]:
    """The persons the stage keeps when the model read ``model`` (offsets) as persons."""
    doc = rules.make_doc(text)
    doc.ents = [char_span(doc, s, e, "PERSON", "PERSON", "zh_char_ner") for s, e in model]
    doc = rules.get_pipe("news_entity_rules")(doc)
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_name_cut_short_each_time_is_completed(rules):
    text = "村支书霍岚峪带头修路。霍岚峪笑着说，路通了，果子好卖了。"
    starts = [text.index("霍岚峪"), text.rindex("霍岚峪")]
    assert _persons(rules, text, [(s, s + 2) for s in starts]) == ["霍岚峪", "霍岚峪"]


def test_two_character_name_before_a_verb_stays(rules):
    text = "邵敏说，今年合作社扩种了两百亩。邵敏说，明年还要建冷库。"
    starts = [text.index("邵敏"), text.rindex("邵敏")]
    assert _persons(rules, text, [(s, s + 2) for s in starts]) == ["邵敏", "邵敏"]


def test_full_name_found_once_replaces_the_name_cut_short(rules):
    text = "乡亲们都认识冉秋岷。冉秋岷每天清晨巡河。"
    first, second = text.index("冉秋岷"), text.rindex("冉秋岷")
    assert _persons(rules, text, [(first, first + 3), (second, second + 2)]) == [
        "冉秋岷", "冉秋岷"]


def test_name_and_the_verb_after_it_does_not_replace_the_name(rules):
    text = "抗战时，罗振邦任团长。解放后，罗振邦任县长。"
    first, second = text.index("罗振邦"), text.rindex("罗振邦")
    assert _persons(rules, text, [(first, first + 4), (second, second + 3)]) == [
        "罗振邦任", "罗振邦"]


def test_one_character_place_takes_no_landform():
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("news_entity_rules", config={"min_chars": 1})
    text = "湘、藏高原的牧民"
    doc = nlp.make_doc(text)
    doc.ents = [char_span(doc, 2, 3, "PLACE", "GPE", "zh_char_ner")]
    doc = nlp.get_pipe("news_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("藏", "PLACE")]


def test_person_propagation_reaches_later_mentions(rules):
    text = "郑春华说，郑春华家的果园丰收了。"
    doc = rules.make_doc(text)
    doc.ents = [char_span(doc, 0, 3, "PERSON", "PERSON", "zh_char_ner"),
                char_span(doc, 6, 8, "PLACE", "GPE", "zh_char_ner")]
    doc = rules.get_pipe("news_entity_rules")(doc)
    assert [(e.start_char, e.text) for e in doc.ents] == [(0, "郑春华"), (5, "郑春华")]


def test_helpers():
    gazetteer = load_gazetteer()
    assert strip_glued_verb("到衡阳县", gazetteer) == 1
    assert strip_glued_verb("衡阳县", gazetteer) == 0
    assert split_chain("青松镇石门村") == [(0, 3), (3, 6)]
    assert split_chain("青松镇") == []
    assert gazetteer.looks_like_name("欧阳明") and not gazetteer.looks_like_name("三江口")


def test_small_gazetteer():
    gazetteer = Gazetteer({"admin": ["枫林县"], "alias": ["枫林"], "town": ["青松镇"],
                           "world": [], "surnames": "李", "unambiguous_surnames": "李",
                           "compound_surnames": [], "words": [], "place_glossed": [],
                           "bigrams": "县城"})
    # longest first; 枫林县 before 县城 is cut back to 枫林
    assert gazetteer.find("枫林县青松镇，枫林县城") == [(0, 3), (3, 6), (7, 9)]
    # a town's 市 opens the village after it (``市口村``), no county's level
    assert split_admin_prefix("青松镇市口村", gazetteer) == [(0, 3), (3, 6)]
    assert split_admin_prefix("枫林县城", gazetteer) == []


def test_gazetteer_is_built_once_per_process():
    load_gazetteer.cache_clear()
    first = load_gazetteer()
    assert load_gazetteer() is first
    assert first.find("到衡阳县") == [(1, 4)]


def test_min_chars_keeps_single_character_abbreviations_when_asked():
    import spacy

    import pipeline  # noqa: F401  (registers the factories)

    for min_chars, expected in ((2, []), (1, ["中", "美"])):
        nlp = spacy.blank("zh")
        nlp.add_pipe("news_entity_rules", config={"min_chars": min_chars, "places": False,
                                                  "org_patterns": False, "filters": False})
        doc = nlp.make_doc("中美两国领导人会晤。")
        doc.ents = [doc.char_span(0, 1, "PLACE"), doc.char_span(1, 2, "PLACE")]
        assert [e.text for e in nlp.get_pipe("news_entity_rules")(doc).ents] == expected


def test_gazetteer_names_at_the_text_end_stay_inside_the_text():
    from pipeline.tag.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    longest: dict[str, int] = {}
    for name in gazetteer.places:
        longest[name[:2]] = max(longest.get(name[:2], 0), len(name))
    # Names with a longer name of the same opening: a slice past the end must not match.
    names = sorted(n for n in gazetteer.places if longest[n[:2]] > len(n))[:200]
    assert names
    for name in names:
        found = gazetteer.find("今天来到" + name)
        assert all(end <= len(name) + 4 for _, end in found), (name, found)
        assert (4, len(name) + 4) in found or any(s < 4 < e for s, e in found), (name, found)


@pytest.mark.parametrize("text, org, expected", [
    ("湘州5月6日电青禾集团董事长王立到会", "电青禾集团", "青禾集团"),
    ("他又派青禾公司副总经理王立前往", "又派青禾公司副总", "青禾公司"),
    ("湘州财政部长王立说", "湘州财政", "湘州财政部"),
    ("枫林运动总会长王立说", "枫林运动总", "枫林运动总会"),
    ("青禾集团董事长兼总经理王立", "青禾集团董事长兼", "青禾集团"),
    ("但法国总统杜朗说", "但法国", None),
    ("青禾商会创始人兼会长王立", "创始人兼", None),
    ("公司技术经理王立", "技术", None),
    ("湘州商会副会长兼青禾研究院院长王立", "湘州商会副会长兼青禾研究院", "青禾研究院"),
    ("学者·公仆——记青禾研究院院长王立", "学者·公仆——记青禾研究院", "青禾研究院"),
    ("法国驻华大使杜朗", "法国驻华", None),
    ("“南洋国”驻湘代表团团长杜朗", "“南洋国”驻湘代表团", "“南洋国”驻湘代表团"),
    ("青禾公司董事局主席王立", "青禾公司董事局", "青禾公司"),
    ("当天召见法国驻华大使杜朗", "召见法国驻华", None),
    ("会议再次推举法国总统杜朗", "会议再次推举法国", None),
    ("民盟湖南省委主委王立", "民盟湖南省委", "民盟湖南省委"),
    ("越南国家主席杜朗", "越南国家", None),
    ("枫林村党支书王立", "枫林村党", None),
    ("青禾公司前全球销售总监王立", "青禾公司前全球销售", "青禾公司"),
    ("湘州联盟秘书长枫林问题特别代表王立", "湘州联盟秘书长枫林问题", "湘州联盟"),
    ("青禾网引用湘州商务部副部长王立的话", "青禾网引用湘州商务部", "湘州商务部"),
    ("应中共湘州市委书记王立邀请", "应中共湘州市委", "中共湘州市委"),
    ("应急管理局局长王立说", "应急管理局", "应急管理局"),
    ("法国外交大臣杜朗说", "法国外交", None),
    ("法国首任驻华大使杜朗", "法国首任", None),
    ("法国前国防部长杜朗", "法国前国防部", "国防部"),
    ("前助理国防部长杜朗", "助理国防部", "国防部"),
    ("这是应法国总统杜朗的要求", "应法国", None),
    ("王立应约同法国总统杜朗通电话", "约同法国", None),
    ("湘州联盟会议呼吁法国新总统杜朗改革", "湘州联盟会议呼吁法国", None),
    ("团长由以中共湘州市委委员王立担任", "以中共湘州市委", "中共湘州市委"),
    ("但湘州特委会主席王立说", "但湘州特委会", "湘州特委会"),
    ("——访湘州武协副主席王立", "访湘州武协", "湘州武协"),
    ("青禾组织临时副总干事杜朗说", "青禾组织临时", "青禾组织"),
    ("青禾电子集团品牌管理总监王立", "青禾电子集团品牌管理", "青禾电子集团"),
    ("约旦王储兼第一副首相杜朗", "约旦王储", None),
    ("南洋州长杜朗说", "南洋", None),
    ("王立应约与法国总统杜朗通电话", "应约与法国", None),
    ("调查显示法国人支持政府的做法", "法国人支持政府", None),
    ("他们至“湘州协会”送交“致法国总统杜朗函”", "至“湘州协会”送交“致法国", None),
    ("“青禾学堂”湘州平台运营中心主任王立", "“青禾学堂”湘州平台运营中心", "“青禾学堂”湘州平台运营中心"),
])
def test_title_organisations_are_cleaned(text, org, expected):
    from pipeline.tag.entity_rules.title_orgs import cleaned_title_org

    start = text.index(org)
    found = cleaned_title_org(text, start, start + len(org), load_gazetteer())
    assert (text[found[0]:found[1]] if found else None) == expected


def test_lexicon_organisations_fill_gaps_only():
    from pipeline.tag.entity_rules import NewsEntityRules

    gazetteer = Gazetteer({"admin": ["枫林县"], "alias": [], "town": [], "world": [],
                           "surnames": "李", "unambiguous_surnames": "李",
                           "compound_surnames": [], "words": ["电子商务"], "place_glossed": [],
                           "bigrams": "", "orgs": ["禾丰达", "青岚电子"]})
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    stage = NewsEntityRules("news_entity_rules", gazetteer=gazetteer)
    text = "禾丰达宣布扩产，禾丰达集团在枫林县开业；青岚电子商务平台上线，禾丰达X5热销。"
    doc = nlp.make_doc(text)
    found = {(e.text, e.label_) for e in stage(doc).ents}
    # bare and with its company word; not as the start of a longer word or a product
    assert {("禾丰达", "ORG"), ("禾丰达集团", "ORG"), ("枫林县", "PLACE")} <= found
    assert not any(t.startswith("青岚") for t, _ in found)
    assert sum(1 for t, _ in found if t == "禾丰达") == 1
    # a model entity there is kept: the model read the context
    doc = nlp.make_doc("李禾丰达到会。")
    doc.ents = [char_span(doc, 0, 4, "PERSON", "PERSON", "zh_char_ner")]
    assert [(e.text, e.label_) for e in stage(doc).ents] == [("李禾丰达", "PERSON")]


def test_organisation_lexicon_induction():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parents[1] / "scripts" / "build_gazetteer_orgs.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer_orgs", path)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    # invented city-daily lines: 青禾 is a firm (before 集团/董事长, also bare); 数字 is a
    # common word; 枫林 only sits inside the longer 红枫林; 这家 holds a deictic
    text = "\n".join(["青禾集团董事长李立表示，", "，青禾发布年报。", "，青禾集团扩产。",
                      "，青禾董事长到会。", "，数字公司上市。", "，数字经济发展。", "数字化转型，",
                      "，这家公司成立。", "，这家公司扩产。", "，这家公司上市。"]
                     + ["，红枫林公司开业。"] * 3)
    names = builder.induce(text, words={"数字", "这家"}, places=set(), proper=set(),
                           min_context=3, min_share=0.3, proper_context=2, proper_share=0.2)
    assert names == ["青禾"]
    # a phrase ending in a noun that is no trade, an adjective and a word, merchants
    phrases = ["涉黄犯罪", "新开发", "湘商", "鼎湖科技"]
    text = "\n".join(f"，{name}{context}扩产。" for name in phrases for context in ("集团", "公司", ""))
    names = builder.induce(text, words={"犯罪", "开发", "科技"}, places=set(), proper=set(),
                           min_context=2, min_share=0.3, proper_context=2, proper_share=0.2)
    assert names == ["鼎湖科技"]


# Characters the context rules are made of, so that hypothesis builds near misses.
CONTEXT_ALPHABET = list("网报社讯电道日月0123456789（）()《》、，。 中国石油证券米业寺水库警方消防"
                        "联合和荣誉主席湘州衡阳在线的部长总会兼副派但ABCx公司据数")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(CONTEXT_ALPHABET), max_size=60))
def test_context_rules_give_spans_inside_the_text(text):
    from pipeline.tag.entity_rules import media
    from pipeline.tag.entity_rules import org_context
    from pipeline.tag.entity_rules.latin_names import latin_orgs
    from pipeline.tag.entity_rules.title_orgs import cleaned_title_org
    from pipeline.tag.gazetteer import named_sites

    gazetteer = load_gazetteer()
    found = (org_context.lead_outlets(text, gazetteer) + org_context.trade_names(text, gazetteer)
             + org_context.national_companies(text) + org_context.titled_papers(text)
             + named_sites(text, gazetteer) + latin_orgs(text)
             + org_context.known_orgs(text, gazetteer) + media.broadcasters(text)
             + media.platform_lists(text, gazetteer) + media.sight_lists(text, gazetteer)
             + media.photo_agencies(text))
    for start, end in found:
        assert 0 <= start < end <= len(text)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            s, e = org_context.trimmed_org(text, start, end, gazetteer.words)
            assert start <= s < e <= end
            cleaned = cleaned_title_org(text, start, end, gazetteer)
            # (a department may take the 部 of 部长 after it)
            assert cleaned is None or start <= cleaned[0] < cleaned[1] <= min(end + 1, len(text))
