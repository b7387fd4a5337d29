"""What a block's text says of its role: credit, box, kicker, photo-credit, author-line and
closing patterns, each counted on the rmrb articles, and the form of a block's credit line.

Read by the role model's evidence (``features.PageEvidence``: features and bars).
"""
from __future__ import annotations

import re

from .blocks import DATELINE, Block

_SENTENCE_END = "。！？!?…"
_CLOSE = "”』」)）"
_BYLINE = re.compile(r"^(?:本报|本刊)?(?:驻\S{1,8}|赴\S{1,8})?(?:特派|特约)?记者\s*\S")
_AUTHOR = re.compile(r"^[（(](?:作者|本文作者|\S{0,12}记者|本报)")
_EDITOR = re.compile(r"^(?:编者按|编者的话|开栏的话|核心阅读|内容提要|阅读提示|■|●|▲|◆)")
# A box label alone on its line: a body's opening box, never part of a headline group
# (of the rmrb groups, no kicker, headline or subtitle is one; four articles are titled
# 编者按 whole, hence HB/HA barred only by ``_EDITOR``).
# A contact line (``投稿邮箱：x@y.cn``, a web address, ``电话：``): of the rmrb paragraphs under
# 60 characters, 38 hold one, and no kicker, headline or subtitle.
_CONTACT = re.compile(r"[A-Za-z0-9_.\-]+@[A-Za-z0-9_.\-]+|https?://|www\.|(?:邮箱|电话)[：:]")
_BOX_OPEN = re.compile(r"^(?:编者按|编者的话|开栏的话|核心阅读|内容提要|阅读提示)")
_BOX_LABEL = re.compile(_BOX_OPEN.pattern + r"[：:]?$")
# A box of bulleted highlights opens a story too (of the rmrb articles with ``■`` items,
# 76 open with them) and its credit stands after it.
_BULLETS = "■◆"

# A credit line standing alone (a photo credit ``X摄（人民视觉）``, a graphics or source
# line ``制图：X``, ``数据来源：X``, a contributor ``（X参与采写）``): of the rmrb
# paragraphs of 40 characters or less, some 650 are such lines, and no kicker, headline
# or subtitle is one (a story may open with one: ``本版图片来源：X``); nor is a page's
# ``本版制图：X`` or ``本期统筹：X`` (70 and 7 such short paragraphs, none in a group).
_CREDIT_ONLY = re.compile(
    r"^(?:本版|本期)?(?:来源|数据来源|资料来源|图片来源|制图|版式设计|版面设计|图表制作|统筹|稿件统筹"
    r"|摄影|采访整理)[：:]"
    r"|^[\u4e00-\u9fff·]{2,4}\s*摄影?(?:[（(][^（）()]{1,12}[）)])?$"
    r"|^[（(][^（）()]{1,30}(?:参与采写|采写|整理|供稿|编译)[）)]$"
)
# Kickers name who said or did what; subtitles often start with a dash.
_KICKER_END = re.compile(r"(?:强调|指出|表示|要求|出席|主持|会见|会谈|调研|时|上|——|：|:)$")
# Of the rmrb headline groups, 594 kickers end so and 2 main headlines (no subtitle): such
# a block, in a headline group, is its kicker; the 468 that open with a dash are subtitles.
_KICKER_ONLY = re.compile(r"(?:强调|指出|表示|要求|——)$")
_BRACKETED = re.compile(r"^[（(][^（）()]*[）)]$")
_COLUMN_TAG = re.compile(r"[（(][^（）()]{1,12}[）)]$")
_BRIEF_CREDIT = ("本报电", "本刊电")
# A photo credit on its own line, its names often padded (``本报记者 于 洋摄``,
# ``X摄（影像中国）``, ``X图 Y文``, ``本报记者 X文 Y供图``, ``人民视觉``): of the rmrb
# paragraphs of 40 characters or less, 529 are, 448 of them the last of their article and
# none the first; no kicker, headline or subtitle is one. It closes a photo item: no part
# of a headline group, no story's first block.
_NAME = r"[\u4e00-\u9fff·](?:\s{0,2}[\u4e00-\u9fff·]){1,3}"
_NAMES = _NAME + r"(?:\s*[、\s]\s*" + _NAME + r")*"
_AGENCY = r"(?:[（(][^（）()]{1,12}[）)])"
_BY = r"(?:(?:本报|新华社|人民日报)?(?:特约)?记者\s*)?"
_PHOTO_CREDIT = re.compile(
    r"^(?:" + _BY + _NAMES + r"\s*摄影?(?:报道)?" + _AGENCY + r"?"
    r"(?:\s+" + _BY + _NAMES + r"\s*(?:文|摄|图)" + _AGENCY + r"?)?"
    r"|" + _BY + _NAMES + r"\s*图" + _AGENCY + r"?\s+" + _NAMES + r"\s*文"
    r"|" + _BY + _NAMES + r"\s*文\s+(?:" + _NAMES + r"\s*(?:摄影?|图)" + _AGENCY
    + r"?|\S{2,8}供图)"
    r"|人民视觉|视觉中国|影像中国|新华社发|[\u4e00-\u9fff]{2,8}供图)$"
)
# A signed piece's author line, a title or a reader's place and a name (``X大学教授 林远``,
# ``青禾县 周立``): of the rmrb paragraphs, 69 are one, and no kicker, headline or subtitle
# (a 4-character second part would take ``划分片区 协作办案``, a headline).
_AUTHOR_LINE = re.compile(
    r"^[\u4e00-\u9fff、·（）]{1,30}(?:主席|书记|主任|部长|总理|局长|厅长|省长|市长|县长|区长|校长"
    r"|院长|会长|委员|教授|研究员|主编|理事长|董事长|社长|总裁|经理|大使|专家|学者|省|市|县|区|镇|乡|村)"
    r"\s+[\u4e00-\u9fff·]{2,3}$")
