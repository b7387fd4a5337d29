"""Story segmentation on hand-written pages (invented people and places)."""
from collections import Counter

from hypothesis import given, settings, strategies as st

from pipeline.clean import clean_page
from pipeline.segment.datelines import caption_photographers, parse_dateline
from pipeline.segment import read_blocks, segment_page, split_page, NOISE
from pipeline.types import Page


def stories_of(raw, name="p.txt"):
    return segment_page(Page(doc=name, path=name, raw=raw))


# Headline after its body (story 1), headline before its body (story 2), kicker + headline.
AFTER_AND_BEFORE = """\
湘州日报·掌上湘州讯（记者/周
立新） 3月 14日，我市召开优化营
商环境工作推进会。市长李文华强调，
要持续优化营商环境。

李文华在营商环境推进会上强调

营商环境要持续优化

河西区春季植树
活动启动

湘州日报·掌上湘州讯（记者/何
雨晴） 3月 12日，河西区启动春季植
树活动，机关干部种下樟树500余株。
"""


def test_headline_after_and_before_body():
    s1, s2 = stories_of(AFTER_AND_BEFORE)
    assert s1.headline == "营商环境要持续优化"
    assert s1.subheadlines == ("李文华在营商环境推进会上强调",)
    assert s1.dateline == "湘州日报·掌上湘州讯（记者/周立新）"
    assert s1.reporters == ("周立新",)
    assert s1.body.startswith("3月14日，我市召开") and s1.body.endswith("持续优化营商环境。")
    assert s2.headline == "河西区春季植树活动启动"
    assert s2.body.startswith("3月12日，河西区启动春季植树活动")


def test_two_stories_without_blank_line():
    raw = (
        "湘州日报·掌上湘州讯（记者/邓子健）近日，经开区新引进项目18个。\n"
        " 湘州日报·掌上湘州讯（记者/黄磊 通讯员/钟敏）日前，青山区人民法院揭牌成立诉讼服务中心。\n"
    )
    s1, s2 = stories_of(raw)
    assert s1.body == "近日，经开区新引进项目18个。"
    assert s2.reporters == ("黄磊",) and s2.correspondents == ("钟敏",)


MARKDOWN = """\
# 青山区“家门口就业”服务站开张

湘州日报·掌上湘州记者/周立新 通讯员/钟敏

3月15日,市民在服务站咨询岗位信息。  
湘州日报·掌上湘州记者/黄磊 摄

3月15日,青山区首个服务站揭牌成立。副市长刘芳出席。

## 1 一站式服务

服务站实行“一窗受理、全程代办”。

扫二维码观看视频  
湘州日报·掌上湘州  
记者/周立新 制作

## 河西区启动春季植树活动

湘州日报·掌上湘州讯(记者/何雨晴)3月12日,河西区启动春季植树活动。
"""


def test_markdown_headings_crossheads_and_captions():
    s1, s2 = stories_of(MARKDOWN, "p.md")
    assert s1.headline == "青山区“家门口就业”服务站开张"
    assert s1.subheadlines == ("一站式服务",)
    assert s1.dateline == "湘州日报·掌上湘州记者/周立新 通讯员/钟敏"
    assert s1.photographers == ("黄磊",)
    assert len(s1.captions) == 2 and s1.captions[1].startswith("扫二维码观看视频")
    assert "咨询岗位信息" not in s1.body and "扫二维码" not in s1.body
    assert s2.headline == "河西区启动春季植树活动"
    assert s2.dateline == "湘州日报·掌上湘州讯(记者/何雨晴)"


def test_pdf_crossheads_split_from_body():
    raw = (
        "湘州日报·掌上湘州记者/陈晓\n通讯员/王涛 李明\n\n"
        "青石板小路蜿蜒向前，村口的老樟树\n下，几位老人正在下棋聊天。\n\n"
        "变了村貌，美了乡风\n今年以来，枫林县开展人居环境整治\n行动，村容村貌焕然一新。\n\n"
        "枫林乡村庭院美\n"
    )
    (story,) = stories_of(raw)
    assert story.dateline == "湘州日报·掌上湘州记者/陈晓 通讯员/王涛 李明"
    assert story.correspondents == ("王涛", "李明")
    assert story.subheadlines == ("变了村貌，美了乡风",)
    assert story.headline == "枫林乡村庭院美"


def test_single_story_without_dateline():
    raw = "春到枫林\n\n枫林县的油菜花开了，游客络绎不绝。当地\n村民借势发展乡村旅游。\n"
    (story,) = stories_of(raw)
    assert story.headline == "春到枫林" and story.dateline is None
    assert story.body.startswith("枫林县的油菜花开了")


def test_page_header_is_not_a_story():
    raw = "责任编辑：王芳\n\n本报讯（记者 张三）近日，青山区召开会议。\n"
    blocks = read_blocks(clean_page(raw))
    assert blocks[0].kind == NOISE
    (story,) = stories_of(raw)
    assert story.reporters == ("张三",)


