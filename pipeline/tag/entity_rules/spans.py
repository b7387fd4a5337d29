"""Span helpers the rule modules share: the model's source name, an index of which
entity covers each character, and every occurrence of a string as a span."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import char_span, doc_text

# The ``Span._.source`` of the statistical model's entities: the rules correct these;
# an entity another stage or rule asserted is kept as it is.
MODEL = "zh_char_ner"

# Province-level units by their short names, which open a glued ``X省Y市`` chain.
PROVINCES = frozenset("北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 "
                      "河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 "
                      "西藏 宁夏 新疆 香港 澳门".split())

# The capital's national venues, a closed class: one PLACE each (eval/entity-dev's gold, as
# the hand-annotated pages list venues), not an ORG nor glued to 北京; an organisation's
# name found around one leaves it alone.
NATIONAL_VENUE = re.compile(r"人民大会堂|钓鱼台国宾馆|天安门广场|国家会议中心|国家体育场|国家游泳中心"
                            r"|国家速滑馆|国家大剧院|中南海")


def owners(ents: list[Span], length: int) -> list[int]:
    """Character offset → index of the entity covering it, -1 where none does."""
    owner = [-1] * length
    for k, ent in enumerate(ents):
        owner[ent.start_char:ent.end_char] = [k] * (ent.end_char - ent.start_char)
    return owner


def inside(owner: list[int], ents: list[Span], start: int, end: int) -> list[Span]:
    """The entities overlapping ``[start, end)``, by the ``owners`` index."""
    return [ents[k] for k in dict.fromkeys(owner[start:end]) if k >= 0]


def overlaps(ents: list[Span], span: Span) -> bool:
    """Whether ``span`` overlaps one of ``ents``."""
    return any(e.start < span.end and span.start < e.end for e in ents)


def occurrences(doc: Doc, strings: list[str], label: str, fine: str,
                source: str) -> list[Span]:
    """Every occurrence of each string in the story, as a span (where tokens allow).

    RETURNS (list[Span]): the spans, labelled ``label``/``fine`` from ``source``."""
    spans = []
    text = doc_text(doc)
    for string in dict.fromkeys(strings):
        for match in re.finditer(re.escape(string), text):
            span = char_span(doc, match.start(), match.end(), label, fine, source)
            if span is not None:
                spans.append(span)
    return spans


def extended_after(doc: Doc, ents: list[Span], label: str, pattern: re.Pattern, fine: str,
                   source: str) -> list[Span]:
    """The entities of ``label`` extended over what ``pattern`` matches right after them
    (a station after its city, a mechanism after the body that leads it).

    RETURNS (list[Span]): the entities, such spans extended."""
    text = doc_text(doc)
    out = []
    for ent in ents:
        match = ent.label_ == label and pattern.match(text, ent.end_char)
        span = match and char_span(doc, ent.start_char, match.end(), label, fine, source)
        out.append(span or ent)
    return out


# A language's name and what it is taught or broadcast as (``X语专业``, ``X语频道``, a list
# of languages ``X语、Y语``): the people's language, no place or body.
LANGUAGE_AFTER = re.compile(r"语(?:专业|系|课|版|教学|翻译|频道|节目|教育|学习|[，。、和与及])")
# A number and 号 after a name: a craft, a satellite or a ship (``X一号``), no place.
CRAFT_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}号(?![院楼线路街巷门])")
# Sunshine, not the city of 日照: ``日照时数``, ``日照充足``.
SUNSHINE = re.compile(r"日照(?=时数|时间|时长|充足|不足|偏[少多]|条件|强度|[少多强弱])")


def head_place(text: str, tail: re.Pattern, *places: frozenset[str]) -> int:
    """The length of the known place (in one of the ``places`` sets) that opens ``text``
    before the ``tail`` pattern's match at its end (``X`` of ``X马拉松``, ``X站``), or 0."""
    match = tail.search(text)
    if not match or match.start() < 2:
        return 0
    head = text[:match.start()]
    return len(head) if any(head in known for known in places) else 0
