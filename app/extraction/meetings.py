"""Meetings: each encounter an article reports, with its participants, date, place, status and topics."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

from app.extraction import places
from app.extraction.dates import ResolvedDate
from app.extraction.people import current_role, role_in_sentence
from app.extraction.records import MeetingFact, PersonFact, UnnamedParticipant
from app.extraction.sentences import Sentence, date_of_saying, dates_in, governing_verb
from app.extraction.vocabulary import (
    ALSO_PRESENT,
    FORUM,
    GENERIC_TOPIC_HEADS,
    JOINT_APPEARANCE,
    ORGANIZATION_SIDES,
    ORGANIZATIONS,
    PLANNING_HEADS,
    PLURAL_GROUPS,
    PRESENT_VERBS,
    SPEECH_VERBS,
    TITLE_WORDS,
    VENUE,
    pattern_file,
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
_SAME_DAY = re.compile(r"\b(?:the same|that) (?:day|evening|morning|afternoon|night)\b", re.I)
_BARE_EVENTS = frozenset({"summit", "conference", "forum", "meeting", "talks", "session", "visit"})
_EVENT = re.compile(r"\b(?:summit|conference|forum)\b", re.I)
_EVENT_BACK_REFERENCE = re.compile(r"\bthe (?:summit|conference|forum|gathering)\b", re.I)
_OCCASION_BACK_REFERENCE = re.compile(r"\b(?:the|this|that) (?:visit|trip|ceremony|occasion|event|meeting)\b", re.I)


# ---------------------------------------------------------------- triggers: the phrasings of patterns/meetings.json


@functools.cache
def meeting_patterns() -> list[dict[str, Any]]:
    """The meeting phrasings, as data: name, an example sentence, a DependencyMatcher pattern."""
    return pattern_file("meetings.json")["patterns"]


_MATCHERS: dict[int, DependencyMatcher] = {}


def meeting_matcher(vocab: Vocab) -> DependencyMatcher:
    """A DependencyMatcher of every meeting phrasing, built once per vocabulary."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        from spacy.matcher import DependencyMatcher

        matcher = DependencyMatcher(vocab)
        for entry in meeting_patterns():
            matcher.add(entry["name"], [entry["pattern"]])
        _MATCHERS[id(vocab)] = matcher
    return matcher


@dataclass(frozen=True)
class Trigger:
    """The word an encounter hangs on, and the phrasing that found it."""

    token: Token
    phrasing: str


@functools.cache
def _anchor_lemmas() -> frozenset[str] | None:
    """The lemmas a phrasing's first token (the trigger) may have; None if some phrasing leaves it open."""
    lemmas: set[str] = set()
    for entry in meeting_patterns():
        lemma = entry["pattern"][0]["RIGHT_ATTRS"].get("LEMMA")
        if isinstance(lemma, str):
            lemmas.add(lemma)
        elif isinstance(lemma, dict) and set(lemma) == {"IN"}:
            lemmas |= set(lemma["IN"])
        else:
            return None
    return frozenset(lemmas)


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every meeting trigger of a doc, in text order, once each, negated ones ("did not meet") left out."""
    # A doc with no possible trigger word cannot match: a third of paragraphs, skipped for the matcher's cost.
    anchors = _anchor_lemmas()
    if anchors is not None and not any(token.lemma_ in anchors for token in doc):
        return []
    matcher = meeting_matcher(doc.vocab)
    found: dict[int, Trigger] = {}
    for match_id, token_ids in matcher(doc):
        token = doc[token_ids[0]]
        if token.i not in found and not _negated(token):
            found[token.i] = Trigger(token, doc.vocab.strings[match_id])
    return [found[i] for i in sorted(found)]


def _negated(token: Token) -> bool:
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    if verb is not None and verb.dep_ in {"xcomp", "pcomp"} and verb.head.lemma_.lower() in _FAILING:
        return True  # "after failing to meet the Chancellor", "refused to meet"
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


_FAILING = frozenset({"fail", "refuse", "decline", "cancel", "postpone", "scrap"})


# ---------------------------------------------------------------- participants: the trigger's arguments

_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "acl", "csubj", "parataxis", "pcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_BOTH_SIDES = re.compile(r"^(?:the )?(?:two|pair|both)\b", re.I)


_BODY_WORDS = ORGANIZATION_SIDES | {
    "ministry",
    "parliament",
    "assembly",
    "board",
    "union",
    "alliance",
    "agency",
    "bank",
    "fund",
    "court",
    "group",
    "organisation",
    "organization",
    "forum",
    "office",
    "secretariat",
    "chiefs",
    "senate",
    "congress",
}


def _names_a_body(ent: Span) -> bool:
    """Whether an entity the model calls an organisation reads as one ("the North Atlantic Council", "NATO"),
    not as a person's name it mistook ("Baiba Braze met ...")."""
    words = [t for t in ent if t.lower_ != "the"]
    return " ".join(t.lower_ for t in words) in ORGANIZATIONS or any(
        t.lower_ in _BODY_WORDS or (t.is_upper and len(t) > 1) for t in words
    )