def test_other_papers_datelines():
    for text, reporters in [
        ("本报讯（记者 张三 李四 通讯员 王五）近日", ("张三", "李四")),
        ("新华社长沙3月20日电（记者 赵六）", ("赵六",)),
        ("湘江晚报讯（记者/钱七）", ("钱七",)),
        ("湖南日报·新湖南客户端3月20日讯（记者 赵六）", ("赵六",)),
        ("湘州日报全媒体记者 张三 通讯员 李四 近日，青山区召开会议。", ("张三",)),
    ]:
        assert parse_dateline(text).reporters == reporters
    assert parse_dateline("本报讯 近日，我市").text == "本报讯"


def test_inline_credits_without_brackets():
    raw = ("湘州日报全媒体记者 张三 通讯员 李四 近日，青山区召开\n安全生产工作会议。\n\n"
           "青山区部署安全生产\n")
    (story,) = stories_of(raw)
    assert story.dateline == "湘州日报全媒体记者 张三 通讯员 李四"
    assert story.correspondents == ("李四",)
    assert story.body == "近日，青山区召开安全生产工作会议。"
    assert story.headline == "青山区部署安全生产"


def test_story_ids_are_unique_and_ordered():
    stories = stories_of(AFTER_AND_BEFORE, "2023-03-15-p1.txt")
    assert [s.story_id for s in stories] == ["2023-03-15-p1-s1", "2023-03-15-p1-s2"]


page_text = st.lists(
    st.one_of(
        st.text(alphabet="湘州日报讯记者通讯员（）/ 市委书记召开会议。，、“”#\n0123456789月日", max_size=60),
        st.sampled_from(["", "湘州日报·掌上湘州讯（记者/周立新）", "## 2 小标题", "记者/黄磊 摄",
                         "扫二维码观看视频", "责任编辑：王芳"]),
    ),
    max_size=25,
).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(page_text)
def test_never_crashes_and_every_body_char_in_one_story(raw):
    page = Page(doc="p.txt", path="p.txt", raw=raw)
    stories, furniture = split_page(page)
    used = Counter(o for s in stories for o in s.offsets if o >= 0)
    assert all(n == 1 for n in used.values()), "a raw character is in two stories"
    noise = {o for b in furniture for o in b.text.offsets}
    expected = {o for line in clean_page(raw) for ch, o in zip(line.text.text, line.text.offsets)
                if not ch.isspace()} - noise
    assert expected <= set(used), "a character of the page is in no story"
    for s in stories:
        assert len(s.offsets) == len(s.text)
        assert 0 <= s.body_start <= s.body_end <= len(s.text)


def test_page_header_block_and_photo_news():
    from conftest import ROOT

    raw = (ROOT / "tests" / "fixtures" / "page-with-header.txt").read_text(encoding="utf-8")
    s1, s2 = stories_of(raw)
    assert s1.headline == "高新区签约12亿元科技项目" and s1.subheadlines == ()
    assert s1.reporters == ("王磊",) and s1.correspondents == ("李娜",)
    assert s1.photographers == ("黄磊",) and "邻里" in s1.captions[0]
    assert "星期一" not in s1.text and "要闻" not in s1.text
    assert s2.headline is None and s2.body.startswith("近日，湘州职业技术学院")


def test_headline_group_before_body_kicker_headline_subtitle():
    raw = (
        "枫林县多措并举稳就业——\n\n"
        "家门口的工厂\n留住了年轻人\n\n"
        "——枫林县返乡创业见闻\n\n"
        "本报讯（记者 唐晓岚 通讯员 贺一鸣）春节刚过，枫林县工业园里\n"
        "的服装厂就开足了马力。厂长周建平说，今年订单比去年多了三成\n"
        "，园区内二十多家企业共吸纳本地劳动力三千余人。\n"
    )
    (story,) = stories_of(raw)
    assert story.headline == "家门口的工厂留住了年轻人"
    assert story.subheadlines == ("枫林县多措并举稳就业——", "——枫林县返乡创业见闻")
    assert story.reporters == ("唐晓岚",) and story.correspondents == ("贺一鸣",)
    assert story.body.startswith("春节刚过")


NO_CREDITS = """\
青湾湿地迎来候鸟

入冬以来，青湾湿地公园陆续迎来白鹭、苍鹭等候鸟三千余只。公园管理处在
湖心岛增设了观鸟点，并提醒游客文明观鸟，不要投喂。

老街夜市重新开张

经过三个月的改造，柳溪老街夜市本周末重新开张。夜市新设摊位一百二十个，
以本地小吃和手工艺品为主，营业时间延长至晚上十一点。

公交新线路开通

本月起，湘州公交开通三条新线路，连接高铁站与城东新区，首末班时间与高铁
到发时间衔接，市民出行更加便利。
"""


def test_page_without_credit_lines():
    stories = stories_of(NO_CREDITS)
    assert [s.headline for s in stories] == ["青湾湿地迎来候鸟", "老街夜市重新开张", "公交新线路开通"]
    assert all(s.dateline is None and s.reporters == () for s in stories)
    assert stories[1].body.startswith("经过三个月的改造") and stories[1].body.endswith("十一点。")


