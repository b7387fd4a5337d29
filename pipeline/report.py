"""Reading one story's annotations: displaCy colours per label, and a small HTML report
(entities in the text, officials with their titles, events with participants and roles).

``DISPLACY_OPTIONS`` gives each label its own colour::

    displacy.render(doc, style="ent", options=DISPLACY_OPTIONS)

(the colours are also registered with ``registry.displacy_colors``, so a plain
``displacy.render(doc, style="ent")`` uses them once this package is installed).
``story_html(doc)`` is the report of one story; ``save_story_html(doc, path)`` writes it.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from spacy import displacy
from spacy.tokens import Doc
from spacy.util import registry

# One distinct colour per label (spaCy's default gives PLACE and FIGURE the same grey).
LABEL_COLOURS = {
    "PERSON": "#f4a582",   # salmon
    "ORG": "#92c5de",      # light blue
    "PLACE": "#a6d96a",    # green
    "DATE": "#fee08b",     # yellow
    "FIGURE": "#c2a5cf",   # lilac
    "OFFICIAL": "#fdae61",  # orange: the ``official`` span group (title + name)
}
DISPLACY_OPTIONS = {"ents": ["PERSON", "ORG", "PLACE", "DATE", "FIGURE"],
                    "colors": LABEL_COLOURS}

_STYLE = """
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", sans-serif;
       max-width: 56em; margin: 2em auto; line-height: 1.6; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.meta { color: #555; }
.evidence { color: #555; font-size: 0.9em; }
"""


@registry.displacy_colors("zhnews.label_colours.v1")
def label_colours() -> dict[str, str]:
    """RETURNS (dict[str, str]): the label colours, for displaCy's default rendering."""
    return dict(LABEL_COLOURS)


def entities_html(doc: Doc) -> str:
    """doc (Doc): an annotated story. RETURNS (str): displaCy's entity markup, line breaks
    kept, one colour per label."""
    return displacy.render(doc, style="ent", options=DISPLACY_OPTIONS, page=False,
                          jupyter=False)  # markup even inside a notebook


def story_html(doc: Doc, title: str | None = None) -> str:
    """A self-contained HTML page about one story.

    doc (Doc): a story annotated by the pipeline (e.g. from :func:`pipeline.annotate`).
    title (str | None): the page title; the headline when None.
    RETURNS (str): the HTML: headline and credits, the text with its entities, a table of
        officials and their titles, and each event with its participants and roles.
    """
    story = doc._.story or {}
    headline = story.get("headline") or title or "story"
    parts = [f"<h1>{escape(headline)}</h1>"]
    meta = [story.get("dateline"), doc._.pub_date and f"published {doc._.pub_date}",
            doc._.city and f"city {doc._.city}"]
    if any(meta):
        parts.append(f'<p class="meta">{escape(" · ".join(m for m in meta if m))}</p>')
    parts += ["<h2>Entities</h2>", entities_html(doc)]
    officials = doc._.officials or []
    parts.append(f"<h2>Officials ({len(officials)})</h2>")
    parts.append(_table(["name", "titles"],
                        [[o["name"], "、".join(o["titles"])] for o in officials]))
    events = doc._.events or []
    parts.append(f"<h2>Events ({len(events)})</h2>")
    people = doc._.participations or []
    for event in events:
        facts = [event.get("type"), event.get("date"), event.get("place")]
        parts.append(f"<h3>{escape(event['name'])} "
                     f'<span class="meta">({escape(" · ".join(f for f in facts if f))})</span></h3>')
        parts.append(f'<p class="evidence">{escape(event.get("evidence") or "")}</p>')
        mine = [p for p in people if p["event_id"] == event["event_id"]]
        parts.append(_table(["person", "role", "titles"],
                            [[p["person"], p["role"], "、".join(p["titles"])] for p in mine]))
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>{escape(title or headline)}</title><style>{_STYLE}</style></head>"
            f"<body>\n{body}\n</body></html>\n")


def save_story_html(doc: Doc, path: str | Path) -> Path:
    """Write :func:`story_html` to ``path``. RETURNS (Path): the file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(story_html(doc), encoding="utf-8")
    return path


def _table(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "<p>none</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"
