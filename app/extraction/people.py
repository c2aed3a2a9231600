"""Find the people an article names, their spelling variants, surnames and roles."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from app.extraction import places
from app.extraction.names import PARTICLES, SUFFIXES, fold, name_parts, person_key, surname_key
from app.extraction.records import PersonFact, RoleFact, fill_office, same_office
from app.extraction.sentences import Mention, Paragraph, Sentence, dates_in
from app.extraction.vocabulary import (
    BACK_REFERENCE,
    MILITARY_RANKS,
    MONTHS,
    NOT_NAME_HEADS,
    ORGANIZATIONS,
    SPEECH_VERBS,
    TITLE_WORDS,
    TITLES,
)

_TITLE_ALT = "|".join(re.escape(title).replace(r"\ ", r"[\s-]+") for title in TITLES)
_CAP = r"[A-Z][\w.'’-]*"
_PHRASE = rf"(?:the\s+)?{_CAP}(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?{_CAP}){{0,5}}"
_ROLE = (
    rf"(?P<former>(?i:former|ex-|then-)\s*)?"
    rf"(?P<qual>(?:{_CAP}\s+){{0,3}}?)"
    rf"(?:(?i:new|next|incoming|acting)\s+)?"
    rf"(?P<title>(?i:{_TITLE_ALT}))"
    rf"(?:\s+(?:of|for)\s+(?P<of>{_PHRASE}))??"
    rf"(?:\s+to\s+(?P<to>{_PHRASE}))?"
)
# Service and rank between a title and a name: "Press Secretary Air Force Brig. Gen. Dana Whitfield".
_RANK_WORDS = "|".join(sorted(MILITARY_RANKS, key=len, reverse=True))
_RANKS = rf"(?:\s+(?:Air Force|Army|Navy|Marine Corps|Coast Guard|Space Force))?(?:\s+(?i:{_RANK_WORDS})\.?)*"
_ROLE_BEFORE = re.compile(rf"(?:^|[\s(,])(?:the\s+|a\s+)?{_ROLE}{_RANKS}\s*,?\s*(?:\([^)]{{0,12}}\)\s*)?$")
_ROLE_AFTER = re.compile(
    rf"^\s*(?:\([^)]{{0,12}}\)\s*)?,\s*(?:the\s+|a\s+|who is\s+)?{_ROLE}\s*(?:,|\.|;|$|\s+(?:who|and|said|has|is|was))"
)
_STEP_DOWN = re.compile(rf"\b(?:step\w*\s+down|resign\w*|leav\w+|left)\s+(?:office\s+)?as\s+(?:the\s+)?{_ROLE}", re.I)
_TAKE_OFFICE = re.compile(
    rf"\b(?:took office|take office|takes office|sworn in|appointed|elected|became|named|takes over|took over)"
    rf"\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?{_ROLE}"
)
# "his Ukrainian counterpart Anna Koval": she holds his office, for her own country.
_COUNTERPART_BEFORE = re.compile(r"\b(?P<qual>(?:[A-Z][\w'’-]*\s+){0,2})counterparts?\s*,?\s*$")
_OF_PLACE = re.compile(rf"^\s+of\s+((?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "madam", "lord", "lady", "prof", *MILITARY_RANKS})
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’-]*$")
_INITIALS = re.compile(r"^(?:[A-Z]{2}|(?:[A-Z]\.){1,3})$")
_POSSESSIVE = re.compile(r"['’]s$")


def _without_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


def name_key(name: str) -> str:
    """A key under which spelling variants of a name meet: Kovalsky, Kovalskyy and Kovalskiy agree."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    letters = re.sub(r"[^a-z ]", "", ascii_name).replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", letters).strip()


def _is_particle(token: Token) -> bool:
    return token.text in PARTICLES


def _is_suffix(token: Token) -> bool:
    # "Jr.", "III": closes a name; "Faisal II", a regnal number, too.
    return token.text.lower().rstrip(".") in SUFFIXES and token.text[:1].isupper()


