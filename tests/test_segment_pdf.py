"""PDF-layout pages: the column a body is set in, as evidence of story boundaries."""
from pipeline.clean import clean_page
from pipeline.segment import segment_page
from pipeline.segment.blocks import BODY, HEADLINE, Block, line_width, read_blocks, \
    split_crossheads
from pipeline.segment.features import PageEvidence, _column, _columns_around
from pipeline.types import Page


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


# An invented page: a credited report with a crosshead, set in a column of 15 characters,
# then an uncredited report set in 19 with its headline below it, then a credited brief.
WATER = ("本报青禾3月8日电（记者林书远）青禾县河畔新村日前通上了自来水，全村三百多户村民告别了"
         "挑水吃的日子。村委会主任郑大山说，过去村里靠几口老井取水，一到旱季就得排队，"
         "遇上连续晴天，井水见了底，村民只能到两公里外的河湾去挑水，老人和孩子最受累。")
WATER_2 = ("为了让村民喝上放心水，县水务公司在村口建起了一座小型净水站，从上游水库引水，"
           "经过沉淀、过滤和消毒三道工序后送进各家各户。净水站每天取样检测水质，"
           "检测结果在村务公开栏张贴，村民随时可以查看。")
WATER_3 = ("村民周阿婆说，水清了，烧开也没有水垢，家里的水壶再也不用隔三差五地刷了。"
           "村里还组织了一支由党员和村民代表组成的护水队，定期巡查管道和阀门，"
           "发现漏水及时报修，保证水龙头一年四季都有水。")
MARKET = ("停办两年的老街夜市本周重新开张，八十多个摊位沿着青石板路一字排开，小吃、手工艺品和"
          "本地土特产吸引了不少市民前来逛吃。经营糖画摊的老艺人孙德旺说，开张头一晚就卖出了"
          "两百多个糖画，不少孩子排着队等。")
MARKET_2 = ("夜市管理方介绍，今年摊位统一配备了垃圾桶和灭火器，收摊后有专人清扫，"
            "夜市每晚六点开市，十点收摊，周末延长一个小时。附近的停车场晚间免费开放，"
            "公交公司也加开了两趟夜班车。")
BRIDGE = ("本报青禾3月8日电（记者苏晓禾）连接南岸新区和老城区的清溪大桥8日正式通车，"
          "两岸市民过河的时间由原来的半小时缩短到五分钟。大桥全长一千二百米，"
          "双向四车道，两侧设有人行道和非机动车道。")
PAGE = "\n".join([
    "河畔新村通上自来水", "", *_wrap(WATER, 15), "", *_wrap(WATER_2, 15), "",
    "净水站里天天测水质", "", *_wrap(WATER_3, 15), "", "", *_wrap(MARKET, 19), "",
    *_wrap(MARKET_2, 19), "", "老街夜市重新开张", "", "", "清溪大桥正式通车", "",
    *_wrap(BRIDGE, 17), ""])


def _blocks(raw: str) -> list[Block]:
    blocks = read_blocks(clean_page(raw))
    split_crossheads(blocks, line_width(blocks))
    return blocks


def test_column_is_the_commonest_line_length():
    body = Block([], kind=BODY, widths=(15, 17, 15, 15, 4))      # digits lengthen a line
    assert _column(body) == 15
    assert _column(Block([], kind=BODY, widths=(15, 6))) is None  # two lines tell no column
    assert _column(Block([], kind=HEADLINE, widths=(9, 9, 9))) is None


def test_columns_around_reach_the_nearest_body_each_way():
    blocks = [Block([], kind=BODY, widths=(15, 15, 15, 3)), Block([], kind=HEADLINE, widths=(9,)),
              Block([], kind=BODY, widths=(19, 19, 19, 2))]
    before, after = _columns_around(blocks)
    assert before == [15, 15, 19] and after == [15, 19, 19]


def test_crosshead_in_one_column_and_headline_between_two():
    blocks = _blocks(PAGE)
    evidence = PageEvidence(blocks)
    texts = evidence.texts
    cross = texts.index("净水站里天天测水质")
    assert "col_run=same" in evidence.block_features(cross)
    market = next(i for i, t in enumerate(texts) if t.startswith("停办两年"))
    assert "col=differ" in evidence.pair_features(market)
    assert "col_change" in evidence.block_features(market)
    inside = next(i for i, t in enumerate(texts) if t.startswith("夜市管理方"))
    assert not any(f.startswith("col=") for f in evidence.pair_features(inside))
    assert "col_change" not in evidence.block_features(inside)