def test_credit_at_the_end_of_the_story():
    raw = (
        "石门镇举办柑橘采摘节\n\n"
        "11月8日，石门镇第三届柑橘采摘节开幕，吸引周边游客五千余人次。当地果农\n"
        "现场销售柑橘二十余万斤，销售额突破百万元。(湘州日报社融媒体记者 章小林)\n"
    )
    (story,) = stories_of(raw)
    assert story.headline == "石门镇举办柑橘采摘节"
    assert story.reporters == ("章小林",)


def test_wire_datelines():
    raw = (
        "多国举办迎春活动\n\n"
        "新华社北京2月3日电（记者王晓川、李青）连日来，多国民众以各种形式\n"
        "迎接新春佳节，舞龙舞狮、写春联等活动受到欢迎。\n\n"
        "湘江航道完成年度疏浚\n\n"
        "据新华社长沙2月3日电 湘江长沙至湘州段航道年度疏浚工程近日完工，\n"
        "千吨级船舶可全年通航。\n"
    )
    s1, s2 = stories_of(raw)
    assert s1.dateline == "新华社北京2月3日电（记者王晓川、李青）"
    assert s1.reporters == ("王晓川", "李青")
    assert s2.dateline == "据新华社长沙2月3日电" and s2.reporters == ()
    assert s2.headline == "湘江航道完成年度疏浚"


def test_wire_dateline_crediting_names_without_a_role_word():
    raw = (
        "跨海联网工程投运\n\n"
        "本报海口2月10日电（林小河、宋小官）我国第二条跨海联网工程昨日投运，\n"
        "两岸电网的输送能力翻了一番。\n"
    )
    (story,) = stories_of(raw)
    assert story.dateline == "本报海口2月10日电（林小河、宋小官）"
    assert story.reporters == ("林小河", "宋小官")
    assert parse_dateline("国家电网（集团）公司昨日宣布") is None


def test_single_story_with_crossheads_and_padded_byline():
    raw = (
        "一条老街的新生\n\n"
        "本报记者 陈 然\n"
        "柳溪老街始建于清代，青石板路两旁是连片的木结构老屋。前些年，\n"
        "年轻人陆续搬走，老街一度冷清。\n\n"
        "修旧如旧留住乡愁\n\n"
        "去年春天，柳溪镇启动老街保护性修缮，请来老工匠按原样修复门窗\n"
        "和屋檐，拆除了后来加建的违章建筑。\n\n"
        "业态更新引来人气\n\n"
        "修缮后的老屋引进了茶馆、书店和非遗工坊，周末游客络绎不绝。镇里\n"
        "还组织居民成立合作社，统一管理民宿。\n\n"
        "居民共享发展红利\n\n"
        "如今，老街居民人均年收入比三年前增加了近一万元。老街坊周大伯说，\n"
        "日子越过越有奔头。\n"
    )
    (story,) = stories_of(raw)
    assert story.headline == "一条老街的新生"
    assert story.reporters == ("陈然",)
    assert story.body.endswith("日子越过越有奔头。")
    assert "业态更新引来人气" in story.body


def test_banner_line_is_no_headline():
    raw = (
        "奋力建设现代化新湘州\n\n\n"
        "湘州召开优化营商环境大会\n\n"
        "本报讯（记者 黎文涛）3月2日，湘州市召开优化营商环境大会，部署\n"
        "今年重点工作。会议提出，全年新增市场主体两万户以上。\n"
    )
    stories = stories_of(raw)
    assert [s.headline for s in stories] == ["湘州召开优化营商环境大会"]
    assert "奋力建设现代化新湘州" not in stories[0].text
    assert stories[0].reporters == ("黎文涛",)


# A column break right before a closing quote, and an author line closing a commentary:
# neither may open a story or become a headline.
COLUMN_BREAK_AND_AUTHOR_LINE = """\
让老街留住烟火气

本报讯（记者 罗青禾）近日，枫林县老城区改造
完工。居民们说：“老街还是那条老街，烟火气

”
改造保留了青石板路和十二家老字号，新增停车
位三百余个，沿街商户营业额同比增长两成。

为小店经济添把柴

本报讯（记者 宁晓舟）小店是城市的毛细血管。扶
持小店，要在租金、融资和办证上多下功夫，让它
们开得下去、开得长久。

（作者为湘州市社会科学院研究员）
"""


def test_column_break_and_author_line_stay_in_their_story():
    s1, s2 = stories_of(COLUMN_BREAK_AND_AUTHOR_LINE)
    assert s1.headline == "让老街留住烟火气"
    assert "改造保留了青石板路" in s1.body
    assert s2.headline == "为小店经济添把柴"
    assert "作者为湘州市社会科学院研究员" in s2.text
    assert all("作者为" not in h for h in s2.subheadlines)