def _argument_heads(trigger: Token) -> list[Token]:
    """The heads of the phrases that name who met: subjects, objects, "with" and "by" phrases."""
    heads: list[Token] = []
    verb: Token | None = trigger
    if trigger.pos_ not in {"VERB", "AUX"}:
        # "a meeting with X", "held talks": the other side hangs on the noun, the subject on the verb above it.
        heads += _prepositional(trigger, {"with", "between"})
        verb = governing_verb(trigger)
    if verb is None:
        return heads
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}:
            heads.append(child)
        elif child.dep_ == "agent":
            heads += [c for c in child.children if c.dep_ == "pobj"]
    heads += _prepositional(verb, {"with", "between", *(("to",) if verb.lemma_ in PRESENT_VERBS else ())})
    # "Lindqvist, accompanied by Berg, ...": whom the participle describes is there too.
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        heads.append(verb.head)
    # "is expected to meet X", "will travel to Berlin to meet X", "hosted and convened": the subject is above.
    climb = verb
    while not any(h.dep_ in _SUBJECTS for h in heads) and climb.dep_ in {"xcomp", "conj", "advcl", "pcomp"}:
        climb = climb.head
        if climb.dep_ == "prep" and climb.lower_ in _TIME_PREPOSITIONS:
            climb = climb.head  # "X said after meeting Y": the subject of "said"
        heads += [c for c in climb.children if c.dep_ in _SUBJECTS]
    return heads


_TIME_PREPOSITIONS = frozenset({"after", "before", "following", "upon", "on", "during", "while", "since"})


def _prepositional(token: Token, words: set[str]) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in words
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _phrase_tokens(head: Token) -> list[Token]:
    """The tokens of an argument phrase, without the clauses inside it ("since Varga took office")."""
    skipped = {t.i for child in head.children if child.dep_ in _CLAUSES for t in child.subtree}
    return [t for t in head.subtree if t.i not in skipped]


@dataclass
class Sides:
    """Who met: people the article names, and sides it names only by office."""

    named: list[str] = field(default_factory=list)
    unnamed: list[UnnamedParticipant] = field(default_factory=list)
    both_of_before: bool = False  # "the two met": the sides of the meeting before

    def count(self) -> int:
        return len(self.named) + len(self.unnamed)


def read_sides(sentence: Sentence, trigger: Token, people: dict[str, PersonFact]) -> Sides:
    """The participants a trigger's arguments name: mentions, pronouns resolved, and title-only phrases."""
    sides = Sides()
    # Everyone the trigger's own clause names takes part, however the parse attached them ("received X and Y").
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else governing_verb(trigger)
    reporting = set(_reporters(sentence, people))
    if verb is not None:
        offsets = {sentence.body_offset(t.idx) for t in _phrase_tokens(verb)}
        keys = [m.key for m in sentence.mentions if m.start in offsets and m.key in people and m.key not in reporting]
        sides.named += list(dict.fromkeys(keys))
    # Names after the trigger a broken parse hung elsewhere ("welcomed A; B; and C"), unless another clause has them.
    foreign = _foreign_clauses(sentence, trigger)
    after = sentence.body_offset(trigger.idx)
    sides.named += list(
        dict.fromkeys(
            m.key
            for m in sentence.mentions
            if m.start > after
            and m.key in people
            and not m.pronoun
            and m.key not in reporting
            and m.start not in foreign
            and m.key not in sides.named
        )
    )
    for head in _argument_heads(trigger):
        tokens = _phrase_tokens(head)
        if head.dep_ in _SUBJECTS and _BOTH_SIDES.match(sentence.span.doc[tokens[0].i : head.i + 1].text):
            sides.both_of_before = True
            continue
        if head.dep_ in _SUBJECTS and head.ent_type_ == "ORG":
            # "the North Atlantic Council met with ...": a body that meets as one side.
            body = next((e for e in sentence.span.ents if e.start <= head.i < e.end), None)
            if (
                body is not None
                and _names_a_body(body)
                and not any(sentence.body_offset(t.idx) in {m.start for m in sentence.mentions} for t in body)
            ):
                side = UnnamedParticipant(role=re.sub(r"^the\s+", "", body.text, flags=re.I))
                sides.unnamed += [side] if side not in sides.unnamed else []
                continue
        # "his counterpart Andrii Sybiha": a name right after the phrase is its apposition, however parsed.
        following = sentence.span.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < sentence.span.end else None
        offsets = {sentence.body_offset(t.idx) for t in [*tokens, *([following] if following is not None else [])]}
        keys = list(
            dict.fromkeys(
                m.key
                for m in sentence.mentions
                if m.start in offsets and m.key in people and not (m.pronoun and m.text.lower() in _POSSESSIVES)
            )
        )  # "his counterpart" is not he
        sides.named += [k for k in keys if k not in sides.named]
        if not keys:
            unnamed = title_only(sentence, tokens) or _counterpart(head, sides.named, people)
            sides.unnamed += [u for u in unnamed if u not in sides.unnamed]
    return sides


