"""What a newspaper needs beyond the NER model: the ``news_entity_rules`` stage.

- names credited in the dateline and captions are PERSON wherever they occur;
- the media of the credit line (``XX日报·掌上XX``) are ORG, one per part;
- the organisation inside a title is an ORG (``市委`` of ``市委副书记``, GUIDELINES §3);
- places from the gazetteer (:mod:`pipeline.tag.gazetteer`) fill the model's gaps, model
  places lose a glued verb (``赴衡阳县``) and glued sub-county chains are split;
- organisations with a distinguishing element (a level prefix ``市/省/县/区``, a place
  or a name the model found, a quoted platform name) are found by their head word
  (``…局``, ``…学校``, ``…财险``), by their context (lead outlets, trades, Latin-script
  names in an organisation's context) or from the organisation lexicon;
- model entities that are not entities are dropped: ordinary words, person "names"
  without a surname, party congresses, generic units (``村团支部``, ``党委人大``);
- self-references (``我市``), level words and single characters are not entities.

The stage runs its rules in this order, one module per theme:

- ``filters.py``: the model's entities trimmed, filtered and repaired;
- ``persons.py``: all mentions of the names found, names the model cut short;
- ``title_orgs.py``: the organisations inside officials' titles;
- ``places.py``: model places repaired, gazetteer places, sections, villages;
- ``org_heads.py``: organisations by their head word, with those of ``org_context.py``
  (outlets, trades, police, the lexicon's names) and ``latin_names.py``;
- ``spans.py``: the span helpers they share.
"""
from __future__ import annotations

import logging
import re
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...serialize import GazetteerSerializer
from .. import doc_text, merge_ents, merged_ents
from ..gazetteer import Gazetteer, load_gazetteer
from .filters import (
    PEN_NAME,
    bare_bureaus,
    clause_orgs,
    country_before_body,
    country_before_outlet,
    country_modal,
    facility_place,
    join_bracketed,
    join_stationed,
    keep,
    located_place,
    office_place,
    place_org,
    place_read_as_org,
    plausible,
    reporting_place,
    shared_head,
    state_place,
    trimmed,
    world_place,
)
from .media import (
    bilateral,
    clause_org,
    credited_name,
    foreign_places,
    furniture,
    joined_schools,
    law_name,
    padded_credits,
    wire_credits,
    person_edges,
    unglued_villages,
    verb_phrase_place,
)
from .org_heads import add_orgs
from .org_repairs import repaired_orgs
from .persons import (
    brand_nicknames,
    handles,
    one_sense_persons,
    person_mentions,
    repair_persons,
    repeated_persons,
    role_named_persons,
)
from .places import (
    add_places,
    address_before_company,
    peoples_units,
    repair_places,
    stem_places,
    zone_places,
)
from .spans import MODEL, occurrences, owners
from .title_orgs import title_org_spans

log = logging.getLogger(__name__)

__all__ = ["MODEL", "NewsEntityRules", "make_news_entity_rules"]


@Language.factory("news_entity_rules", requires=["doc.ents"], assigns=["doc.ents"],
                  default_config={"credits": True, "title_orgs": True, "places": True,
                                  "org_patterns": True, "filters": True, "min_chars": 2,
                                  "split_chains": True})
def make_news_entity_rules(nlp: Language, name: str, credits: bool, title_orgs: bool,
                           places: bool, org_patterns: bool, filters: bool,
                           min_chars: int,
                           split_chains: bool | Literal["levelled"]) -> NewsEntityRules:
    """Create the newspaper entity rules.

    credits (bool): tag credited names and the credit line's media.
    title_orgs (bool): tag the organisation part of officials' titles as ORG.
    places (bool): gazetteer places, village names after a place, model-place repairs.
    org_patterns (bool): organisations found by their head word after a level prefix,
        a place or a name.
    filters (bool): drop model entities that are ordinary words, surname-less person
        names, party congresses and generic units; spread person names to all mentions.
    min_chars (int): shorter PERSON/ORG/PLACE entities are dropped; 2 follows GUIDELINES
        (single-character abbreviations such as 株 in 来株 are not entities), 1 keeps
        them as MSRA-style corpora do (中 in 中美).
    split_chains (bool | str): glued chains of county-level or larger units listed part by
        part (``X省Y市`` → ``X省``, ``Y市``), as GUIDELINES' own annotation lists glued
        chains (``X县Y镇``): true every chain, ``levelled`` only where the first unit
        carries its level, false never (Boson's web-news convention).
    """
    return NewsEntityRules(name, credits=credits, title_orgs=title_orgs, places=places,
                           org_patterns=org_patterns, filters=filters, min_chars=min_chars,
                           split_chains=split_chains)