def _fits_name(tokens: list[Token], *, person: bool) -> bool:
    """Whether tokens read as a person's name: "Mark A. Holloway", "Ingrid von der Berg", "Faisal II"."""
    if not tokens:
        return False
    last = len(tokens) - 1
    while last > 0 and _is_suffix(tokens[last]):
        last -= 1
    core = tokens[: last + 1]
    if not 1 <= len(core) <= 5 or len(tokens) - len(core) > 1:
        return False
    if len(tokens) < 2 or not (
        _is_name_word(core[-1].text, place_ok=person and len(core) > 1) or (person and _month_in_name(core[-1]))
    ):
        return False
    if core[-1].text.lower() in NOT_NAME_HEADS:
        return False
    for i, token in enumerate(core[:-1]):
        if _is_name_word(token.text, place_ok=person and i > 0) or (person and _is_initials(token.text)):
            continue
        if person and i == 0 and _place_word_begins_name(token):
            continue
        if person and i > 0 and _is_particle(token):
            continue
        if person and _month_in_name(token):
            continue
        return False
    return True


def _month_in_name(token: Token) -> bool:
    # "Dong Jun": a month's abbreviation the model tags as part of a name, with no day number after it.
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.lower_ in MONTHS
        and token.ent_type_ == "PERSON"
        and token.text[:1].isupper()
        and (following is None or not following.like_num)
    )


def _extended(tokens: list[Token]) -> list[Token]:
    """Grow a name the model cut short over the name words around it: "J. Brandt III" -> "Harold J. Brandt III"."""
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i + 1
    # Leftwards to a given name the model left out ("J. Brandt", "Holm Jensen"), never into a phrase it tagged.
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].ent_type_ in {"", "PERSON"}
        and (_is_name_word(doc[start - 1].text) or _is_initials(doc[start - 1].text))
    ):
        start -= 1
    while end < len(doc):
        token = doc[end]
        if _is_particle(token) or _is_initials(token.text):
            following = end + 1
            while following < len(doc) and (_is_particle(doc[following]) or _is_initials(doc[following].text)):
                following += 1
            if following < len(doc) and _is_name_word(doc[following].text):
                end = following + 1
                continue
            break
        if token.pos_ == "PROPN" and _is_name_word(token.text) and token.ent_type_ in {"", "PERSON", "GPE"}:
            end += 1
            continue
        break
    if end < len(doc) and _is_suffix(doc[end]):
        end += 1
    while start < tokens[0].i and not _is_name_word(doc[start].text):
        start += 1
    return list(doc[start:end])


# Memoised: asked about a thousand times per 500 words, of a few hundred distinct words; the answer depends
# on the text alone (the gazetteer and the word lists are fixed), and the bound keeps a long run's memory flat.
@functools.lru_cache(maxsize=65536)
def _is_name_word(text: str, *, place_ok: bool = False) -> bool:
    word = _without_possessive(text)
    lowered = word.lower().rstrip(".")
    if (
        place_ok
        and (places.country(lowered) is not None or places.city_country(lowered) is not None)
        and word[:1].isupper()
    ):
        return True
    return (
        bool(_NAME_TOKEN.match(word))
        and word[0].isupper()
        and any(c.islower() for c in word)
        and lowered not in TITLE_WORDS
        and lowered not in MONTHS
        and lowered not in _WEEKDAYS
        and lowered not in _HONORIFICS
        and places.country(lowered) is None
        and lowered not in ORGANIZATIONS
        and lowered not in _BODY_HEADS
        # Cities are not asked: thousands are also surnames (Okada) or given names (Nancy); the model decides.
        and lowered not in {"the", "a", "an", "and", "of", "president's", "office", "they", "we", "it", "he", "she"}
    )


# Words that end the name of a body or a caption's label, never a person's ("Justice and Development Party",
# "Indian Ocean Rim Association", "Photo Credit")
_BODY_HEADS = frozenset(
    {
        "party",
        "association",
        "movement",
        "union",
        "front",
        "coalition",
        "federation",
        "league",
        "organization",
        "organisation",
        "committee",
        "council",
        "commission",
        "assembly",
        "ministry",
        "agency",
        "institute",
        "foundation",
        "corporation",
        "photo",
        "credit",
    }
)


@dataclass
class _Candidate:
    tokens: list[Token]
    sentence: Sentence

    @property
    def start(self) -> int:
        return self.sentence.body_offset(self.tokens[0].idx)

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return self.sentence.body_offset(last.idx + len(last.text))

    @property
    def text(self) -> str:
        return self.sentence.span.doc.text[self.tokens[0].idx : self.tokens[-1].idx + len(self.tokens[-1].text)]


def _is_initials(text: str) -> bool:
    # "JD Vance", "J.K. Rowling"; "US" and "EU" before a name qualify it instead.
    lowered = text.lower().rstrip(".")
    return bool(_INITIALS.match(text)) and places.country(lowered) is None and lowered not in ORGANIZATIONS