# A compilation: one series headline after the body, three titled sub-reports, each with a
# byline glued to its title (no blank line), then a brief with its own headline.
COMPILATION = """\
枫林县：山里通了冷链车
本报记者 向晓云
凌晨四点，枫林县石坝村的冷链车已经装满了刚采下的杨梅。以前杨梅
熟了卖不出去，烂在树上；如今冷链车直通省城，一斤能多卖三块钱。
村支书邹家明说，全村今年杨梅收入有望突破两百万元。

柳溪镇：老粮站变成了书屋
本报记者 韦一鸣
柳溪镇的老粮站空置多年，去年改造成乡村书屋，藏书一万多册。每到
周末，附近几个村的孩子都来这里看书、写作业，书屋还请来退休教师
义务辅导。

石门村：夜校教会了直播
本报记者 卢清泉
石门村的夜校每周开课两次，村民在这里学拍视频、学做直播。五十多
岁的村民谭秋菊如今每晚直播卖腊肉，一个月能卖出三百多斤。

乡村新变化

湘州新增两条公交线路

本报讯（记者 龙小溪）本月起，湘州公交开通两条新线路，连接高铁
站与城东新区，首末班时间与高铁到发时间衔接。
"""


def test_compilation_of_titled_sub_reports_is_one_story():
    s1, s2 = stories_of(COMPILATION)
    assert s1.headline == "乡村新变化"
    assert s1.body.startswith("枫林县") and s1.body.endswith("三百多斤。")
    assert "本报记者 卢清泉" in s1.text and "柳溪镇：老粮站变成了书屋" in s1.text
    assert s2.headline == "湘州新增两条公交线路" and s2.reporters == ("龙小溪",)


# A kicker ending in a dash stands above the headline; a subtitle opens with a dash.
KICKER_DASH = """\
青湾区退休教师邓和平——

三十年守护一片湿地

——记湘州市“最美志愿者”邓和平

本报讯（记者 石晓燕）清晨六点，邓和平已经沿着青湾湿地的栈道走了
一圈。退休三十年来，他每天巡护湿地，记下候鸟的种类和数量。
"""


def test_kicker_ending_in_a_dash_and_subtitle_opening_with_one():
    (story,) = stories_of(KICKER_DASH)
    assert story.headline == "三十年守护一片湿地"
    assert story.subheadlines == ("青湾区退休教师邓和平——", "——记湘州市“最美志愿者”邓和平")
    assert story.reporters == ("石晓燕",)


def test_indented_first_line_is_kept_as_evidence():
    lines = clean_page("标题一行\n\n 临泉县今年新建村级卫生室十二所。\n第二行正文。\n")
    blocks = read_blocks(lines)
    assert [line.indent for line in lines] == [False, False, True, False]
    assert [b.indent for b in blocks] == [False, True]
    assert blocks[1].text.text.startswith("临泉县")


# A PDF page of a city daily: every headline stands after its body, every body opens with
# a full local dateline after a blank line, columns broken by blank lines; the second
# headline repeats the words of its story's lead. A full opening dateline starts a story:
# the second and third bodies are not merged under the third headline.
PDF_HEADLINES_AFTER = """\
岚州日报·掌上岚州讯（记者/殷小
禾 通讯员/詹立） 3月 14
日，市委书记秦卫国率队到石坪县调
研春耕备耕工作。市领导蓝志诚、房
雅琴参加调研。在河口镇杏林村，秦

卫国走进育秧棚、育秧工厂，与村党
总支书记吴春生交流，详细了解村
集体经济发展和农资供应情况。
在石坪县农机合作社，他察看农机
检修，询问机手培训和作业情况。调研

期间，秦卫国在石坪县主持召开春耕
生产工作座谈会，听取石坪县委书记
黎国庆、县长庞秀云的工作汇报。他
强调，要坚持把粮食生产作为春耕生
产的头等大事，因地制宜推广良种良

法，让种粮农民有更多获得感。县领
导柯明远、甘秋萍陪同调研。

秦卫国在石坪县调研时强调
把春耕备耕各项任务落到实处

岚州日报·掌上岚州讯（记者/蒙一
舟） 3月 14日下午，全市优
化项目建设工作推进会召开。市委副
书记、市长韦思齐出席并讲话，市委
常委、常务副市长幸海燕主持会议。

市领导符建军、车晓梅、莫振华、覃
立新、利春花、温国平、洪小燕、雷
志远、谭海波、欧文静、包国强、饶
晓青、景学军、翟小雨、龚明亮等出
席会议。会议传达了全省优化项目建

设大会精神。会上，岚州恒达材料有
限公司董事长兼总经理尹国强、市人
大代表阮丽萍作交流发言。韦思齐指
出，项目建设就是生产力。各级各部
门要对标先进，聚焦企业办事的堵点

难点，推动审批事项“一站办结”。
他要求，要把优化项目建设纳入年度
绩效考核，对破坏项目建设的行为严
肃问责。

全市优化项目建设工作推进会召开

岚州日报·掌上岚州讯（记者/殷小
禾） 3月 14日上午，市政府
新闻办召开“文明岚州”建设系列新
闻发布会第二场。市住房和城乡建设
局党组书记、局长骆静波，市城管局

副局长祁红霞，东湖区委常委、副区
长魏晓介绍相关情况并答记者问。骆
静波介绍，今年以来，全市新建改
造农贸市场 26个，惠及居民 
4. 5万户。祁红霞表示，市城管

局将持续开展农贸市场环境整治，年
底前完成 30个农贸市场提质改造
。

“文明岚州”建设第二场新闻发布会举行
"""


