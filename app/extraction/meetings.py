"""Meetings: each encounter an article reports, with its participants, date, place, status and topics."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from app.extraction import places
from app.extraction.dates import ResolvedDate
from app.extraction.people import current_role, role_in_sentence
from app.extraction.records import MeetingFact, PersonFact
from app.extraction.sentences import Sentence, dates_in
from app.extraction.vocabulary import (
    ALSO_PRESENT,
    FORUM,
    GENERIC_TOPIC_HEADS,
    MEETING_NOUNS,
    MEETING_VERBS,
    PLANNING_HEADS,
    PLURAL_GROUPS,
    PRESENT_VERBS,
    TITLE_WORDS,
    TOPICS,
    VENUE,
)

_PLANNED = re.compile(
    r"\b(?:will|shall|is to|are to|(?:is|are) (?:expected|set|scheduled|due|planning|going) to|plans? to"
    r"|intends? to|hopes? to|would)\b",
    re.I,
)
_MEETING_BACK_REFERENCE = re.compile(
    r"\b(?:the|their|this) (?:meeting|talks|encounter|conversation|visit)\b[^.]*?\b"
    r"(?:took place|was held|were held|happened|was hosted|took part)\b",
    re.I,
)
_DISCUSSION = re.compile(r"\b(?:discuss\w*|talk\w* about|focus\w* on|agreed|spoke about|exchanged views)\b", re.I)
_DISCUSSION_SUBJECT = re.compile(
    r"\b(?:we|they|participants|the pair|both|the (?:two |three )?(?:sides?|parties|men|women|leaders?|officials?|"
    r"ministers?|presidents?|ambassadors?|delegations?|counterparts?|chancellor|secretary general|prime ministers?))\b",
    re.I,
)
_BARE_EVENTS = frozenset({"summit", "conference", "forum", "meeting", "talks", "session", "visit"})
_EVENT = re.compile(r"\b(?:summit|conference|forum)\b", re.I)
_EVENT_BACK_REFERENCE = re.compile(r"\bthe (?:summit|conference|forum|gathering)\b", re.I)


def _is_person_token(sentence: Sentence, token: Token) -> bool:
    offset = sentence.body_offset(token.idx)
    return any(m.start <= offset < m.end and not m.pronoun for m in sentence.mentions)


def _subtree_has_person(sentence: Sentence, token: Token) -> bool:
    return any(_is_person_token(sentence, t) for t in token.subtree)


def _joint_subjects(sentence: Sentence, verb: Token) -> int:
    """How many named people the verb's subject holds ("X and President Y signed")."""
    keys = set()
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        start = sentence.body_offset(subject.left_edge.idx)
        end = sentence.body_offset(subject.right_edge.idx + len(subject.right_edge.text))
        keys |= {m.key for m in sentence.mentions if not m.pronoun and start <= m.start < end}
    return len(keys)


def _meeting_trigger(sentence: Sentence) -> Token | None:
    for token in sentence.span:
        lemma = token.lemma_.lower()
        # "received X", "hosted X": a named person after the verb is its guest, however parsed.
        if (
            token.pos_ in {"VERB", "AUX"}
            and lemma in MEETING_VERBS
            and (
                lemma == "meet"
                or any(_is_person_token(sentence, t) for t in sentence.span[token.i - sentence.span.start + 1 :])
            )
        ):
            return token
        if lemma == "talk" and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
            return token
        # "sat down with X"
        if (
            lemma == "sit"
            and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children)
            and any(
                c.dep_ == "prep" and c.lower_ == "with" and _subtree_has_person(sentence, c) for c in token.children
            )
        ):
            return token
        # "X and Y signed an agreement": signing together is meeting.
        if lemma == "sign" and token.pos_ == "VERB" and _joint_subjects(sentence, token) >= 2:
            return token
        if (
            token.pos_ == "NOUN"
            and lemma in MEETING_NOUNS
            and (
                token.head.lemma_ in {"hold", "have", "conduct"}
                or any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in token.children)
            )
        ):
            return token
        if lemma in PRESENT_VERBS and any(
            c.dep_ in {"prep", "dative"} and c.lower_ == "to" and _subtree_has_person(sentence, c)
            for c in token.children
        ):
            return token
    if re.search(r"\bjoint (?:press conference|statement|news conference)\b", sentence.text, re.I):
        return sentence.span[0]
    return None