_POSSESSIVES = frozenset({"his", "her", "their", "its"})


def _counterpart(head: Token, named: list[str], people: dict[str, PersonFact]) -> list[UnnamedParticipant]:
    """ "met his Polish counterpart": the other side's office, held for the country the qualifier names."""
    if head.lemma_.lower() != "counterpart" or not named or not people[named[0]].roles:
        return []
    country = next((places.country(t.text) for t in head.lefts if places.country(t.text)), None)
    return [UnnamedParticipant(role=people[named[0]].roles[-1].title, country=country)]


def _foreign_clauses(sentence: Sentence, trigger: Token) -> set[int]:
    """Body offsets of the words in clauses that do not hold the trigger: "since Varga took office"."""
    offsets: set[int] = set()
    for token in sentence.span:
        if token.dep_ in _CLAUSES and not (token.left_edge.i <= trigger.i <= token.right_edge.i):
            offsets |= {sentence.body_offset(t.idx) for t in token.subtree}
    return offsets


def title_only(sentence: Sentence, tokens: list[Token]) -> list[UnnamedParticipant]:
    """Sides named by office alone: "the Prime Minister", "the Foreign Minister of Finland"."""
    found = []
    inside = {t.i for t in tokens}
    for span in sentence.span.doc.spans.get("titles", []):
        head = span[-1]
        # The title heads its phrase ("the Prime Minister"), not a name after it ("Prime Minister Anna Koval").
        if head.i not in inside or head.dep_ in {"compound", "amod"} or not head.text[:1].isupper():
            continue
        words = [t for t in head.lefts if t.dep_ in {"compound", "amod"} and t.i < span.start]
        country = next((places.country(t.text) for t in words if places.country(t.text)), None)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                place = " ".join(t.text for t in prep.subtree if t.dep_ != "det")[3:]
                country = country or places.country(place)
        found.append(UnnamedParticipant(role=span.label_, country=country))
    return found


def title_holder(unnamed: UnnamedParticipant, people: dict[str, PersonFact], taken: list[str]) -> str | None:
    """The one person of the article who holds the office a title-only side names, if there is exactly one."""
    holders = [
        key
        for key, person in people.items()
        if key not in taken
        and any(
            _same_title(role.title, unnamed.role)
            and (unnamed.country is None or role.country in {None, unnamed.country})
            for role in person.roles
        )
    ]
    return holders[0] if len(holders) == 1 else None


def _same_title(a: str, b: str) -> bool:
    """ "Secretary-General" and "Secretary General" are one office."""
    return re.sub(r"[\s-]+", " ", a).lower() == re.sub(r"[\s-]+", " ", b).lower()


def _is_planned(sentence: Sentence, trigger: Token, when: ResolvedDate | None, published: date) -> bool:
    if when is not None and when.value > published:
        return True
    head = trigger
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in head.children):
            return True
        if head.lemma_.lower() in PLANNING_HEADS and head is not trigger:
            return True
        if head.head.i == head.i:
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
        return True  # "Anna Koval of Ukraine", "Minister of Foreign Affairs and European Integration of Montenegro"
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