def test_pdf_headlines_after_body_each_story_opening_with_a_full_dateline():
    stories = stories_of(PDF_HEADLINES_AFTER)
    assert [s.headline for s in stories] == [
        "秦卫国在石坪县调研时强调把春耕备耕各项任务落到实处",
        "全市优化项目建设工作推进会召开", "“文明岚州”建设第二场新闻发布会举行"]
    assert [s.reporters for s in stories] == [("殷小禾",), ("蒙一舟",), ("殷小禾",)]
    assert stories[1].text.endswith("肃问责。") and "骆静波" in stories[2].text


# A long page of one invented brief repeated: memory and decoding of a huge page.
_BRIEF = """新城区社区食堂开张

 湘州日报·掌上湘州讯（记者/方晓东） 近日，新城区第{k}家社区食堂开门迎客，
附近老人每天可以吃上热乎饭菜，一荤两素只要十元。
社区负责人介绍，食堂由街道提供场地，餐饮企业运营。

今年以来，全区已经建成社区食堂{k}家，惠及居民两万余人。

"""


def _brief_blocks(n):
    return read_blocks(clean_page("".join(_BRIEF.format(k=k) for k in range(n))))


def test_streamed_decoding_equals_whole_page_decoding():
    from pipeline.segment.features import PageEvidence
    from pipeline.segment.page import role_model
    from pipeline.segment.roles import CHUNK, LABELS, apply_mask, viterbi

    model = role_model()
    evidence = PageEvidence(_brief_blocks(CHUNK))      # three blocks a brief: three chunks
    assert len(evidence.blocks) > 2 * CHUNK
    unary, pair = model.scores(evidence)
    whole = [LABELS[k] for k in viterbi(apply_mask(unary, evidence.barred_roles()), pair)]
    assert model.roles(evidence) == whole
    assert whole.count("HB") + whole.count("HA") == CHUNK


def test_evidence_keeps_only_a_window_of_blocks():
    from pipeline.segment.features import PageEvidence
    from pipeline.segment.page import role_model

    evidence = PageEvidence(_brief_blocks(400))
    held = []
    features = evidence.block_features

    def spy(i):
        held.append(len(evidence._grams) + len(evidence._before))
        return features(i)

    evidence.block_features = spy
    role_model().roles(evidence)
    assert len(held) == len(evidence.blocks) == 1200
    assert max(held) <= 8 * (2 * 12 + 2)           # two windows of a few dozen blocks


def test_segmentation_memory_does_not_grow_with_features_per_block():
    """Peak memory of evidence and decoding grows by well under 1 KB per extra block (the
    page's text and back-pointers); holding every block's features took about 17 KB."""
    import tracemalloc
    from pipeline.segment.features import PageEvidence
    from pipeline.segment.page import role_model

    model = role_model()

    def peak(n):
        blocks = _brief_blocks(n)
        tracemalloc.start()
        model.roles(PageEvidence(blocks))
        top = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return len(blocks), top

    (n1, p1), (n2, p2) = peak(300), peak(1200)
    assert (p2 - p1) / (n2 - n1) < 1000


def test_pages_with_local_datelines_are_read_by_the_city_model(monkeypatch):
    from pipeline.segment import page as page_module
    from pipeline.segment.features import PageEvidence

    local = read_blocks(clean_page(PDF_HEADLINES_AFTER))
    wire = read_blocks(clean_page(
        "多国举办迎春活动\n\n新华社北京2月3日电（记者王晓川）连日来，多国民众以各种形式\n"
        "迎接新春佳节，舞龙舞狮、写春联等活动受到欢迎。\n"))
    assert PageEvidence(local).local and not PageEvidence(wire).local
    asked = []
    model = page_module.role_model

    def spy(is_local=False):
        asked.append(is_local)
        return model(is_local)

    monkeypatch.setattr(page_module, "role_model", spy)
    stories_of(PDF_HEADLINES_AFTER)
    stories_of("多国举办迎春活动\n\n新华社北京2月3日电（记者王晓川）连日来，多国民众以各种形式\n"
               "迎接新春佳节。\n")
    assert asked == [True, False]
    assert model(True) is not model(False)


# A city PDF page, headlines after their bodies: a story opening with a highlights box
# (its credit after the box), a photographer's line closing it.
OPENING_BOX_AND_PHOTO_CREDIT = """\
核心阅读

枫林县推行“积分超市”，村民参与
环境整治、志愿服务可攒积分换物品。

本报讯（记者 罗青禾 通讯员 马一鸣）
走进枫林县石塘村的积分超市，货架上
摆满了洗衣粉、食用油和学习用品。村
民许大姐拿着积分卡说：“打扫房前屋
后也能攒积分，大家的劲头更足了。”

如今，全县已建成积分超市八十六家，
参与村民超过两万户。

詹小禾摄（湘州视觉）

枫林县推广乡村治理“积分制”

小积分攒出文明新风

本报讯（记者 阮晓青）日前，柳溪镇文化
广场建成投用，广场设有健身步道、儿童
游乐区和露天舞台，可容纳千余人活动。

柳溪镇文化广场建成投用
"""


