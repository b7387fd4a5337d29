"""Split a page into stories: blocks, their roles, then one Story per run of roles.

A page is read as blocks (``blocks.py``), each block gets a role from the block-role model
(``roles.py``: headline-group parts before or after a body, body blocks, furniture), and
the roles are cut into stories. Credits are read from the story's body blocks: the first
credit line (``本报北京5月11日电（记者X）``, a byline line ``本报记者 X``) is the dateline;
a credit at the end (``（X日报社融媒体记者 Y）``) names the reporters when no dateline
did (``datelines.py``). Neighbouring stories credited by bare bylines only are the
sub-reports of one compilation and are joined.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..clean import CleanLine, Cleaned, clean_page
from .datelines import caption_photographers, parse_end_credit
from ..types import Page, Story
from .blocks import CAPTION, DATELINE, HEADLINE, NOISE, Block
from .city import page_evidence
from .plain import read_page_blocks
from .roles import HEAD_LABELS, MODEL_DIR, RoleModel

log = logging.getLogger(__name__)


@lru_cache(maxsize=2)
def role_model(local: bool = False) -> RoleModel:
    """The shipped block-role model, loaded once per process.

    local (bool): for a page with local-paper datelines (``PageEvidence.local``): the city
        daily's model (``models/layout/local``), trained on composed city pages.
    RETURNS (RoleModel): the model.
    """
    return RoleModel.load(MODEL_DIR / "local" if local else MODEL_DIR)


@dataclass
class StoryBlocks:
    """The blocks of one story, by role."""

    heads: list[tuple[str, Block]] = field(default_factory=list)   # (role letter, block)
    body: list[Block] = field(default_factory=list)
    heads_after: bool = False       # its headline group stands below its body


def segment_page(page: Page, lines: list[CleanLine] | None = None) -> list[Story]:
    """Split a decoded page into stories.

    page (Page): the page.
    lines (list[CleanLine] | None): the page cleaned by ``clean.clean_page``; cleaned here
        when not given.
    RETURNS (list[Story]): its stories in page order (empty when it has no text).
    """
    return split_page(page, lines)[0]


def split_page(page: Page, lines: list[CleanLine] | None = None
               ) -> tuple[list[Story], list[Block]]:
    """Split a decoded page into stories and page furniture.

    page (Page): the page.
    lines (list[CleanLine] | None): the cleaned page, cleaned here when not given.
    RETURNS (tuple[list[Story], list[Block]]): the stories, and the blocks that belong to
        no story (page headers, banners and slogans above the first story).
    """
    blocks, _ = read_page_blocks(clean_page(page.raw) if lines is None else lines)
    for block in blocks:
        if block.kind == NOISE:
            log.info("%s: page header skipped: %s", page.doc, block.text.text)
    furniture = [b for b in blocks if b.kind == NOISE]
    blocks = [b for b in blocks if b.kind != NOISE]
    evidence = page_evidence(blocks)
    roles = role_model(evidence.local).roles(evidence)
    for block, role in zip(blocks, roles):
        if role in HEAD_LABELS and block.crosshead is not None:
            # A "crosshead" split off a headline block is its first line.
            block.lines, block.crosshead = [block.crosshead, *block.lines], None
    stem = page.doc.rsplit(".", 1)[0]
    stories = [finish_story(page, f"{stem}-s{i + 1}", s)
               for i, s in enumerate(group_stories(blocks, roles))]
    if any(role == "O" for role in roles) and stories:
        furniture += [b for b, role in zip(blocks, roles) if role == "O"]
    return stories, furniture


def group_stories(blocks: list[Block], roles: list[str]) -> list[StoryBlocks]:
    """Cut a page's blocks into stories at the roles that open one.

    blocks (list[Block]): the page's blocks.
    roles (list[str]): their roles (``roles.LABELS``).
    RETURNS (list[StoryBlocks]): the stories, in page order; furniture (``O``) is dropped.
    """
    stories: list[StoryBlocks] = []
    previous = None
    for block, role in zip(blocks, roles):
        if role == "O":
            log.info("unassigned: %s", block.text.text[:40])
            previous = role
            continue
        opens = role == "B1n" or (role in ("KB", "HB") and previous != "KB")
        if opens or not stories:
            stories.append(StoryBlocks())
        if role in HEAD_LABELS:
            stories[-1].heads.append((role[0], block))
            stories[-1].heads_after |= role.endswith("A")
        else:
            stories[-1].body.append(block)
        previous = role
    if not stories and blocks:                 # furniture only: keep the text as one story
        stories.append(StoryBlocks(body=[b for b in blocks]))
    return _join_compilations(_merge_headless(stories))


def _byline_only(story: StoryBlocks, named: bool = False, headless: bool = False) -> bool:
    """Whether a story with a headline (with ``headless``, or without one) is credited by
    bare paper bylines (``本报记者 X``; with ``named``, a city paper's too:
    ``X日报全媒体记者 Y``) only."""
    credits = [b for b in story.body if b.kind == DATELINE and b.dateline is not None]
    return (bool(story.heads) or headless) and bool(credits) and all(
        (c.dateline.media == "本报" or (named and "日报" in (c.dateline.media or "")))
        and not re.search(r"[电讯]", c.dateline.text) for c in credits)


def _join_compilations(stories: list[StoryBlocks]) -> list[StoryBlocks]:
    """Neighbouring stories with headlines credited by bare ``本报记者 X`` lines only are the
    sub-reports of one compilation: in the rmrb articles 276 of 311 bare byline paragraphs
    stand in articles holding two or more of them. They become one story; its headline is
    the last one where headlines stand below their bodies (the compilation's headline
    closes it), else the first; the others are kept as crossheads, in page order. A
    sub-report without a headline of its own (a byline right below the one before) joins
    the compilation too."""
    out: list[StoryBlocks] = []
    for story in stories:
        if out and _byline_only(story, headless=True) and _byline_only(out[-1], named=True):
            first = out[-1]
            if story.heads_after and first.heads_after:   # headlines below bodies
                first.body += [b for _, b in first.heads] + story.body
                first.heads = story.heads
            else:
                heads = [b for _, b in story.heads]
                first.body += story.body + heads if story.heads_after else heads + story.body
            continue
        out.append(story)
    return out


def _merge_headless(stories: list[StoryBlocks]) -> list[StoryBlocks]:
    """Stories without a headline: each credit line opens one, and a run of body without
    headline or credit line continues the story before it (a column break, a caption)."""
    out: list[StoryBlocks] = []
    for story in stories:
        if story.heads:
            out.append(story)
            continue
        for block in story.body:
            if block.kind == DATELINE or not out:
                out.append(StoryBlocks())
            out[-1].body.append(block)
    return out


def finish_story(page: Page, story_id: str, parts: StoryBlocks) -> Story:
    """Turn a story's blocks into a Story, composing its text in reading order."""
    mains = [b for r, b in parts.heads if r == "H"]
    main, dash = _split_dash(mains[0]) if mains else (None, None)
    kickers = [b.text for r, b in parts.heads if r == "K"]
    subtitles = ([dash] if dash else []) + [b.text for r, b in parts.heads if r == "S"]
    captions = [b for b in parts.body if b.kind == CAPTION]
    dateline, dateline_block = None, None
    for block in parts.body:
        if block.kind == DATELINE:
            dateline, dateline_block = block.dateline, block
            break
    # The credit heads the body where it opens it; below an opening box (``核心阅读`` and
    # its paragraphs) it stays where it stands, so the text keeps the page's order.
    leading = dateline_block is not None and dateline_block is next(
        b for b in parts.body if b.kind != CAPTION)
    crossheads: list[Cleaned] = []
    body_parts: list[Cleaned] = []
    for block in parts.body:
        if block.kind == CAPTION:
            continue
        if block.kind == HEADLINE:
            crossheads.append(block.text)
            body_parts.append(_own_line(block.text))
            continue
        if block.crosshead is not None:
            crossheads.append(block.crosshead)
            body_parts.append(_own_line(block.crosshead))
        if block is dateline_block and leading:
            body_parts.append(block.text.slice(dateline.end).strip())
        else:
            body_parts.append(block.text)
    body = Cleaned.join(body_parts).strip()
    head = [*kickers, *([main] if main else []), *subtitles]
    if leading:
        head.append(dateline_block.text.slice(0, len(dateline.text)))
    before = Cleaned.join(head, "\n")
    text = Cleaned.join([before, body, *(c.text for c in captions)], "\n")
    body_start = len(before.text) + (1 if before.text and body.text else 0)
    credit = dateline or parse_end_credit(body.text)
    photographers = [n for c in captions for n in caption_photographers(c.text.text)]
    return Story(
        story_id=story_id, doc=page.doc, text=text.text,
        headline=main.text if main else None,
        subheadlines=tuple(c.text for c in kickers + subtitles + crossheads),
        dateline=dateline.text if dateline else None,
        reporters=credit.reporters if credit else (),
        correspondents=credit.correspondents if credit else (),
        photographers=tuple(dict.fromkeys((*(credit.photographers if credit else ()),
                                           *photographers))),
        captions=tuple(c.text.text for c in captions),
        body_start=body_start, body_end=body_start + len(body.text),
        offsets=text.offsets, pub_date=page.pub_date,
    )


def _split_dash(block: Block) -> tuple[Cleaned, Cleaned | None]:
    """A headline block whose later line opens with a dash holds the subtitle too
    (``彩云长在有新天`` / ``——…纪实``). RETURNS (tuple): headline, subtitle or None."""
    for k in range(1, len(block.lines)):
        if block.lines[k].text.startswith("——"):
            return Cleaned.join(block.lines[:k]), Cleaned.join(block.lines[k:])
    return block.text, None


def _own_line(text: Cleaned) -> Cleaned:
    """A crosshead inside the body: on a line of its own."""
    return Cleaned("\n" + text.text + "\n", (-1, *text.offsets, -1))