def _is_planned(sentence: Sentence, trigger: Token, when: ResolvedDate | None, published: date) -> bool:
    if when is not None and when.value > published:
        return True
    head = trigger
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in head.children):
            return True
        if head.lemma_.lower() in PLANNING_HEADS and head is not trigger:
            return True
        if head.head is head:
            break
        head = head.head
    before = sentence.text[: trigger.idx - sentence.span.start_char]
    return bool(_PLANNED.search(before[-60:]))


_IN_PLACE = re.compile(
    r"\b(?:in|(?:travel\w*|trip|journey|head\w*|fl(?:y|ies|ew|ying)) to|visit(?:s|ed|ing)?|arriv\w+ in) (?:the )?"
    r"([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})"
)


_NAMED_AFTER_CITY = re.compile(r"\b((?:[A-Z][\w'’-]+ ){1,3})(?:summit|Summit|Conference|Forum|Dialogue)\b")


def _qualifies_something(ent: Span) -> bool:
    # "Ukraine's President", "U.S. President", "President of Ukraine": a place naming an office, not a venue.
    doc = ent.doc
    following = doc[ent.end] if ent.end < len(doc) else None
    if following is not None and (following.tag_ == "POS" or following.lower_ in TITLE_WORDS):
        return True
    before = doc[max(ent.start - 3, 0) : ent.start]
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].pos_ == "PROPN":
        return True  # "Anna Koval of Ukraine"
    return bool(re.search(r"\b(?:" + "|".join(TITLE_WORDS) + r") (?:of|to)(?: the)?$", before.text.lower()))


def _location(sentence: Sentence, after: int = 0) -> tuple[str | None, str | None, str | None]:
    venue = city = country = None
    for ent in sentence.span.ents:
        if ent.label_ not in {"GPE", "LOC"} and ent.start_char < after:
            continue
        if _qualifies_something(ent):
            continue
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I).strip()
        lowered = text.lower()
        before = ent.start - 1
        while before > 0 and sentence.span.doc[before].dep_ == "det":
            before -= 1
        previous = sentence.span.doc[before].lower_ if before >= 0 else ""
        if (
            ent.label_ in {"FAC", "ORG"}
            and venue is None
            and (
                previous == "at" or (previous in {"to", "in", "inside"} and (ent.label_ == "FAC" or VENUE.search(text)))
            )
        ):
            if places.country(lowered) is not None or places.city_country(lowered) is not None:
                continue
            venue = text
        elif ent.label_ in {"GPE", "LOC"}:
            if places.country(lowered) is not None:
                country = country or places.country(lowered)
            elif places.city_country(lowered) is not None:
                city = city or text
                country = country or places.city_country(lowered)
            elif previous in {"in", "at"} and city is None:
                city = text
    # Places the model did not tag, found in the gazetteer ("in Kyiv").
    for match in _IN_PLACE.finditer(sentence.text):
        name = match.group(1) if places.country(match.group(1)) is not None else match.group(1).rstrip(".")
        lowered = name.lower()
        if places.city_country(lowered) is not None and city is None:
            city = name
        elif places.country(lowered) is not None and country is None:
            country = places.country(lowered)
    # "the Munich Security Conference", "the Vilnius summit": an event named after its city.
    if city is None and venue is None:
        for match in _NAMED_AFTER_CITY.finditer(sentence.text):
            words = match.group(1).split()
            city = next(
                (" ".join(words[:n]) for n in (2, 1) if places.city_country(" ".join(words[:n]).lower()) is not None),
                None,
            )
            if city is not None:
                break
    # A city the gazetteer knows settles the country.
    if city is not None and places.city_country(city.lower()) is not None:
        country = places.city_country(city.lower())
    return venue, city, country