def test_opening_box_keeps_its_story_and_a_photo_credit_is_no_headline():
    s1, s2 = stories_of(OPENING_BOX_AND_PHOTO_CREDIT)
    assert {s1.headline, *s1.subheadlines} >= {"枫林县推广乡村治理“积分制”", "小积分攒出文明新风"}
    assert s1.body.startswith("核心阅读") and "走进枫林县石塘村" in s1.body
    assert s1.reporters == ("罗青禾",) and s1.correspondents == ("马一鸣",)
    assert "詹小禾摄（湘州视觉）" in s1.text and "詹小禾摄（湘州视觉）" != s1.headline
    assert s2.headline == "柳溪镇文化广场建成投用" and s2.reporters == ("阮晓青",)


def test_credit_below_an_opening_box_stays_where_it_stands():
    s1, s2 = stories_of(OPENING_BOX_AND_PHOTO_CREDIT)
    # The page's order: the box, then the credit and the report (the credit is not moved
    # above the box); a credit opening its body still heads the text.
    assert s1.dateline == "本报讯（记者 罗青禾 通讯员 马一鸣）"
    box, credit = s1.text.index("核心阅读"), s1.text.index(s1.dateline)
    assert box < credit < s1.text.index("走进枫林县石塘村")
    assert s1.body.index("积分换物品") < s1.body.index(s1.dateline)
    assert s2.text.index(s2.dateline) < s2.body_start
    assert not s2.body.startswith("本报讯")



# A city PDF page, headlines after their bodies: the second story is credited by a city
# paper's byline line (``X日报全媒体记者 Y``), its headline shares no word with its lead.
PAPER_BYLINE_OPENS_STORY = """\
湘州日报·掌上湘州讯（记者/周立新）3月
14日，湘州市召开优化营商环境工作推进
会，部署全年重点任务。会议要求，各部
门要进一步压减审批时限，提升服务质量。

市政务服务中心负责人介绍，今年将新增
“一件事一次办”事项四十项，企业开办
时间压缩至一个工作日以内。

营商环境再优化

湘州日报全媒体记者 何晓东
近日，河西区春季植树活动在滨江公园
启动，机关干部和志愿者种下香樟、桂花
等树苗三千余株。

河西区今年计划新增绿地面积二十万平方
米，建成口袋公园十二个。

种下春天的希望
"""


def test_a_city_papers_byline_opens_a_story():
    s1, s2 = stories_of(PAPER_BYLINE_OPENS_STORY)
    assert s1.headline == "营商环境再优化" and s1.reporters == ("周立新",)
    assert s2.headline == "种下春天的希望" and s2.reporters == ("何晓东",)
    assert s2.dateline == "湘州日报全媒体记者 何晓东" and "植树活动" in s2.body


# A city PDF page, headlines before their bodies: a bracketed credit closing the first
# story on a line of its own (``（X）``) is no headline, so the headline above stays the
# first story's.
BRACKETED_CLOSING_CREDIT = """\
湘州市新增绿地二十万平方米

本报讯（记者 周立新）记者从湘州市园林局
获悉，去年全市新增绿地面积二十万平方米，
建成口袋公园十二个，市民出门五百米即可
见绿。

园林部门介绍，今年将继续推进城市绿道建
设，新建绿道三十公里。

（罗青禾）

枫林县举办农民丰收节

湘州日报·掌上湘州讯（记者/阮晓青）日前，
枫林县第三届农民丰收节在石塘村开幕，来自
全县的两百余家合作社带来特色农产品。
"""


def test_a_bracketed_closing_line_is_no_headline():
    s1, s2 = stories_of(BRACKETED_CLOSING_CREDIT)
    assert s1.headline == "湘州市新增绿地二十万平方米" and s1.reporters == ("周立新",)
    assert "（罗青禾）" in s1.body
    assert s2.headline == "枫林县举办农民丰收节" and s2.reporters == ("阮晓青",)

# Credit forms of local papers on one page: a news site's compiled report with text and
# pictures by one reporter, ``本报讯 记者X报道:``, and a credit closing the last story.
CITY_CREDIT_FORMS = """\
潇湘网时刻7月1日综合(岚州日报记者 秦小川 文/图)6月30日，岚州市石坪
县首届荷花节开幕，万亩荷塘吸引游客纷至沓来。

石坪县首届荷花节开幕

本报讯 记者宁晓燕报道:7月1日起，岚州城区新开通三条夜间公交线路，
末班车延长至晚上十一点半。

城区夜间公交线路开通

岚州老街完成提质改造

老街修缮历时八个月，保留了青石板路和二十余栋老宅，新增停车位
三百个，预计本月底向游客开放。(岚州日报社融媒体记者 蒲一帆)
"""


