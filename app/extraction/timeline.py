"""NATO-accession timeline entries: dated steps on a country's path into the alliance."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from app.extraction.dates import ResolvedDate
from app.extraction.records import Evidence, PersonFact, TimelineFact
from app.extraction.sentences import Sentence, dates_in
from app.extraction.vocabulary import (
    APPLICATION,
    BACK_REFERENCE,
    COUNCIL,
    INVITATION,
    LEADERSHIP_CHANGE,
    MEMBERSHIP,
    NATO_BACK_REFERENCE,
    NATO_CONTEXT,
    OTHER_SUMMIT,
    PLAN,
    SPEECH_VERBS,
    SUMMIT,
)

_ROLE_TITLE_PHRASE = re.compile(
    r"\bNATO(?:'s|’s)? (?:Secretary[- ]General|Deputy Secretary General|Supreme Allied Commander Europe)"
    r"|\b(?:Secretary[- ]General|Permanent Representative|Ambassador|Representative)[^.,]{0,30}? (?:of|to) NATO\b",
    re.I,
)
_QUOTE_OPEN = re.compile(r"^[\"“‘']")


def _speakers(sentence: Sentence, people: dict[str, PersonFact]) -> list[str]:
    speakers: list[str] = []
    for token in sentence.span:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in {"VERB", "AUX"}:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    speakers += _keys_in(sentence, child, people)
        if token.lower_ == "according" and token.nbor(1).lower_ == "to" if token.i + 1 < len(token.doc) else False:
            speakers += _keys_in(sentence, token.nbor(1), people)
    return list(dict.fromkeys(speakers))


def _keys_in(sentence: Sentence, token: Token, people: dict[str, PersonFact]) -> list[str]:
    keys = []
    subtree: Span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    start, end = sentence.body_offset(subtree.start_char), sentence.body_offset(subtree.end_char)
    for mention in sentence.mentions:
        if start <= mention.start < end and mention.key in people:
            keys.append(mention.key)
    return keys[:1] if token.pos_ != "PROPN" or not keys else keys


def _nato_related(text: str, *, nato_story: bool, other_summit: bool = False) -> bool:
    """Whether a sentence is about NATO itself, not merely naming an official by a NATO title."""
    text = _ROLE_TITLE_PHRASE.sub("", text)
    if NATO_CONTEXT.search(text):
        return True
    if other_summit:  # "the summit" after "the G7 summit" is the G7's
        text = re.sub(r"\bthe summit\b", "", text, flags=re.I)
    return nato_story and bool(NATO_BACK_REFERENCE.search(text))


def _entry_date(
    sentence: Sentence, published: date, *, prefer: str = "past", day_only: bool = False, by_tense: bool = False
) -> ResolvedDate:
    for resolved, ent in dates_in(sentence, base=published, prefer=prefer, by_tense=by_tense):
        if day_only and resolved.precision != "day":
            continue
        if (
            day_only
            and ent.start > 0
            and sentence.span.doc[ent.start - 1].lower_ not in {"on", "since"}
            and ent.text.lower() not in {"today", "yesterday"}
        ):
            continue
        return resolved
    return ResolvedDate(published, "day")


def _summary(sentence: Sentence) -> str:
    text = re.sub(r"^(?:As reported,|Earlier,|Meanwhile,|However,)\s*", "", sentence.text).strip()
    text = text.strip('"“”')
    return text[0].upper() + text[1:] if text else sentence.text


def find_timeline(sentences: list[Sentence], people: dict[str, PersonFact], *, published: date) -> list[TimelineFact]:
    """Find dated steps on Ukraine's path to NATO membership."""
    entries: list[TimelineFact] = []
    used: set[int] = set()
    paragraph_speaker: dict[int, list[str]] = {}
    nato_story = any(_nato_related(s.text, nato_story=False) for s in sentences)
    for sentence in sentences:
        speakers = _speakers(sentence, people)
        if speakers:
            paragraph_speaker.setdefault(sentence.paragraph, speakers)
    other_summit = False
    for position, sentence in enumerate(sentences):
        if OTHER_SUMMIT.search(sentence.text):
            other_summit = True
        elif NATO_CONTEXT.search(sentence.text) and SUMMIT.search(sentence.text):
            other_summit = False
        if sentence.index in used:
            continue
        text = sentence.text
        nato = _nato_related(text, nato_story=nato_story, other_summit=other_summit)
        named_nato = bool(NATO_CONTEXT.search(text))
        if named_nato and LEADERSHIP_CHANGE.search(text):
            actors = [k for k in sentence.people() if k in people]
            evidence = [sentence.evidence()]
            when = _entry_date(sentence, published, prefer="future", by_tense=True)
            following = sentences[position + 1] if position + 1 < len(sentences) else None
            if following is not None and BACK_REFERENCE.search(following.text):
                actors += [k for k in following.people() if k in people and k not in actors]
                evidence.append(following.evidence())
                used.add(following.index)
                if when.value == published:
                    when = _entry_date(following, published, prefer="future", by_tense=True)
            if actors:
                entries.append(
                    TimelineFact("leadership_change", when.value, when.precision, _summary(sentence), evidence, actors)
                )
                continue
        if not nato:
            continue
        speakers = _speakers(sentence, people)
        if not speakers and _QUOTE_OPEN.match(text):
            speakers = paragraph_speaker.get(sentence.paragraph, [])
        if APPLICATION.search(text):
            entries.append(_entry("application", sentence, _entry_date(sentence, published), []))
        elif speakers:
            when = _entry_date(sentence, published, day_only=True)
            entry = _entry("statement", sentence, when, speakers[:1])
            speaker = people[speakers[0]]
            if not any(name in text for name in (speaker.name, *speaker.aliases)):
                entry.summary = f"{speaker.name}: {entry.summary}"
            entries.append(entry)
        elif SUMMIT.search(text):
            entries.append(_entry("summit", sentence, _entry_date(sentence, published), []))
        elif COUNCIL.search(text):
            entries.append(_entry("council", sentence, _entry_date(sentence, published), speakers))
        elif INVITATION.search(text):
            entries.append(_entry("invitation", sentence, _entry_date(sentence, published), []))
        elif PLAN.search(text) and MEMBERSHIP.search(text):
            entries.append(_entry("plan", sentence, _entry_date(sentence, published), []))
    return _merge_entries(entries)


def _entry(kind: str, sentence: Sentence, when: ResolvedDate, actors: list[str]) -> TimelineFact:
    return TimelineFact(kind, when.value, when.precision, _summary(sentence), [sentence.evidence()], actors)


def _merge_entries(entries: list[TimelineFact]) -> list[TimelineFact]:
    merged: list[TimelineFact] = []
    # The evidence each merged entry holds, as a set: a list scan per entry made a long article quadratic.
    held: dict[int, set[Evidence]] = {}
    for entry in entries:
        twin = next(
            (
                e
                for e in merged
                if e.kind == entry.kind
                and e.date == entry.date
                and (set(e.actors) == set(entry.actors) or e.kind != "statement")
                and (e.actors == [] or entry.actors == [] or set(e.actors) & set(entry.actors))
            ),
            None,
        )
        if twin is None:
            merged.append(entry)
            held[id(entry)] = set(entry.evidence)
            continue
        added = [ev for ev in entry.evidence if ev not in held[id(twin)]]
        twin.evidence += added
        held[id(twin)].update(added)
        twin.actors += [a for a in entry.actors if a not in twin.actors]
    return merged