def _topics(sentence: Sentence) -> list[tuple[str, Span]]:
    """The topics the "topics" pipe marked in a sentence, with where it named them."""
    spans = sentence.span.doc.spans.get("topics", [])
    return [(span.label_, span) for span in spans if sentence.span.start <= span.start < sentence.span.end]


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


def _discussed(sentence: Sentence) -> list[tuple[str, Token]]:
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
                phrases.append((phrase, member))
    return phrases


def _meeting_topics(sentence: Sentence) -> list[str]:
    lexicon = _topics(sentence)
    # A phrase the lexicon names already ("security assistance" as military aid) is not a topic twice.
    named = {t.i for _, span in lexicon for t in span}
    extra = [text for text, head in _discussed(sentence) if not named & {t.i for t in head.subtree}]
    return list(dict.fromkeys(topic for topic, _ in lexicon)) + extra + _forums(sentence.text)


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
    """Find each encounter an article reports; attach later sentences on its place and its topics."""
    meetings: list[MeetingFact] = []
    last: MeetingFact | None = None
    last_at = -10
    events: list[Sentence] = []  # sentences naming a summit or conference, for "the summit" to refer back to
    triggers: dict[int, list[Trigger]] = {}  # per paragraph doc
    antecedents: dict[str, list[str]] = {}  # "a ceremony" with one named person, for "the ceremony" to join
    for sentence in sentences:
        if _EVENT.search(sentence.text):
            events.append(sentence)
        doc = sentence.span.doc
        if id(doc) not in triggers:
            triggers[id(doc)] = find_triggers(doc)
        recent = last if sentence.index - last_at <= 8 else None
        fact = None
        for trigger in triggers[id(doc)]:
            if sentence.span.start <= trigger.token.i < sentence.span.end:
                fact = _meeting(
                    sentence,
                    trigger.token,
                    people,
                    published=published,
                    recent=recent,
                    events=events,
                    antecedents=antecedents,
                    before=sentences[max(0, sentence.index - 3) : sentence.index],
                )
                if fact is not None:
                    break
        if fact is None and JOINT_APPEARANCE.search(sentence.text):
            fact = _meeting(
                sentence,
                sentence.span.root,
                people,
                published=published,
                recent=None,
                events=events,
                antecedents={},
                before=[],
            )
        if fact is not None:
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