def test_local_credit_forms_compiled_report_reported_and_closing():
    s1, s2, s3 = stories_of(CITY_CREDIT_FORMS)
    assert [s.headline for s in (s1, s2, s3)] == [
        "石坪县首届荷花节开幕", "城区夜间公交线路开通", "岚州老街完成提质改造"]
    assert s1.dateline == "潇湘网时刻7月1日综合(岚州日报记者 秦小川 文/图)"
    assert s1.reporters == ("秦小川",) and s1.body.startswith("6月30日")
    assert s2.dateline == "本报讯 记者宁晓燕报道:" and s2.reporters == ("宁晓燕",)
    assert s3.reporters == ("蒲一帆",) and s3.body.startswith("老街修缮")


def test_compiled_report_datelines_and_bare_photo_credits():
    line = parse_dateline("青湾网晨报7月2日综合（青湾日报社融媒体记者 莫小川 文/图）昨日，")
    assert line.reporters == ("莫小川",) and line.text.endswith("文/图）")
    assert caption_photographers("图为游客在荷塘边赏花。龙 青摄（湘州视觉）") == ["龙青"]
    assert caption_photographers("游客在荷塘边赏花。 宁小川 摄") == ["宁小川"]
    assert caption_photographers("游客在湖边拍摄") == []


# Lines that credit sources, contributors or contacts close a story: never a headline.
CREDIT_ONLY_LINES = """\
湘州今年新增城市绿道一百二十公里

本报讯（记者 符晓岚）记者从湘州市园林局获悉，今年全市
新建城市绿道一百二十公里，串联起公园、湿地和老街区，市
民步行十分钟即可进入绿道网络。

园林局负责人介绍，明年还将在城东新区建设三条环湖绿道。

数据来源：湘州市园林局

（实习生韦小苗参与采写）

投稿邮箱：xzrb_lvdao@example.cn

岚河大桥主体合龙

本报讯（记者 阮晓青）12月1日，岚河大桥主体工程顺利合龙，
大桥全长一千六百米，预计明年五月建成通车。
"""


def test_source_contributor_and_contact_lines_are_no_headlines():
    s1, s2 = stories_of(CREDIT_ONLY_LINES)
    assert s1.headline == "湘州今年新增城市绿道一百二十公里" and s1.subheadlines == ()
    assert s1.body.endswith("投稿邮箱：xzrb_lvdao@example.cn") and "参与采写" in s1.body
    assert s2.headline == "岚河大桥主体合龙" and s2.reporters == ("阮晓青",)


def test_credit_wrapped_at_the_space_between_two_names():
    # A PDF line ends at the space between two reporters: they stay two names. A wrap
    # inside a name (no space) and a spaced wrap in the lead change nothing.
    page = ("柳溪日报·掌上柳溪讯（记者/唐晓静 \n"
            "何志 通讯员/罗一鸣）柳溪县今年新\n"
            "建口袋公园三座，市民休闲有了好 \n"
            "去处。据介绍，三座公园总面积达\n"
            "到两百亩，年底前全部开放。\n"
            "\n"
            "本报讯（记者 宁小\n"
            "川）柳溪县城区夜间公交线路昨日开通，首批三条线路运营至\n"
            "晚上十一时。\n")
    first, second = stories_of(page)
    assert first.reporters == ("唐晓静", "何志") and first.correspondents == ("罗一鸣",)
    assert "有了好去处" in first.body
    assert second.reporters == ("宁小川",)
    # An extractor that pads every line with a space gives no evidence of a boundary: a
    # name wrapped inside stays one name.
    padded = "".join(line + " \n" if line else "\n" for line in page.split("\n")[:-1])
    assert stories_of(padded)[1].reporters == ("宁小川",)


def test_credit_wrapped_before_a_space_that_opens_the_next_line():
    # A city-paper byline and a bracketed credit wrapped at the space between two names,
    # the space left at the start of the next line: two names, and the credit's text stays
    # whole (the byline's last name is not cut, nor its rest glued to the lead).
    page = ("青禾县老旧小区焕新颜\n"
            "\n"
            "青禾日报全媒体记者 龙晓峰\n"
            " 阮青 通讯员 韦小苗\n"
            "\n"
            "青禾县城东片区今年改造老旧\n"
            "小区十二个，惠及居民四千户。\n"
            "\n"
            "岚河镇新建文化广场\n"
            "\n"
            "青禾日报·掌上青禾讯（记者/詹晓琳\n"
            " 罗一）岚河镇文化广场昨日建成，\n"
            "可容纳三千人开展文体活动。\n")
    first, second = stories_of(page)
    assert first.reporters == ("龙晓峰", "阮青") and first.correspondents == ("韦小苗",)
    assert first.body.startswith("青禾县城东片区")
    assert second.headline == "岚河镇新建文化广场"
    assert second.reporters == ("詹晓琳", "罗一")
    # The space left at the full line's end instead: the same credit, none of it in the lead.
    trailing = stories_of(page.replace("龙晓峰\n 阮青", "龙晓峰 \n阮青"))[0]
    assert trailing.correspondents == ("韦小苗",) and trailing.body.startswith("青禾县城东")
    # Where the extractor indents most lines, a line's leading space says nothing.
    indented = "".join(" " + line + "\n" if line else "\n" for line in page.split("\n")[:-1])
    assert stories_of(indented)[1].reporters == ("詹晓琳罗一",)