def _topics(text: str) -> list[str]:
    return [topic for pattern, topic in TOPICS if pattern.search(text)]


def _phrase(head: Token) -> str | None:
    # The object's own words, without its conjuncts, determiners or possessive pronouns.
    skip = {t.i for conj in head.conjuncts for t in conj.subtree}
    tokens = [t for t in head.subtree if t.i not in skip and t.dep_ not in {"cc", "punct"}]
    while tokens and (tokens[0].dep_ in {"det", "predet"} or tokens[0].tag_ == "PRP$"):
        tokens = tokens[1:]
    if not tokens or head.pos_ == "PRON" or head.lemma_.lower() in GENERIC_TOPIC_HEADS:
        return None
    if len(tokens) > 6:
        tokens = tokens[:6]
        while tokens and tokens[-1].pos_ in {"ADP", "DET", "PART", "CCONJ"}:
            tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text if tokens[0].pos_ == "PROPN" else text[0].lower() + text[1:]


def _discussed(sentence: Sentence) -> list[str]:
    """What a sentence says was discussed: objects of "discuss", "talks on X", "agreement on X"."""
    heads: list[Token] = []
    for token in sentence.span:
        lemma = token.lemma_.lower()
        if lemma == "discuss" or (lemma == "sign" and token.pos_ == "VERB"):
            heads += [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        if lemma in {"talk", "agreement", "deal", "memorandum", "focus", "meeting", "hold", "conversation"}:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"on", "about", "over", "regarding"}:
                    heads += [c for c in prep.children if c.dep_ == "pobj"]
        if token.lower_ == "sidelines":
            for prep in token.children:
                if prep.lower_ == "of":
                    heads += [c for c in prep.children if c.dep_ == "pobj"]
    phrases = []
    for head in heads:
        if head.ent_type_ in {"DATE", "TIME"}:  # "held on 17 October"
            continue
        for member in (head, *head.conjuncts):
            phrase = _phrase(member)
            # "at the summit" says where, not what about.
            if phrase and re.search(r"[a-z]", phrase) and phrase.lower() not in _BARE_EVENTS:
                phrases.append(phrase)
    return phrases


def _meeting_topics(sentence: Sentence) -> list[str]:
    lexicon = _topics(sentence.text)
    extra = [p for p in _discussed(sentence) if not _topics(p)]
    return lexicon + extra + _forums(sentence.text)


def _forums(text: str) -> list[str]:
    return [m.group(1).strip() for m in FORUM.finditer(text) if "nato-ukraine" not in m.group(1).lower()]


def _format_date(value: date, precision: str) -> str:
    if precision == "year":
        return f"in {value.year}"
    if precision == "month":
        return f"in {value:%B %Y}"
    return f"on {value.day} {value:%B %Y}"


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _meeting_summary(fact: MeetingFact, people: dict[str, PersonFact]) -> str:
    names = [people[key].name for key, _ in fact.participants]
    verb = "are expected to meet" if fact.status == "planned" else "met"
    if len(names) == 1:
        verb = "is expected to meet" if fact.status == "planned" else "met"
    text = f"{_join_names(names)} {verb}"
    if fact.groups:
        text += " with " + _join_names(fact.groups)
    if fact.location_name:
        text += f" at {fact.location_name}"
    place = fact.location_city or fact.location_country
    if place:
        text += f" in {place}"
    text += " " + _format_date(fact.date, fact.date_precision)
    if fact.topics:
        text += " to discuss " + _join_names(fact.topics[:3])
    return text + "."