# A section's author line in a collection of signed pieces (several people under one
# headline): a name with what the person is (``林 远（X剧院演员）``, ``周立（X大学教授）``)
# or a foreign author's country and name (``（X国）安娜·Y``). Of the rmrb paragraphs, 28 and
# 41 are such lines, none an article's first paragraph (the section's crosshead stands
# above it), and no kicker, headline or subtitle is one. Further body of its story.
_SECTION_TITLE = (r"(?:主席|书记|主任|部长|院长|校长|会长|委员|教授|研究员|主编|理事长|董事长|社长|总裁"
                  r"|经理|大使|专家|学者|主演|编剧|导演|演员|制片人|主持人|艺术家|作家|指挥|撰稿|班长|旅长"
                  r"|指导员|运动员|教练)")
_SECTION_AUTHOR = re.compile(
    r"^[\u4e00-\u9fff](?:\s{0,2}[\u4e00-\u9fff]){1,2}[（(][^（）()]{2,40}" + _SECTION_TITLE
    + r"[）)]$"
    r"|^[（(][^（）()一二三四五六七八九十\d]{2,10}[）)][\u4e00-\u9fff·]{2,12}$")
# A line of 12 characters or less ending in a colon (``这正是：``, ``同志们，朋友们：``,
# ``X部：``): of the rmrb parts so short, 147 paragraphs and 56 kickers, no main headline or
# subtitle.
_SHORT_COLON = 12
# A bracketed credit closing a story's text (``（本报X电）``, ``（作者为…）``,
# ``（新华社北京X电 记者Y）``): of the rmrb paragraphs ending so, 968 are their article's
# last, 222 are followed by a short line (a graphics credit, a caption) and 18 by a
# paragraph of more than 60 characters (sections ``（X采访整理）``, ``（记者手记）`` titles,
# wire items of a compilation): the long body after it opens another story.
_CREDIT_CLOSE = re.compile(
    r"[（(][^（）()]{0,80}(?:记者|电|作者|执笔|通讯员|编译|供稿|综合)[^（）()]{0,60}[）)]$")
# A bracketed credit standing alone (``（本报X电）``, ``（新华社X电）``, 40 characters or less)
# closes its story the same way: of the rmrb paragraphs so (not a section author's
# ``（电影《X》主演）`` nor ``手记``/``整理``), 811 are their article's last, 118 are followed by a
# short line, 3 by a long paragraph (each a wire item of a compilation).
_NOT_CLOSING_CREDIT = re.compile(r"电影|电视|手记|整理")
# A graphics or layout credit ending a paragraph (``制图：X``, ``版式设计：X``, ``本版制图：X``):
# of the rmrb paragraphs ending so, 301 are their article's last, 22 are followed by a short
# line and none by a paragraph of more than 60 characters.
_GRAPHICS_CLOSE = re.compile(
    r"(?:^|\s)(?:本版|本期)?(?:制图|版式设计|版面设计|图表制作|统筹)[：:][^，。]{1,30}$")