def _place_word_begins_name(token: Token) -> bool:
    # "Israel Katz": a country's word begins a name the model tags whole as a person.
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.ent_type_ == "PERSON"
        and token.ent_iob_ == "B"
        and following is not None
        and following.ent_iob_ == "I"
        and _is_name_word(following.text)
        and _is_name_word(token.text, place_ok=True)
        and not _POSSESSIVE.search(token.text)
    )


def _trimmed(tokens: list[Token], *, person: bool = False) -> list[Token]:
    while tokens and not _is_name_word(tokens[0].text):
        first = tokens[0]
        if person and len(tokens) > 1 and (_is_initials(first.text) or _place_word_begins_name(first)):
            break
        if person and len(tokens) > 1 and _month_in_name(first):
            break  # "Jan Lipavsky", "May Mansour": a given name spelled like a month
        tokens = tokens[1:]
    while tokens and not (
        _is_name_word(tokens[-1].text, place_ok=person and len(tokens) > 1)
        or (person and len(tokens) > 1 and (_month_in_name(tokens[-1]) or _is_suffix(tokens[-1])))
    ):
        tokens = tokens[:-1]
    return tokens


def _excluded(sentence: Sentence, paragraph: Paragraph, token: Token) -> bool:
    region = paragraph.excluded
    return region is not None and region[0] <= token.idx < region[1]


def _title_before(sentence: Sentence, token: Token, *patterns: re.Pattern[str]) -> bool:
    """Whether the sentence up to the token ends in a title (or in one of the other patterns given)."""
    before = sentence.span.doc.text[sentence.span.start_char : token.idx]
    return any(pattern.search(before) for pattern in (_ROLE_BEFORE, *patterns))


def _title_after(sentence: Sentence, token: Token) -> bool:
    after = sentence.span.doc.text[token.idx + len(token.text) : sentence.span.end_char]
    return bool(_ROLE_AFTER.match(after))


def _lone_surnames(sentences: list[Sentence]) -> set[str]:
    """Keys of capitalised words standing alone ("Kovalenko said"): how a report names a person it named in full."""
    lone = set()
    for sentence in sentences:
        for token in sentence.span:
            doc = token.doc
            before = doc[token.i - 1] if token.i > 0 else None
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if (
                token.pos_ == "PROPN"
                and _is_name_word(token.text)
                and (before is None or before.pos_ != "PROPN")
                and (after is None or after.pos_ != "PROPN")
            ):
                lone.add(name_key(_without_possessive(token.text)))
    return lone