def test_page_credit_lines_are_no_headline():
    from pipeline.segment.features import PageEvidence

    raw = ("柳溪镇举办迎春灯会\n\n本报讯（记者 阮晓青）正月初五，柳溪镇迎春灯会在滨河公园开幕，\n"
           "两百余组花灯吸引市民游客观赏。\n\n本版制图：詹小禾\n\n本期统筹：罗青禾\n\n"
           "枫林县农家书屋添新书\n\n本报讯（记者 周立新）日前，枫林县为全县农家书屋配送新书两万册。\n")
    evidence = PageEvidence(read_blocks(clean_page(raw)))
    barred = {evidence.texts[i]: set(evidence.barred(i)) for i in range(len(evidence.blocks))}
    for line in ("本版制图：詹小禾", "本期统筹：罗青禾"):
        assert {"KB", "HB", "SB", "KA", "HA", "SA"} <= barred[line]
    assert not {"HB", "HA"} & barred["枫林县农家书屋添新书"]



# A subtitle standing between its headline and the local credit that opens the story.
SUBTITLE_BEFORE_CREDIT = """\
湘州市召开优化营商环境推进会

湘州日报·掌上湘州讯（记者/周立新）3月14日，
湘州市召开优化营商环境工作推进会，部署全年
重点任务。会议要求，各部门要进一步压减审批
时限，提升服务质量。

春运返程客流迎来高峰

全市交通运行平稳有序，客运站日均发送旅客超两万人次

湘州日报·掌上湘州讯（记者/何晓东 通讯员/罗
青禾）2月10日，湘州汽车客运站迎来返程客流
高峰，车站增开班次两百余个。

多地开展文明交通志愿服务，河西区火车站广场
秩序井然，志愿者为旅客指路、搬运行李。
"""


def test_a_subtitle_before_an_opening_credit_is_no_body():
    from pipeline.segment.features import PageEvidence

    evidence = PageEvidence(read_blocks(clean_page(SUBTITLE_BEFORE_CREDIT)))
    index = {evidence.texts[i][:6]: i for i in range(len(evidence.blocks))}
    assert {"B1h", "Bh", "B1n", "Bn"} <= set(evidence.barred(index["全市交通运行"]))
    # A body line ending a sentence before a credit is left to the model.
    assert "Bn" not in evidence.barred(index["多地开展文明"])
    stories = stories_of(SUBTITLE_BEFORE_CREDIT)
    assert [s.headline for s in stories] == ["湘州市召开优化营商环境推进会", "春运返程客流迎来高峰"]
    assert stories[1].subheadlines[0].startswith("全市交通运行平稳有序")
    assert stories[1].reporters == ("何晓东",) and stories[1].correspondents == ("罗青禾",)


def test_a_reporters_column_label_is_no_byline():
    from pipeline.segment.datelines import parse_byline

    assert parse_byline(["记者手记"], 20) is None and parse_byline(["记者点评"], 20) is None
    assert parse_byline(["记者 罗青禾"], 20)[1].reporters == ("罗青禾",)
    raw = ("石塘村的积分超市\n\n走进枫林县石塘村的积分超市，货架上摆满了洗衣粉、食用油和学习用品。\n\n"
           "记者手记\n\n小小积分卡，攒出了文明新风，也攒出了村民参与治理的热情。\n")
    (story,) = stories_of(raw)
    assert story.headline == "石塘村的积分超市" and story.reporters == ()
    assert "记者手记" in story.text


# A city daily's story broken by a column break mid-sentence: the block below the break
# continues it (a full last line stopping on a Han character), however it reads.
COLUMN_BREAK_MID_SENTENCE = """\
青禾镇老街改造完工

青湾日报·掌上青湾讯（记者/唐立秋）经过半年施
工，青禾镇老街改造工程日前完工。改造后的老街
保留了青石板路和骑楼，沿街商铺重新开张，吸引
了不少周边县市的游客前来游览，镇里还开设了非

遗展示馆和手工作坊。

镇文化站站长罗海平说，下一步将举办老街文化节。

河西区新增三处口袋公园

青湾日报全媒体记者 何晓东
河西区今年新建的三处口袋公园近日对市民开放，
公园里设置了健身步道和儿童游乐设施。
"""


def test_a_block_below_a_mid_sentence_column_break_continues_the_story():
    from pipeline.segment.features import PageEvidence

    evidence = PageEvidence(read_blocks(clean_page(COLUMN_BREAK_MID_SENTENCE)))
    index = {evidence.texts[i][:4]: i for i in range(len(evidence.blocks))}
    assert {"B1n", "B1h", "HB", "HA"} <= set(evidence.barred(index["遗展示馆"]))
    # A body block after one ending its sentence is left to the model.
    assert "B1n" not in evidence.barred(index["镇文化站"])
    stories = stories_of(COLUMN_BREAK_MID_SENTENCE)
    assert [s.headline for s in stories] == ["青禾镇老街改造完工", "河西区新增三处口袋公园"]
    assert "非遗展示馆" in stories[0].text.replace("\n", "")
    assert stories[1].reporters == ("何晓东",)
