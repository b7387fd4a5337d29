"""Latin-script names in Chinese text: organisations in an organisation's context
(``软件公司X``, ``X公司``, ``X首席执行官``, ``据X数据``) and bracketed glosses of the name
before them (``X研究院（BRE）``). Each function is one compiled-regex scan."""
from __future__ import annotations

import re

# ------------------------------------------------------------- Latin-script names
# A Latin-script name: words of letters and digits, joined by ``&.-'`` or single spaces
# before a capital (``General Atlantic``, ``AT&T``, ``B2B``).
LATIN_NAME = r"[A-Za-z][A-Za-z0-9&'.\-]*[A-Za-z0-9]|[A-Z]{2,}"
_LATIN = rf"(?<![A-Za-z0-9&'.\-])(?:{LATIN_NAME})(?: [A-Z](?:[A-Za-z0-9&'.\-]*[A-Za-z0-9])?)*" \
         r"(?![A-Za-z0-9&\-])"
_LATIN_NAME = re.compile(_LATIN)
# Where a Latin-script word starts (a letter after no letter, digit or joiner).
_LATIN_START = re.compile(r"(?<![A-Za-z0-9&'.\-])[A-Za-z]")
# An organisation noun right before the name (``软件公司X``, ``运营商X``).
# (not 企业 or 银行: ``企业QQ``, ``银行IT系统`` are products and systems)
_KIND = r"(?:公司|集团|机构|开发商|厂商|运营商|供应商|制造商|品牌|巨头|网站)"
_KIND_BEFORE = re.compile(rf"{_KIND}$")
_KIND_THEN_LATIN = re.compile(rf"{_KIND}({_LATIN})")
# A company word after the name belongs to it (``X公司``); a management title or an
# organisation's voice does not (``X首席执行官``, ``X方面``, ``X旗下``); ``一个SNS公司``
# is a kind of company.
_HEAD_AFTER = re.compile(r"公司|集团|银行")
_ROLE_AFTER = re.compile(r"首席执行官|首席财务官|CEO|总裁|副总裁|董事长|创始人|发言人|官方|方面|旗下")
# A source of figures (``据X数据``, ``据X统计``).
_SOURCE_AFTER = re.compile(r"(?:的)?(?:数据|统计|调查|报告|显示|报道|消息)")


def latin_orgs(text: str) -> list[tuple[int, int]]:
    """Latin-script organisations in an organisation's context: after an organisation
    noun (``软件公司X``), before a company word or a management title (``X公司``,
    ``X首席执行官``), or as the source of figures (``据X数据显示``).

    RETURNS (list[tuple[int, int]]): offsets of the organisations.
    """
    out = []
    end = 0
    for start_match in _LATIN_START.finditer(text):
        start = start_match.start()
        name = start >= end and _LATIN_NAME.match(text, start)
        if not name:
            continue
        end = name.end()
        if _KIND_BEFORE.search(text, max(0, start - 3), start) or (
                text[start - 1:start] == "据" and _SOURCE_AFTER.match(text, end)):
            out.append((start, end))
        elif text[start - 1:start] not in ("个", "家", "种", "类", "些"):
            head = _HEAD_AFTER.match(text, end)
            if head or _ROLE_AFTER.match(text, end):
                out.append((start, head.end() if head else end))
    return [(s, e) for s, e in out if not _NOT_LATIN_NAME.search(text[s:e])]


# Titles, sector and product words, web addresses: no organisation's name.
_NOT_LATIN_NAME = re.compile(r"^(?:CEO|CFO|COO|CTO|CIO|IT|IM|QQ|APP|App|app|B2B|B2C|C2C|O2O|SNS"
                             r"|GDP|CPI|PPI|VIP|AI|VR|AR|IP|ID)(?:公司|集团|银行)?$"
                             r"|\.[a-z]{2,}")


# A list of Latin-script names that an organisation-class noun introduces (``这些银行包括
# X,Y,Z等``, ``X公司有A、B和C``): each member is an organisation. (not 投资方 or 客户:
# people invest and buy too; not 品牌: a brand may be a product's)
_LIST_KIND = r"(?:公司|集团|机构|银行|厂商|运营商|供应商|制造商|巨头|网站|媒体|企业)"
_LATIN_LIST = re.compile(rf"{_LIST_KIND}(?:包括|有|如|像|比如|例如)((?:{_LATIN})"
                         rf"(?:\s*[,，、和及与]\s*(?:{_LATIN}))+)(?=\s*(?:等|[。；;，,）)]|$))")
_LIST_MEMBER = re.compile(_LATIN)


def latin_lists(text: str) -> list[tuple[int, int]]:
    """The members of a list of two or more Latin-script names that an organisation
    noun introduces (``当地银行包括X,Y,Z等``), each an organisation.

    RETURNS (list[tuple[int, int]]): offsets of the members.
    """
    out = []
    for found in _LATIN_LIST.finditer(text):
        out += [member.span() for member in _LIST_MEMBER.finditer(text, *found.span(1))
                if not _NOT_LATIN_NAME.search(member.group())]
    return out


_ASCII_LETTER = re.compile(r"[A-Za-z]")
# A Latin-script gloss in brackets right after a name: ``X研究院（BRE）``.
_GLOSS = re.compile(rf"[（(]({_LATIN})[）)]")


def latin_gloss(text: str, end: int) -> tuple[int, int] | None:
    """The Latin-script gloss in brackets right after a name that ends at ``end``:
    the same entity in another script (``X研究院（BRE）``, ``Y·Z（Y Z）``).

    RETURNS (tuple[int, int] | None): offsets of the gloss, if any.
    """
    match = _GLOSS.match(text, end)
    return match.span(1) if match and "." not in match.group(1) else None


def has_latin_gloss(text: str) -> bool:
    """Whether ``text`` holds a bracketed Latin-script name or one after an
    organisation noun (one scan: most stories have none)."""
    return bool(_GLOSS.search(text) or _KIND_THEN_LATIN.search(text))


_GLOSS_AT_END = re.compile(rf"(?<=[^\W\d_])[（(]({_LATIN})[）)]$")
_KIND_LATIN_AT_END = re.compile(rf"{_KIND_THEN_LATIN.pattern}$")


def latin_inside(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The Latin-script name that ends an entity ``text[start:end]`` a model or a
    title took in: a gloss in brackets (``X研究院（BRE）``) or a name after an
    organisation noun (``X房地产公司Y``), two entities.

    RETURNS (tuple[int, int, int] | None): where the entity before it ends, and the
        Latin name's offsets; None when there is none.
    """
    gloss = _GLOSS_AT_END.search(text, start, end)
    if gloss and gloss.start() - start >= 2 and "." not in gloss.group(1):
        return gloss.start(), *gloss.span(1)
    named = _KIND_LATIN_AT_END.search(text, start, end)
    if named and named.start(1) - start >= 3 and not _NOT_LATIN_NAME.search(named.group(1)):
        return named.start(1), *named.span(1)
    return None