def test_markdown_pages_get_no_column_evidence():
    raw = "# 河畔新村通上自来水\n\n" + WATER + "\n\n## 净水站里天天测水质\n\n" + WATER_3 + "\n"
    evidence = PageEvidence(_blocks(raw))
    for i in range(len(evidence.blocks)):
        assert not any(f.startswith("col") and not f.startswith("column")
                       for f in evidence.block_features(i))
        if i:
            assert not any(f.startswith("col=") for f in evidence.pair_features(i))


def test_stories_of_a_pdf_page():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=PAGE))
    assert [s.headline for s in stories] == ["河畔新村通上自来水", "老街夜市重新开张", "清溪大桥正式通车"]
    assert stories[0].subheadlines == ("净水站里天天测水质",)
    assert stories[1].dateline is None and stories[2].reporters == ("苏晓禾",)


def test_every_body_character_lands_in_one_story():
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=PAGE))
    text = "".join(s.text for s in stories)
    for paragraph in (WATER[16:], WATER_2, WATER_3, MARKET, MARKET_2, BRIDGE[16:]):
        assert text.count(paragraph[:12]) == 1, paragraph[:12]


def test_dateline_wrapped_in_a_narrow_column():
    # A wire dateline longer than the column: ``电`` opens the block's second line.
    raw = "\n".join(["清溪大桥正式通车", "", "新华社青禾3月8日", "电（记者苏晓禾）连接南岸", "新区和老城区的清溪大桥",
                     "8日正式通车。", ""])
    block = next(b for b in read_blocks(clean_page(raw)) if b.text.text.startswith("新华社"))
    assert block.kind == "dateline"
    assert block.dateline.reporters == ("苏晓禾",)
    # A body line that merely begins with a place and a date is no dateline.
    raw = "\n".join(["青禾3月8日", "晚间举行了灯会，两百多组", "花灯吸引市民观赏。", ""])
    assert read_blocks(clean_page(raw))[0].kind != "dateline"


def test_tail_of_a_credit_cut_by_a_column_break_is_no_headline():
    # ``（新华社青禾3月8日电`` / blank / ``记者苏晓禾）``: the credit's tail is body, no headline.
    body = ("青禾县河畔新村日前通上了自来水，全村三百多户村民告别了挑水吃的日子，"
            "村委会主任郑大山说，过去一到旱季就得排队取水。")
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(body, 15), "", "（新华社青禾3月8日电", "",
                     "记者苏晓禾）", "", "", "清溪大桥正式通车", "", *_wrap(WATER_2, 15), ""])
    evidence = PageEvidence(read_blocks(clean_page(raw)))
    tail = evidence.texts.index("记者苏晓禾）")
    assert {"KB", "HB", "SB", "KA", "HA", "SA", "B1h", "B1n"} <= set(evidence.barred(tail))
    stories = segment_page(Page(doc="p.txt", path="p.txt", raw=raw), clean_page(raw))
    assert "记者苏晓禾）" not in [s.headline for s in stories]
    assert any(s.text.rstrip().endswith("记者苏晓禾）") for s in stories)
    # A bracket closed on its own line without a credit is no such tail.
    raw = raw.replace("（新华社青禾3月8日电", "（青禾县河畔新村").replace("记者苏晓禾）", "村口老井）")
    evidence = PageEvidence(read_blocks(clean_page(raw)))
    assert "HA" not in evidence.barred(evidence.texts.index("村口老井）"))


def test_long_body_after_a_cut_credit_opens_a_story():
    body = ("青禾县河畔新村日前通上了自来水，全村三百多户村民告别了挑水吃的日子，"
            "村委会主任郑大山说，过去一到旱季就得排队取水。（本报青禾3月8")
    raw = "\n".join(["河畔新村通上自来水", "", *_wrap(body, 15), "", "日电 记者苏晓禾）", "",
                     *_wrap(MARKET, 19), "", "老街夜市重新开张", ""])
    evidence = PageEvidence(read_blocks(clean_page(raw)))
    after = next(i for i, t in enumerate(evidence.texts) if t.startswith(MARKET[:8]))
    assert evidence.texts[after - 1] == "日电 记者苏晓禾）"
    assert {"Bh", "Bn"} <= set(evidence.barred(after))


def test_headline_wrapped_in_four_short_lines():
    # A long headline set in a narrow column (12 characters a line or less) wraps to four
    # lines: still a headline-like block; four full body lines are none.
    raw = "\n".join(["前文到此结束。", "", "青禾县《关于河畔", "新村饮水工程建设", "的实施意见》单行", "本出版", ""])
    assert read_blocks(clean_page(raw))[1].kind == HEADLINE
    raw = "\n".join(["前文到此结束。", "", "青禾县河畔新村日前通上了自来水", "全村三百多户村民告别了挑水吃",
                     "的日子村委会主任郑大山说过去", "村里靠几口老井取水", ""])
    assert read_blocks(clean_page(raw))[1].kind != HEADLINE
