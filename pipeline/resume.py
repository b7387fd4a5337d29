"""``--resume``: which finished documents of earlier tables to keep, and what is left to do.

A table is a sequence of page blocks: each page's rows, its ``doc`` row last (pages are
always written whole, in one piece). A block is kept when its ``doc`` row has
``status: ok`` and names the same file (resolved path), the same content (SHA-256), the
same ``doc`` name and story-id prefix as now; failed documents are redone, and blocks of
files no longer in the input are dropped (and counted). The sources are the table and the
temporary files killed runs left beside it; a truncated last line or a page without its
``doc`` row (a run killed mid-write) is ignored. Only ``doc`` and ``story`` lines are parsed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .readers import PageFile, file_digest

_DOC = b'{"kind": "doc"'
_STORY = b'{"kind": "story"'


@dataclass
class Block:
    """One page's rows in a table file.

    source (Path): the file.
    start, end (int): byte offsets of its lines.
    row (dict): its ``doc`` row.
    story_ids (list[str]): the ids of its stories.
    """

    source: Path
    start: int
    end: int
    row: dict
    story_ids: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """What a resumed run keeps and does.

    keep (list[Block]): finished pages to copy into the new table.
    todo (list[PageFile]): pages to process.
    retried (int): pages that had failed and are done again.
    changed (int): table entries of current files whose content or name changed since.
    dropped (list[str]): documents of earlier tables no longer in the input.
    """

    keep: list[Block]
    todo: list[PageFile]
    retried: int = 0
    changed: int = 0
    dropped: list[str] = field(default_factory=list)


def read_blocks(path: Path) -> list[Block]:
    """The complete page blocks of a table file (an unreadable file has none).

    path (Path): a JSONL table or a leftover temporary table.
    RETURNS (list[Block]): in file order.
    """
    blocks: list[Block] = []
    try:
        fh = open(path, "rb")
    except OSError:
        return blocks
    with fh:
        start = offset = 0
        story_ids: list[str] = []
        for line in fh:
            offset += len(line)
            if not line.endswith(b"\n"):
                break  # cut off by a kill
            if line.startswith(_STORY):
                row = _parsed(line)
                if row is None:
                    start, story_ids = offset, []  # a damaged page: skip it
                else:
                    story_ids.append(str(row.get("story_id")))
            elif line.startswith(_DOC):
                row = _parsed(line)
                if row is not None:
                    blocks.append(Block(path, start, offset, row, story_ids))
                start, story_ids = offset, []
    return blocks


def _parsed(line: bytes) -> dict | None:
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return row if isinstance(row, dict) else None


def plan_resume(sources: list[Path], pages: list[PageFile]) -> Plan:
    """Match earlier tables' finished pages to the current input.

    sources (list[Path]): the table first, then leftover temporary tables.
    pages (list[PageFile]): the current input.
    RETURNS (Plan): what to keep and what to do.
    """
    # A link and its target are two documents: the key is the resolved path and the name.
    by_key = {(page.key, page.doc): page for page in pages}
    by_path = {page.key for page in pages}
    digests: dict[str, str | None] = {}
    keep: dict[tuple, Block] = {}
    seen_failed: set[tuple] = set()
    seen_other: set[tuple] = set()
    dropped: list[str] = []
    for i, source in enumerate(sources):
        for block in read_blocks(source):
            key = (block.row.get("path"), block.row.get("doc"))
            page = by_key.get(key) if all(isinstance(k, str) for k in key) else None
            if page is None:
                if i == 0:
                    (seen_other.add(key) if key[0] in by_path
                     else dropped.append(str(block.row.get("doc"))))
                continue
            if key in keep:
                continue
            if block.row.get("status") != "ok":
                seen_failed.add(key)
                continue
            if page.key not in digests:
                digests[page.key] = file_digest(page.path)
            prefix = f"{page.story_prefix}-s"
            if (block.row.get("sha256") == digests[page.key] and digests[page.key]
                    and all(sid.startswith(prefix) for sid in block.story_ids)):
                keep[key] = block
            else:
                seen_other.add(key)
    done = [(p.key, p.doc) in keep for p in pages]
    todo = [page for page, kept in zip(pages, done) if not kept]
    return Plan(keep=[keep[(p.key, p.doc)] for p, kept in zip(pages, done) if kept], todo=todo,
                retried=len(seen_failed - keep.keys()),
                changed=len(seen_other - keep.keys() - seen_failed), dropped=dropped)


def copy_blocks(blocks: list[Block], write) -> int:
    """Copy kept blocks, file by file in offset order.

    blocks (list[Block]): the blocks.
    write (Callable[[bytes], None]): where their bytes go.
    RETURNS (int): how many lines were copied.
    """
    lines = 0
    by_source: dict[Path, list[Block]] = {}
    for block in blocks:
        by_source.setdefault(block.source, []).append(block)
    for source, chosen in by_source.items():
        with open(source, "rb") as fh:
            for block in sorted(chosen, key=lambda b: b.start):
                fh.seek(block.start)
                data = fh.read(block.end - block.start)
                lines += data.count(b"\n")
                write(data)
    return lines