def _meeting(
    sentence: Sentence,
    trigger: Token,
    people: dict[str, PersonFact],
    *,
    published: date,
    recent: MeetingFact | None,
    events: list[Sentence],
    antecedents: dict[str, list[str]],
    before: list[Sentence],
) -> MeetingFact | None:
    """The meeting a trigger reports, if it has a named participant and a second side."""
    sides = read_sides(sentence, trigger, people)
    named, unnamed = list(sides.named), []
    for side in sides.unnamed:
        # "the Foreign Secretary" is the Foreign Secretary the article names, when it names exactly one.
        holder = title_holder(side, people, named)
        if holder is not None:
            named.append(holder)
        elif any(
            _same_title(role.title, side.role) and role.country == side.country
            for key in named
            if key in people
            for role in people[key].roles
        ):
            continue  # "the Prime Minister of Georgia, Mamuka Bakhtadze": the one named with it (not "her counterpart")
        elif side not in unnamed:
            unnamed.append(side)
    if sides.both_of_before and recent is not None:
        named += [k for k, _ in recent.participants if k not in named]
        unnamed += [u for u in recent.unnamed_participants if u not in unnamed]
    # "At a ceremony, X spoke. The ceremony was attended by Y and Z": X was at it too.
    for event in _events_referred_to(trigger):
        named += [k for k in antecedents.get(event, []) if k not in named]
    groups = [m.group(1) for m in PLURAL_GROUPS.finditer(sentence.text)]
    if not named or len(named) + len(unnamed) + bool(groups) < 2:
        if len(named) == 1 and trigger.pos_ in {"NOUN", "PROPN"}:
            antecedents[trigger.lemma_.lower()] = named
        # The parse can miss an argument: every person the sentence names, but not whoever reports it.
        reporting = set(_reporters(sentence, people))
        foreign = _foreign_clauses(sentence, trigger)
        named = [
            m.key
            for m in sentence.mentions
            if not m.pronoun and m.key in people and m.key not in reporting and m.start not in foreign
        ]
        named = list(dict.fromkeys(named))
        unnamed = []
        if len(named) < 2 and not (named and groups):
            return None
    when = _meeting_date(sentence, trigger, published)
    if sides.both_of_before and recent is not None and not _own_date(sentence, trigger, published):
        when = ResolvedDate(recent.date, recent.date_precision)  # "the two met": the meeting before
    if when is None and _SAME_DAY.search(sentence.text) and before and before[-1].paragraph == sentence.paragraph:
        # "X landed in Tbilisi on 24 March. He met the Prime Minister the same evening": that day
        when = next((d for d, _ in dates_in(before[-1], base=published) if d.precision == "day"), None)
    planned = _is_planned(sentence, trigger, when, published)
    if planned and when is not None and when.value < published:
        future = dates_in(sentence, base=published, prefer="future")
        when = future[0][0] if future else when
    when = when or ResolvedDate(published, "day")
    venue, city, country = _location(sentence, after=min(trigger.idx, sentence.span.root.idx))
    # "on the sidelines of the summit": where the summit named before was held.
    if not (venue or city or country) and _EVENT_BACK_REFERENCE.search(sentence.text):
        venue, city, country = _last_event_place(events)
    # "During the visit, ...", "The ceremony was attended by ...": where the sentences just before put it.
    if not (venue or city or country) and _OCCASION_BACK_REFERENCE.search(sentence.text):
        venue, city, country = next(
            (place for place in map(_location, reversed(before)) if any(place)), (None, None, None)
        )
    # "X will be in Washington this week. X and Y will discuss ...": the place the sentence before gave X.
    previous = before[-1] if before else None
    if (
        not (venue or city or country)
        and previous is not None
        and previous.paragraph == sentence.paragraph
        and set(named) & {m.key for m in previous.mentions}
    ):
        venue, city, country = _location(previous)
    return MeetingFact(
        participants=[(k, _role_label(people[k], sentence, when.value)) for k in named],
        date=when.value,
        date_precision=when.precision,
        status="planned" if planned else "held",
        summary="",
        evidence=[sentence.evidence()],
        groups=groups,
        unnamed_participants=unnamed,
        topics=_meeting_topics(sentence),
        location_name=venue,
        location_city=city,
        location_country=country,
    )


def _events_referred_to(trigger: Token) -> list[str]:
    """Event nouns the trigger's clause refers back to with "the": "The ceremony was attended by ..."."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else governing_verb(trigger)
    if verb is None:
        return []
    return [
        c.lemma_.lower()
        for c in verb.children
        if c.dep_ in _SUBJECTS and any(d.lower_ == "the" for d in c.children if d.dep_ == "det")
    ]


def _own_date(sentence: Sentence, trigger: Token, published: date) -> bool:
    return any(ent.root.i in {t.i for t in trigger.subtree} for _, ent in dates_in(sentence, base=published))


def _meeting_date(sentence: Sentence, trigger: Token, published: date) -> ResolvedDate | None:
    """The date of the encounter: one said of the trigger's clause, else the first the sentence gives."""
    # "..., his office announced on Thursday": the day it was said is not the day they meet.
    every = dates_in(sentence, base=published, prefer="past")
    dates = [(d, ent) for d, ent in every if not date_of_saying(ent)]
    if not dates and trigger.dep_ == "pcomp" and trigger.head.lower_ in {"after", "following"}:
        dates = every  # "said on Tuesday after meeting her counterpart": met that day
    own = [resolved for resolved, ent in dates if ent.root.i in {t.i for t in trigger.subtree}]
    clause = {t.i for t in (governing_verb(trigger) or trigger).subtree}
    own = own or [resolved for resolved, ent in dates if ent.root.i in clause] or [resolved for resolved, _ in dates]
    # "Earlier in October, ... Oct. 12, 2022": the finest date given wins.
    return min(own, key=lambda d: _PRECISION_RANK[d.precision], default=None)


def _reporters(sentence: Sentence, people: dict[str, PersonFact]) -> list[str]:
    """People who only report the sentence: "..., Whitfield said"."""
    keys = []
    for token in sentence.span:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            for subject in (c for c in token.children if c.dep_ in _SUBJECTS):
                offsets = {sentence.body_offset(t.idx) for t in subject.subtree}
                keys += [m.key for m in sentence.mentions if m.start in offsets and m.key in people]
    return keys


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