def _full_name_candidates(sentence: Sentence, paragraph: Paragraph, lone: set[str]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for ent in sentence.span.ents:
        if _excluded(sentence, paragraph, ent[0]):
            continue
        person = ent.label_ == "PERSON"
        if _without_possessive(ent[-1].text).lower() in _BODY_HEADS:
            continue  # "the North Atlantic Council", "the Felicity Party" tagged a person: a body, not a shorter name
        tokens = _trimmed(list(ent), person=person)
        if person and tokens:
            tokens = _extended(tokens)
        # Within a person's name a place word is a name ("Luis Montenegro"); before it, a qualifier.
        if not _fits_name(tokens, person=person):
            continue
        # The model mislabels some names (NORP "Ukraine <name>", ORG "<name>"): a title next to them decides.
        if ent.label_ == "PERSON" or (
            ent.label_ in {"NORP", "ORG", "GPE", "FAC", "LOC"}
            and all(t.pos_ == "PROPN" for t in tokens)
            and (
                (tokens[0] != ent[0] and _title_before(sentence, tokens[0]))
                or (tokens == list(ent) and _title_after(sentence, tokens[-1]))
                # "met Anna Koval" tagged ORG, then "Koval said": the surname alone shows a person.
                or (
                    ent.label_ in {"ORG", "NORP"}
                    and len(tokens) <= 3
                    and name_key(_without_possessive(tokens[-1].text)) in lone
                )
                or (ent.label_ == "ORG" and len(tokens) <= 3 and tokens == list(ent) and _paired_with_a_person(ent))
            )
        ):
            found.append(_Candidate(tokens, sentence))
    taken = {t.i for c in found for t in c.tokens}
    # Names the model missed: a run of proper nouns right after a title ("Minister Karl Tamm").
    run: list[Token] = []
    for token in [*sentence.span, None]:
        if token is not None and token.pos_ == "PROPN" and _is_name_word(token.text) and token.i not in taken:
            run.append(token)
            continue
        # A title may end in an of-phrase the run began with: "the Council of Ministers Emir Kovac".
        for cut in range(max(len(run) - 1, 1)):
            named = _extended(run[cut:]) if run else []
            if (
                _fits_name(named, person=True)
                and not _excluded(sentence, paragraph, named[0])
                and not any(t.i in taken for t in named)
                and _title_before(sentence, named[0], _COUNTERPART_BEFORE)
            ):
                found.append(_Candidate(named, sentence))
                taken |= {t.i for t in named}
                break
        run = []
    return sorted(found, key=lambda c: c.tokens[0].i)


def _paired_with_a_person(ent: Span) -> bool:
    """ "Anna Koval met Karl Tamm" with "Anna Koval" tagged ORG: a name that is one side of a verb whose other
    side is a person the model knows."""
    root = ent.root
    if root.dep_ not in {"nsubj", "dobj"}:
        return False
    verb = root.head
    others = [c for c in verb.children if c.dep_ in {"nsubj", "dobj"} and c.i != root.i]
    others += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
    return any(o.ent_type_ == "PERSON" for o in others)


@dataclass
class PeopleFound:
    people: dict[str, PersonFact]
    unresolved: dict[str, PersonFact]  # surnames alone, for the caller to match against known people


def find_people(sentences: list[Sentence], paragraphs: list[Paragraph], *, published: date) -> PeopleFound:
    """Find every person named in the sentences; fill each sentence's mentions."""
    people: dict[str, PersonFact] = {}
    by_last: dict[str, str] = {}
    lone = _lone_surnames(sentences)
    for sentence in sentences:
        for candidate in _full_name_candidates(sentence, paragraphs[sentence.paragraph], lone):
            words = [_without_possessive(t.text) for t in candidate.tokens]
            name = " ".join(words)
            key = next((k for k, p in people.items() if _same_person(p.name, name)), None)
            if key is None:
                key = person_key(name)
                people[key] = PersonFact(key=key, name=name, evidence=sentence.evidence())
            person = people[key]
            if len(name) > len(person.name) and person_key(name) == key:
                person.aliases.add(person.name)
                person.name = name
            elif name != person.name:
                person.aliases.add(name)
            by_last.setdefault(surname_key(name), key)
            by_last.setdefault(name_key(words[-1]), key)
            sentence.mentions.append(Mention(key, candidate.text, candidate.start, candidate.end))

    unresolved: dict[str, PersonFact] = {}
    last_seen: str | None = None
    for sentence in sentences:
        paragraph = paragraphs[sentence.paragraph]
        covered_chars = {i for m in sentence.mentions for i in range(m.start, m.end)}
        for token in sentence.span:
            offset = sentence.body_offset(token.idx)
            if offset in covered_chars or _excluded(sentence, paragraph, token):
                continue
            if token.lower_ in _PRONOUNS and token.pos_ == "PRON":
                earlier = [m for m in sentence.mentions if not m.pronoun and m.end <= offset and m.key in people]
                referent = earlier[0].key if earlier else last_seen
                if referent:
                    sentence.mentions.append(
                        Mention(referent, token.text, offset, offset + len(token.text), pronoun=True)
                    )
                continue
            if not _is_name_word(token.text) or (
                token.pos_ != "PROPN" and token.ent_type_ != "PERSON" and not _speaks(token)
            ):
                continue
            key = by_last.get(name_key(token.text))
            if key is not None:
                people[key].aliases.add(token.text)
                sentence.mentions.append(Mention(key, token.text, offset, offset + len(token.text)))
            elif places.is_place(token.text) and not _titled(sentence, token):
                continue  # "visit Kyiv", tagged PERSON: a lone word that is also a place is taken as the place
            elif (
                _speaks(token)
                or _titled(sentence, token)
                or (
                    token.ent_type_ == "PERSON"
                    and token.ent_iob_ == "B"
                    and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
                )
            ):
                # "Prime Minister Okafor": a surname under a title is someone even where no full name is known.
                unresolved_key = f"{name_key(token.text)}|" if _titled(sentence, token) else f"?{name_key(token.text)}"
                unresolved.setdefault(
                    unresolved_key,
                    PersonFact(
                        key=unresolved_key, name=token.text, evidence=sentence.evidence(), full_name_known=False
                    ),
                )
                sentence.mentions.append(Mention(unresolved_key, token.text, offset, offset + len(token.text)))
        sentence.mentions.sort(key=lambda m: m.start)
        named = [m for m in sentence.mentions if not m.pronoun and not m.key.startswith("?")]
        if named:
            last_seen = named[-1].key if not _is_subject_first(sentence, named) else named[0].key
    for person in people.values():
        person.aliases.discard(person.name)
    titled = {key: person for key, person in unresolved.items() if not key.startswith("?")}
    _find_roles(sentences, {**people, **titled}, published=published)
    return PeopleFound(people, unresolved)


def mention_known_people(sentences: list[Sentence], people: dict[str, PersonFact]) -> None:
    """Fill the mentions of sentences that introduce no one (a headline): a surname of someone already found."""
    by_last: dict[str, str | None] = {}
    for key, person in people.items():
        for name in (person.name, *person.aliases):
            last = name_key(name.split()[-1])
            by_last[last] = key if by_last.get(last, key) == key else None  # two Kallases: neither
    for sentence in sentences:
        # "Moldovan President Says ...", "French President": a nationality, or a word of a title, is no surname.
        in_titles = {i for span in sentence.span.doc.spans.get("titles", []) for i in range(span.start, span.end)}
        for token in sentence.span:
            if not token.text[:1].isupper() or token.i in in_titles or places.is_place(token.text):
                continue
            key = by_last.get(name_key(_without_possessive(token.text)))
            if key is not None:
                offset = sentence.body_offset(token.idx)
                sentence.mentions.append(Mention(key, token.text, offset, offset + len(token.text)))


def _titled(sentence: Sentence, token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.pos_ == "PROPN"
        and (following is None or following.pos_ != "PROPN")
        and token.i > sentence.span.start
        and token.doc[token.i - 1].lower_.rstrip(".") in TITLE_WORDS
        and _title_before(sentence, token)
    )


def _speaks(token: Token) -> bool:
    # "Rinkevics said": a capitalised subject of a speech verb is someone's surname, whatever the tagger thinks.
    return (
        token.dep_ == "nsubj"
        and token.head.lemma_.lower() in SPEECH_VERBS
        and token.ent_type_ in {"", "PERSON"}
        and token.text[:1].isupper()
    )


def _is_subject_first(sentence: Sentence, named: list[Mention]) -> bool:
    # "He" in the next sentence usually means the subject of this one, not the last name in it.
    first = named[0]
    for token in sentence.span:
        if sentence.body_offset(token.idx) == first.start or (
            first.start <= sentence.body_offset(token.idx) < first.end
        ):
            head = token
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            return head.dep_ in {"nsubj", "nsubjpass"}
    return False


def _same_person(known: str, name: str) -> bool:
    # Within one article a surname with a compatible given name is one person: "J. Ellery", "Martin J. Ellery".
    known_given, known_surname = name_parts(known)
    given, surname = name_parts(name)
    if fold(" ".join(known_surname)) != fold(" ".join(surname)):
        return False
    if not known_given or not given:
        return True
    # An initial matches any given name it abbreviates, middle names too ("J. Ellery", "Martin J. Ellery").
    known_initials = {fold(w)[:1] for w in known.split()[: -len(known_surname)]}
    initials = {fold(w)[:1] for w in name.split()[: -len(surname)]}
    return (
        fold(known_given[0])[:1] == fold(given[0])[:1]
        or (_is_initials(name.split()[0]) and fold(name.split()[0])[:1] in known_initials)
        or (_is_initials(known.split()[0]) and fold(known.split()[0])[:1] in initials)
    )


def _place_or_org(phrase: str | None) -> tuple[str | None, str | None]:
    """Split a qualifier or of-phrase into (organization, country)."""
    if not phrase:
        return None, None
    text = re.sub(r"^(?:the|a)\s+", "", phrase.strip(), flags=re.I)
    text = _without_possessive(text).strip(" ,")
    lowered = text.lower()
    if places.country(lowered) is not None:
        return None, places.country(lowered)
    if lowered in ORGANIZATIONS:
        return ORGANIZATIONS[lowered], None
    organization = country = None
    for word in re.findall(rf"{_CAP}", text):
        bare = _without_possessive(word).lower()
        if places.country(bare) is not None and country is None:
            country = places.country(bare)
        elif bare in ORGANIZATIONS and organization is None:
            organization = ORGANIZATIONS[bare]
    return organization, country


def canonical_title(text: str) -> str | None:
    """The title a phrase names, as the vocabulary spells it ("Secretary-General" for "Secretary General")."""
    squashed = re.sub(r"[\s-]+", " ", text).lower()
    for title in TITLES:
        if re.sub(r"[\s-]+", " ", title).lower() == squashed:
            return title
    return None


def _canonical_title(text: str) -> str:
    return canonical_title(text) or text.title()


def _role_from(match: re.Match[str], sentence: Sentence, published: date) -> RoleFact:
    title = _canonical_title(match["title"])
    organization, country = _place_or_org(match["qual"])
    of_org, of_country = _place_or_org(match["of"])
    to_org, to_country = _place_or_org(match["to"])
    if match["of"] and not of_org and not of_country:
        of_org = re.sub(r"^the\s+", "", match["of"].strip(), flags=re.I)
    organization = to_org or of_org or organization
    country = of_country or country or to_country
    role = RoleFact(title=title, organization=organization, country=country, evidence=sentence.evidence())
    if match["former"]:
        role.valid_to = published
    return role


_COUNTERPART_TITLES = {"Secretary of State": "Foreign Minister", "Secretary of Defense": "Defense Minister"}


def _counterpart_role(known: RoleFact, qualifier: str, sentence: Sentence) -> RoleFact:
    """The office a counterpart holds: the other's, for the country the qualifier names."""
    _, country = _place_or_org(qualifier) if qualifier.strip() else (None, None)
    title = known.title
    # Only Britain and the United States call their ministers secretaries.
    if country not in {"United Kingdom", "United States"}:
        title = _COUNTERPART_TITLES.get(title) or re.sub(r"^(\w+) Secretary$", r"\1 Minister", title)
    return RoleFact(title=title, organization=None, country=country, evidence=sentence.evidence())


def _add_role(person: PersonFact, role: RoleFact) -> None:
    for known in person.roles:
        if same_office(known, role):
            fill_office(known, role)
            return
    person.roles.append(role)


def _find_roles(sentences: list[Sentence], people: dict[str, PersonFact], *, published: date) -> None:
    stepped_down: RoleFact | None = None
    for sentence in sentences:
        text, base = sentence.text, sentence.start
        named = [m for m in sentence.mentions if not m.pronoun]
        for position, mention in enumerate(named):
            if mention.key not in people:
                continue
            person = people[mention.key]
            # A role phrase belongs to the nearest name: never reach across another name.
            previous_end = named[position - 1].end - base if position else 0
            next_start = named[position + 1].start - base if position + 1 < len(named) else len(text)
            before = text[previous_end : mention.start - base]
            after = text[mention.end - base : next_start]
            for match in (_ROLE_BEFORE.search(before), _ROLE_AFTER.match(after)):
                if match:
                    role = _role_from(match, sentence, published)
                    # "President Anna Koval of Ukraine": the country follows the name.
                    if (of := _OF_PLACE.match(after)) and role.country is None and role.organization is None:
                        role.organization, role.country = _place_or_org(of.group(1))
                    _add_role(person, role)
            if position and (counterpart := _COUNTERPART_BEFORE.search(before)):
                other = people.get(named[position - 1].key)
                known = role_in_sentence(other, sentence) if other else None
                if known is not None:
                    _add_role(person, _counterpart_role(known, counterpart["qual"], sentence))
        subject = next((m.key for m in sentence.mentions if m.key in people and not m.pronoun), None)
        if subject is None:
            continue
        dates = dates_in(sentence, base=published, prefer="future", by_tense=True)
        when = dates[0][0].value if dates else None
        if match := _STEP_DOWN.search(text):
            role = _role_from(match, sentence, published)
            role.valid_to = when or published
            _add_role(people[subject], role)
            stepped_down = role
        elif stepped_down is not None and BACK_REFERENCE.search(text):
            # "X will take his place": the successor holds the office from when the other leaves.
            successor = RoleFact(
                title=stepped_down.title,
                organization=stepped_down.organization,
                country=stepped_down.country,
                evidence=sentence.evidence(),
                valid_from=stepped_down.valid_to,
            )
            _add_role(people[subject], successor)
            stepped_down = None
        elif match := _TAKE_OFFICE.search(text):
            role = _role_from(match, sentence, published)
            role.valid_from = when or published
            _add_role(people[subject], role)


def current_role(person: PersonFact, *, on: date) -> RoleFact | None:
    """The role a person held on a date, as far as the article tells."""
    for role in person.roles:
        if (role.valid_from is None or role.valid_from <= on) and (role.valid_to is None or role.valid_to > on):
            return role
    return None


def role_in_sentence(person: PersonFact, sentence: Sentence) -> RoleFact | None:
    """The role the sentence itself gives a person, if any."""
    return next((r for r in person.roles if r.evidence.start == sentence.start), None)