def find_meetings(sentences: list[Sentence], people: dict[str, PersonFact], *, published: date) -> list[MeetingFact]:
    """Find each encounter between named people; attach later location and discussion sentences."""
    meetings: list[MeetingFact] = []
    last: MeetingFact | None = None
    last_at = -10
    events: list[Sentence] = []  # sentences naming a summit or conference, for "the summit" to refer back to
    for sentence in sentences:
        if _EVENT.search(sentence.text):
            events.append(sentence)
        trigger = _meeting_trigger(sentence)
        participants = [k for k in sentence.people() if k in people] if trigger is not None else []
        groups = [m.group(1) for m in PLURAL_GROUPS.finditer(sentence.text)] if trigger is not None else []
        if trigger is not None and (len(participants) >= 2 or (participants and groups)):
            dates = dates_in(sentence, base=published, prefer="past")
            when = dates[0][0] if dates else None
            planned = _is_planned(sentence, trigger, when, published)
            if planned and when is not None and when.value < published:
                future = dates_in(sentence, base=published, prefer="future")
                when = future[0][0] if future else when
            when = when or ResolvedDate(published, "day")
            venue, city, country = _location(sentence, after=trigger.idx)
            # "on the sidelines of the summit": where the summit named before was held.
            if not (venue or city or country) and _EVENT_BACK_REFERENCE.search(sentence.text):
                venue, city, country = _last_event_place(events)
            fact = MeetingFact(
                participants=[(k, _role_label(people[k], sentence, when.value)) for k in participants],
                date=when.value,
                date_precision=when.precision,
                status="planned" if planned else "held",
                summary="",
                evidence=[sentence.evidence()],
                groups=groups,
                topics=_meeting_topics(sentence),
                location_name=venue,
                location_city=city,
                location_country=country,
            )
            meetings.append(fact)
            last, last_at = fact, sentence.index
            continue
        if last is None or sentence.index - last_at > 8:
            continue
        if ALSO_PRESENT.search(sentence.text):
            known = {k for k, _ in last.participants}
            last.participants += [
                (k, _role_label(people[k], sentence, last.date))
                for k in sentence.people()
                if k in people and k not in known
            ]
        elif _MEETING_BACK_REFERENCE.search(sentence.text):
            venue, city, country = _location(sentence)
            last.location_name = last.location_name or venue
            last.location_city = last.location_city or city
            last.location_country = last.location_country or country
            last.topics += [t for t in _meeting_topics(sentence) if t not in last.topics]
        elif _DISCUSSION.search(sentence.text) and (
            _DISCUSSION_SUBJECT.search(sentence.text) or set(sentence.people()) & {k for k, _ in last.participants}
        ):
            last.topics += [t for t in _meeting_topics(sentence) if t not in last.topics]
    merged = _merge_meetings(meetings)
    for fact in merged:
        fact.topics = _unique_ignoring_case(fact.topics)
        fact.summary = _meeting_summary(fact, people)
    return merged


def _last_event_place(events: list[Sentence]) -> tuple[str | None, str | None, str | None]:
    """Where the latest summit or conference with a place named was."""
    places = (_location(event) for event in reversed(events))
    return next((place for place in places if any(place)), (None, None, None))


def _unique_ignoring_case(texts: list[str]) -> list[str]:
    seen: set[str] = set()
    return [t for t in texts if not (t.lower() in seen or seen.add(t.lower()))]


def _role_label(person: PersonFact, sentence: Sentence, on: date) -> str | None:
    role = role_in_sentence(person, sentence) or current_role(person, on=on)
    return role.label if role else None


def _merge_meetings(meetings: list[MeetingFact]) -> list[MeetingFact]:
    merged: list[MeetingFact] = []
    for fact in meetings:
        keys = {k for k, _ in fact.participants}
        twin = next(
            (m for m in merged if {k for k, _ in m.participants} == keys and m.date == fact.date),
            None,
        )
        if twin is None:
            merged.append(fact)
            continue
        twin.evidence += fact.evidence
        twin.groups += [g for g in fact.groups if g not in twin.groups]
        twin.topics += fact.topics
        twin.location_name = twin.location_name or fact.location_name
        twin.location_city = twin.location_city or fact.location_city
        twin.location_country = twin.location_country or fact.location_country
    return merged
