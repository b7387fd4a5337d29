"""Person names in the ``news_entity_rules`` stage (pipeline.tag.entity_rules.persons):
the model's persons with a wrong edge (a quote or a function word read in, a surname left
in the title before, the name's last character left before a verb of saying, a word read
into the name's end, the first character of a verb of greeting after a leader's name, a
leader's name cut after its first character) and the mentions of a surname-less name
the model cut short.

The model's entities are given by hand (source ``zh_char_ner``), each at a chosen
occurrence of its string, so the tests do not depend on the NER model. All sentences,
people and places are invented, in the style of a city daily.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

from pipeline.tag import char_span


# fmt: off
CASES = [
    # --- the start of the name
    ("a closing quote and a space read into the name",
     "“今年的灯会办得热闹。”\u00a0林晓松说。", [("”\u00a0林晓松", "PERSON")],
     {("林晓松", "PERSON")}, {("”\u00a0林晓松", "PERSON")}),
    ("a function word read into the name (以X同志为核心)",
     "全县干部紧密团结在以韦明哲同志为核心的县委班子周围。", [("以韦明哲", "PERSON")],
     {("韦明哲", "PERSON")}, {("以韦明哲", "PERSON")}),
    ("比 before a transliteration the model also reads alone",
     "这份方案比艾琳·布鲁克的方案更细。艾琳·布鲁克表示赞同。",
     [("比艾琳·布鲁克", "PERSON"), ("艾琳·布鲁克", "PERSON", 1)],
     {("艾琳·布鲁克", "PERSON")}, {("比艾琳·布鲁克", "PERSON")}),
    ("比 opening a transliteration read once stays (比利)",
     "乐队主唱比利·格兰特表示，演出将在枫林剧场举行。", [("比利·格兰特", "PERSON")],
     {("比利·格兰特", "PERSON")}, {("利·格兰特", "PERSON")}),
    ("a country and a ruler's title read into the name",
     "市长会见了来访的卡塔尔埃米尔纳迪姆一行。", [("卡塔尔埃米尔纳迪姆", "PERSON")],
     {("卡塔尔", "PLACE"), ("纳迪姆", "PERSON")}, {("卡塔尔埃米尔纳迪姆", "PERSON")}),
    ("a transliteration opening with a country's name stays (阿曼达)",
     "协会负责人阿曼达·格林说，展会将在湘州举办。", [("阿曼达·格林", "PERSON")],
     {("阿曼达·格林", "PERSON")}, {("阿曼", "PLACE")}),
    ("a surname left in the title before the name (主任何X)",
     "枫林县科协副主任何晓东说，科普大篷车已开进12个乡镇。", [("晓东", "PERSON")],
     {("何晓东", "PERSON")}, {("晓东", "PERSON")}),
    ("和 after a title is a conjunction, no surname",
     "市长和立新一同察看了河堤。", [("立新", "PERSON")],
     {("立新", "PERSON")}, {("和立新", "PERSON")}),
    # --- the end of the name before a verb of saying
    ("the last character left before 说 (X为说)",
     "湘州大学副校长林嘉为说：“这批学生是第一届。”", [("林嘉", "PERSON")],
     {("林嘉为", "PERSON")}, {("林嘉", "PERSON")}),
    ("the last character left before 认为 (a four-character foreign name)",
     "首席经济学家山田健由认为，区域合作潜力巨大。", [("山田健", "PERSON")],
     {("山田健由", "PERSON")}, {("山田健", "PERSON")}),
    ("an adverb before the verb is no part of the name",
     "林嘉也说，明年还会再来。对林嘉来说，这是第一次。", [("林嘉", "PERSON"), ("林嘉", "PERSON", 1)],
     {("林嘉", "PERSON")}, {("林嘉也", "PERSON"), ("林嘉来", "PERSON")}),
    ("为表示 is 'to express', no name's end",
     "林嘉为表示感谢，给村小送去了图书。", [("林嘉", "PERSON")],
     {("林嘉", "PERSON")}, {("林嘉为", "PERSON")}),
    # --- a leader's name and the verb of greeting or meeting after it
    ("the first character of 互致 read into a foreign name",
     "市长同阿兰多国总统奥德巴雅尔互致贺电。", [("奥德巴雅尔互", "PERSON")],
     {("奥德巴雅尔", "PERSON")}, {("奥德巴雅尔互", "PERSON")}),
    ("the first character of 会见 read into a foreign name",
     "阿兰多国总统塔兰图尔会见了湘州经贸代表团。", [("塔兰图尔会", "PERSON")],
     {("塔兰图尔", "PERSON")}, {("塔兰图尔会", "PERSON")}),
    ("a foreign leader's name cut after its first character (总理X + YZW)",
     "市长同阿兰多国总理呼德吉勒图互致贺电。", [("德吉勒图互", "PERSON")],
     {("呼德吉勒图", "PERSON")}, {("德吉勒图", "PERSON"), ("德吉勒图互", "PERSON")}),
    ("同 after a title is a conjunction, no name's start",
     "协会主席同萨维娜塔总统共同出席仪式。", [("萨维娜塔", "PERSON")],
     {("萨维娜塔", "PERSON")}, {("同萨维娜塔", "PERSON")}),
    # --- a company's short name read as a person
    ("a short name the story also writes before 乳业 is the company's",
     "枫林乳业建起了万亩牧场。去年，枫林又新建了两座工厂。", [("枫林", "PERSON", 1)],
     set(), {("枫林", "PERSON")}),
    ("a name before a school named after the person stays (X科技大学)",
     "林嘉为回到了母校。林嘉为科技大学捐建了实验楼。", [("林嘉为", "PERSON")],
     {("林嘉为", "PERSON")}, set()),
    # --- the end of the name: a word read into it
    ("a word read into a name the model also reads alone (X正忙着)",
     "“还早呢。”黎远航说。此时黎远航正忙着搬运稻谷。",
     [("黎远航", "PERSON"), ("黎远航正", "PERSON")],
     {("黎远航", "PERSON")}, {("黎远航正", "PERSON")}),
    ("某某 names stay whole",
     "张某说自己不知情，张某某则拒绝回答。",
     [("张某", "PERSON"), ("张某某", "PERSON")],
     {("张某某", "PERSON")}, set()),
    # --- layout and graphics credits
    ("a layout credit on its own line, and after the last sentence",
     "枫林县新建三座便民桥。\n版式设计：柯雨桐\n", [],
     {("柯雨桐", "PERSON")}, set()),
    ("a graphics credit after the last sentence; a padded name",
     "湘州的早稻开镰了。本版制图：宁  远", [],
     {("宁  远", "PERSON")}, set()),
    ("a wire credit inside a page of briefs: its names whole, with or without 记者",
     "各地春节平安。本报海口2月10日电（林小河、宋小官）跨海联网工程投运。",
     [("林小河", "PLACE"), ("宋小", "PERSON")],
     {("林小河", "PERSON"), ("宋小官", "PERSON")}, {("宋小", "PERSON"), ("林小河", "PLACE")}),
    ("no credit inside a sentence, no name without a surname",
     "方案的版式设计：简洁大方。\n制图：本报", [],
     set(), {("简洁大方", "PERSON"), ("本报", "PERSON")}),
    # --- mentions of a surname-less name
    ("a surname-less name read whole once: its mention the model cut short",
     "总理萨维娜塔会见了代表团。会见中，萨维娜塔向客人赠送了礼物。",
     [("萨维娜塔", "PERSON"), ("萨维娜", "PERSON", 1)],
     {("萨维娜塔", "PERSON")}, {("萨维娜", "PERSON")}),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_person_rules(rules, name, text, model, present, absent):
    found = _ents(rules, text, model)
    assert present <= found, (name, found)
    assert not (absent & found), (name, found)


def test_surname_less_mentions_only_where_cut(rules):
    """An untagged mention of a surname-less name is not read (it may be a place's
    part), and the name read once stays the model's: later rules may still change it."""
    text = "代表萨维娜塔发言。萨维娜塔广场上人来人往。"
    found = _ents(rules, text, [("萨维娜塔", "PERSON")])
    assert ("萨维娜塔", "PERSON") in found
    doc = rules.make_doc(text)
    doc.ents = [char_span(doc, 2, 6, "PERSON", "PERSON", "zh_char_ner")]
    doc = rules.get_pipe("news_entity_rules")(doc)
    assert [e.start_char for e in doc.ents if e.label_ == "PERSON"] == [2]
    assert [e._.source for e in doc.ents if e.label_ == "PERSON"] == ["zh_char_ner"]
