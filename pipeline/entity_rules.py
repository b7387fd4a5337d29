"""What a newspaper needs beyond the NER model: the ``news_entity_rules`` stage.

- names credited in the dateline and captions are PERSON wherever they occur;
- the media of the credit line (``XX日报·掌上XX``) are ORG, one per part;
- the organisation inside a title is an ORG (``市委`` of ``市委副书记``, GUIDELINES §3);
- self-references (``我市``), level words and single characters are not entities.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .tag import NOT_ENTITIES, char_span, merge_ents
from .titles import find_titles

# Pen-names of publicity offices sit in the correspondent slot but are not people.
_PEN_NAME = re.compile(r"^(?:纪宣|宣传|组宣|政宣|文宣|公宣|检宣|法宣|融媒)$")


@Language.factory("news_entity_rules", requires=["doc.ents"], assigns=["doc.ents"],
                  default_config={"credits": True, "title_orgs": True})
def make_news_entity_rules(nlp: Language, name: str, credits: bool,
                           title_orgs: bool) -> "NewsEntityRules":
    """Create the newspaper entity rules.

    credits (bool): tag credited names and the credit line's media.
    title_orgs (bool): tag the organisation part of officials' titles as ORG.
    """
    return NewsEntityRules(name, credits=credits, title_orgs=title_orgs)


class NewsEntityRules:
    """Rule-based corrections on top of the statistical entities."""

    def __init__(self, name: str, credits: bool = True, title_orgs: bool = True) -> None:
        self.name = name
        self.credits = credits
        self.title_orgs = title_orgs

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        """doc (Doc): a tagged story. RETURNS (list[Span]): spans the rules assert."""
        spans: list[Span] = []
        meta = doc._.story or {}
        if self.credits:
            names = [n for key in ("reporters", "correspondents", "photographers")
                     for n in meta.get(key) or [] if not _PEN_NAME.match(n)]
            spans += self._occurrences(doc, names, "PERSON", "PERSON")
            media = [m for m in re.split(r"[·•・]", meta.get("media") or "") if len(m) >= 2]
            spans += self._occurrences(doc, [m for m in media if m != "本报"], "ORG", "ORG")
        if self.title_orgs:
            persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            for mention in find_titles(doc.text, persons):
                for title in mention.titles:
                    if title.org:
                        span = char_span(doc, *title.org, "ORG", "ORG", self.name)
                        if span is not None and span.text not in NOT_ENTITIES:
                            spans.append(span)
        return spans

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Assert the rule spans, then drop what is never an entity."""
        merge_ents(doc, spans, overwrite=True)
        doc.ents = [e for e in doc.ents if _keep(e)]

    def _occurrences(self, doc: Doc, strings: list[str], label: str, fine: str) -> list[Span]:
        spans = []
        for string in dict.fromkeys(strings):
            for match in re.finditer(re.escape(string), doc.text):
                span = char_span(doc, match.start(), match.end(), label, fine, self.name)
                if span is not None:
                    spans.append(span)
        return spans


def _keep(ent: Span) -> bool:
    """Self-references, level words and lone characters are not entities."""
    text = ent.text.strip()
    if ent.label_ in ("PERSON", "ORG", "PLACE"):
        return len(text) >= 2 and text not in NOT_ENTITIES
    return bool(text)