class NewsEntityRules(GazetteerSerializer):
    """Rule-based corrections on top of the statistical entities.

    split_chains (bool | str): a glued chain of county-level or larger units is listed
        part by part (``X省Y市`` → ``X省``, ``Y市``), as MSRA and the annotated rmrb pages
        do: True (the default) every chain, also after a short form or a country
        (``X Y市``, ``X国Y``); ``"levelled"`` only where the first unit carries its level
        (``X省``, ``X市``); False never, as Boson's web news (sub-county chains,
        ``X县Y镇``, are split either way); the factory's ``split_chains`` setting.
    """

    def __init__(self, name: str, credits: bool = True, title_orgs: bool = True,
                 places: bool = True, org_patterns: bool = True, filters: bool = True,
                 min_chars: int = 2, gazetteer: Gazetteer | None = None,
                 split_chains: bool | str = True) -> None:
        self.name = name
        self.credits = credits
        self.title_orgs = title_orgs
        self.places = places
        self.org_patterns = org_patterns
        self.filters = filters
        self.min_chars = min_chars
        self.split_chains = split_chains
        needs_data = places or org_patterns or filters
        self.gazetteer = gazetteer or (load_gazetteer() if needs_data else None)

    def __call__(self, doc: Doc) -> Doc:
        # The entities stay in a list until the end: every ``doc.ents`` read or write
        # walks all the Doc's tokens.
        ents = list(doc.ents)
        gazetteer, source = self.gazetteer, self.name
        if self.filters:
            repeated = repeated_persons(ents)
            ents = [self._reread(e) for e in (trimmed(e, gazetteer) for e in ents)
                    if plausible(e, gazetteer, repeated)]
            text = doc_text(doc)
            ents = [e for e in ents if not furniture(e, text) and not law_name(e)]
            ents = unglued_villages(doc, ents)
            ents = foreign_places(doc, ents, gazetteer, source)
            ents = person_edges(doc, ents, gazetteer)
            ents = join_bracketed(doc, ents, text)
            ents = join_stationed(doc, ents, doc_text(doc))
            ents = country_before_outlet(doc, ents, gazetteer, source)
            ents = country_before_body(doc, ents, gazetteer, source)
            ents = clause_orgs(doc, ents, gazetteer, source)
            ents = bare_bureaus(doc, ents, gazetteer)
            # (org_repairs.py: stations, bare chambers, clauses glued by 共)
            ents = repaired_orgs(doc, ents, gazetteer, source)
            ents = repair_persons(doc, ents, gazetteer)
            ents, mentions = person_mentions(doc, ents, gazetteer, source)
            ents = merged_ents(ents, mentions, overwrite=False)
            ents = role_named_persons(doc, ents, gazetteer, source)
            ents = handles(doc, brand_nicknames(doc, ents, source), source)
            ents = one_sense_persons(doc, ents, source)
        ents = merged_ents(ents, self.match(doc, ents), overwrite=True)
        if self.credits:
            ents = padded_credits(doc, ents, gazetteer, source)
            ents = wire_credits(doc, ents, gazetteer, source)
        ents = [e for e in ents if keep(e, self.min_chars)]
        if self.places:
            ents = peoples_units(doc, ents, source)
            ents = repair_places(doc, ents, gazetteer, source, self.split_chains)
            ents = add_places(doc, ents, gazetteer, source)
            ents = zone_places(doc, ents, gazetteer, source)
            ents = stem_places(doc, ents, gazetteer, source)
        if self.org_patterns:
            ents = add_orgs(doc, ents, gazetteer, source)
            ents = joined_schools(doc, ents, doc_text(doc), source)
            if self.filters:
                ents = country_before_outlet(doc, ents, gazetteer, source)
        if self.places:
            ents = address_before_company(doc, ents, gazetteer, source, self.split_chains)
            if self.filters:
                ents = place_read_as_org(doc, ents, gazetteer, source)
        text = doc_text(doc)
        # (levels coordinated before one head: ``市、区X办``)
        owner = owners(ents, len(text)) if self.org_patterns and "、" in text else None
        ents = [e for e in ents if keep(e, self.min_chars) and not clause_org(e)
                and not (owner and shared_head(e, text, owner))
                and not (self.places and (verb_phrase_place(e, text) or (
                    self.min_chars >= 2 and bilateral(e))))]
        doc.ents = _disjoint(ents)
        return doc

    def _reread(self, ent: Span) -> Span:
        """One model entity relabelled or cut where its own text and neighbours say so: a
        facility cut to its place, a world place read as a person, an office read as a
        place, a province chain read as an ORG, a place after a locative word, a place
        glued to its verb of reporting."""
        gazetteer, source = self.gazetteer, self.name
        ent = world_place(facility_place(reporting_place(ent, gazetteer, source)), gazetteer,
                          source)
        ent = country_modal(state_place(ent, source), gazetteer, source)
        ent = place_org(office_place(ent, source), gazetteer)
        return located_place(ent, gazetteer, source)

    def match(self, doc: Doc, ents: list[Span] | None = None) -> list[Span]:
        """doc (Doc): a tagged story. ents (list[Span] | None): its entities so far
        (default ``doc.ents``). RETURNS (list[Span]): spans the rules assert."""
        spans: list[Span] = []
        meta = doc._.story or {}
        if self.credits:
            names = [credited_name(n) for key in ("reporters", "correspondents", "photographers")
                     for n in meta.get(key) or [] if not PEN_NAME.match(n)]
            spans += occurrences(doc, names, "PERSON", "PERSON", self.name)
            media = [m for m in re.split(r"[·•・]", meta.get("media") or "") if len(m) >= 2]
            spans += occurrences(doc, [m for m in media if m != "本报"], "ORG", "ORG",
                                 self.name)
        if self.title_orgs:
            ents = doc.ents if ents is None else ents
            spans += title_org_spans(doc, ents, self.gazetteer, self.name)
        return spans

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Assert the rule spans, then drop what is never an entity."""
        merge_ents(doc, spans, overwrite=True)
        doc.ents = [e for e in doc.ents if keep(e, self.min_chars)]


def _disjoint(ents: list[Span]) -> list[Span]:
    """The entities, with the longest kept where two rules' spans overlap: a rule that
    cut a span against a neighbour it did not see must cost that span, not the story."""
    ents = sorted(ents, key=lambda e: (e.start, e.end))
    if all(a.end <= b.start for a, b in zip(ents, ents[1:])):
        return ents
    kept = filter_spans(ents)
    log.debug("overlapping entities dropped: %s",
              [e.text for e in ents if e not in kept])
    return kept