# A standing label heading a photo item or a collection of briefs (``图片报道``,
# ``速览``): of the rmrb articles, 190 headlines are one, and no kicker, subtitle or
# paragraph. Always the main headline.
_LABEL_HEADLINE = re.compile(
    r"^(?:图片报道|图片新闻|速览|新闻速览|简讯|快讯|资讯速递|新闻速递)(?:[·（(][^。]{0,20})?$")
# A bare ``资讯`` (news in brief) heads a collection the same way (2 rmrb headlines, no
# kicker, subtitle or paragraph); not on city pages, whose model reads it otherwise (city
# seed 13 two stories fewer when it was general).
_LABEL_HEADLINE_PDF = re.compile(r"^资讯$")
# A label heading a box inside a story (``延伸阅读``, ``知识链接``, ``记者手记``, ``点评``): of
# the rmrb paragraphs so, 39, none an article's first; no kicker, headline or subtitle is one.
_INSET_LABEL = re.compile(
    r"^(?:延伸阅读|知识链接|相关链接|背景链接|链接|记者手记|专家点评|点评|短评|编后|小贴士)[：:]?$")
_HEAD_ROLES = ("KB", "HB", "SB", "KA", "HA", "SA")
_ROLES = _HEAD_ROLES + ("B1h", "Bh", "B1n", "Bn", "O")
# A block stopping on one of these stops mid-sentence; a credit tail stops a story.
_MID_SENTENCE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z，、,《“]$")
_CREDIT_TAIL = re.compile(r"[：:]|摄|制图|设计")
_CONTINUATION_MARKS = frozenset("”’）》」』〕】，。；：、！？,.;:!?)")
# What closes a story's text: a bracketed credit (``（本报记者 X）``, ``（作者为…）``,
# ``（X日报社融媒体记者 Y）``), a photo credit (``X摄``, ``X摄影报道``, ``（新华社发）``,
# ``X供图``, ``X图 Y文``) or
# a graphics line (``制图：X``, ``版式设计：X``).
_CLOSING = re.compile(
    r"(?:[（(][^（）()]{0,80}(?:记者|电|作者|执笔|通讯员|整理|编译|供稿|来源|综合)[^（）()]{0,60}[）)]"
    r"|(?:摄(?:影报道|影)?|供图)(?:[（(][^（）()]{1,12}[）)])?|[（(][^（）()]{0,12}发[）)]"
    r"|[\u4e00-\u9fff]\s*图(?:[（(][^（）()]{1,12}[）)])?\s+[\u4e00-\u9fff]{1,3}\s*[\u4e00-\u9fff]{0,2}文"
    r"|(?:制图|版式设计|版面设计|图片来源|资料来源)[：:][^，。]{1,30})$"
)


def _dateline_form(block: Block) -> str:
    """What credit line a block opens with: a byline alone (``本报记者 X``, the sub-reports of
    a compilation), a wire or paper dateline (``…电``), a local one (``…讯``), or none."""
    if block.kind != DATELINE or block.dateline is None:
        return "none"
    head = block.dateline.text
    if "电" in head:
        return "wire"
    if "讯" in head:
        return "local"
    return "byline"


def _opens_story(block: Block, i: int) -> str | None:
    """What full credit a block opens with at the top of the page or after a blank line,
    naming its reporters: ``"local"`` for a local dateline (``X日报·掌上X讯（记者/Y）``,
    ``本报讯（记者 Y）``, ``X日报讯 记者Y报道``), ``"paper"`` for a byline naming a city
    paper (``X日报全媒体记者 Y``), else None. In a city daily either is the start of a story
    (a photo caption may stand between it and the headline), not a sub-report of one
    (those carry ``本报电``, a bare byline or ``本报记者 X`` lines)."""
    if not (block.gap > 0 or i == 0) or block.dateline is None \
            or not block.dateline.reporters:
        return None
    form = _dateline_form(block)
    if form == "local":
        return form
    return "paper" if form == "byline" and "日报" in (block.dateline.media or "") else None
