"""Sentences of an article with their offsets in the body, from one spaCy doc per paragraph."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from app.extraction import places
from app.extraction.dates import NUMBER_WORDS, Preference, ResolvedDate, add_months, resolve
from app.extraction.records import Evidence
from app.extraction.vocabulary import LOOKING_FORWARD, SPEECH_VERBS
from app.limits import date_in_range

# A photo credit closing a caption: "(Name / Agency)", "(Photo by Name/Getty Images)".
_CREDIT = re.compile(r"\((?:(?:photo|image|picture|credit)\b[^()]*|[^()/]{1,60}(?:/[^()/]{1,60}){1,4})\)\s*\W?$", re.I)
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo|photos|image|picture|video|illustration)(?:\s+(?:credit|by))?|credit)\s*:", re.I
)


# Letters some outlets type for an apostrophe (the modifier letter apostrophe, the acute accent), which the
# tokenizer does not split off as it splits a possessive's apostrophe: the model reads a paragraph with the
# apostrophe, one character for one so that offsets hold, and the paragraph as printed is kept in the doc's
# user_data under PRINTED for quoting.
APOSTROPHES = str.maketrans({"\u02bc": "\u2019", "\u00b4": "\u2019"})
PRINTED = "printed"


@dataclass
class Mention:
    """A name (or pronoun) in a sentence resolved to a person key."""

    key: str
    text: str
    start: int  # offsets in the body
    end: int
    pronoun: bool = False


@dataclass
class Sentence:
    index: int
    paragraph: int
    kind: str  # "text" | "caption" | "title"
    span: Span
    start: int  # offset of the sentence in the body (in the title, for the title's)
    mentions: list[Mention] = field(default_factory=list)

    @functools.cached_property
    def text(self) -> str:
        return self.span.text

    @property
    def end(self) -> int:
        return self.start + len(self.span.text)

    def evidence(self) -> Evidence:
        printed = self.span.doc.user_data.get(PRINTED)
        quote = printed[self.span.start_char : self.span.end_char] if printed is not None else self.text
        return Evidence(quote, self.start, self.end, "title" if self.kind == "title" else "body")

    def body_offset(self, char_in_doc: int) -> int:
        """The body offset of a character offset in this sentence's paragraph doc."""
        return self.start + char_in_doc - self.span.start_char

    def people(self) -> list[str]:
        """Person keys named (not referred to by a pronoun), in order, each once."""
        return list(dict.fromkeys(m.key for m in self.mentions if not m.pronoun))


@dataclass(frozen=True)
class Paragraph:
    kind: str
    start: int
    doc: Doc

    @functools.cached_property
    def excluded(self) -> tuple[int, int] | None:
        """The doc character range of a photo credit, whose names are never people of the story."""
        text = self.doc.text
        if _CREDIT_LINE.match(text):
            return (0, len(text))
        if self.kind != "caption":
            return None
        match = _CREDIT.search(text)
        return (match.start(), len(text)) if match else None


# Abbreviations that stand before a name or a number, never at a sentence's end in this genre.
_NO_BREAK_AFTER = frozenset(
    {
        "gen",
        "brig",
        "adm",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cmdr",
        "cpl",
        "pvt",
        "gov",
        "sen",
        "rep",
        "amb",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "no",
        "jr",
        "sr",
    }
)


def _joined(sents: list[Span]) -> list[Span]:
    """Join what the parser split after "Brig." in "Air Force Brig. Gen. Dana Whitfield", and after the
    date that heads an item of a list ("29 June 2022 - At the Madrid summit, ...")."""
    joined: list[Span] = []
    for sent in sents:
        if joined and (
            (_ends_in_abbreviation(joined[-1]) and sent[0].text[:1].isupper()) or _a_date_heading(joined[-1])
        ):
            joined[-1] = sent.doc[joined[-1].start : sent.end]
        else:
            joined.append(sent)
    return joined


_HEADING_MARKS = frozenset({"–", "—", "-", ":"})  # what sets a list item's date off from its text


def _a_date_heading(sent: Span) -> bool:
    tokens = [t for t in sent if not t.is_space]
    return len(tokens) >= 2 and tokens[-1].text in _HEADING_MARKS and all(t.ent_type_ == "DATE" for t in tokens[:-1])


def _ends_in_abbreviation(sent: Span) -> bool:
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) >= 2 and tokens[-1].text == ".":
        return tokens[-2].lower_ in _NO_BREAK_AFTER
    return bool(tokens) and tokens[-1].lower_.rstrip(".") in _NO_BREAK_AFTER and tokens[-1].text.endswith(".")


_WORD = re.compile(r"[^\W\d_][\w'’]*")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’]*")


def sentence_case(headline: str, body: str) -> str:
    """A headline in Title Case ("Halvorsen Says She Is Confident Austria and Ireland Will Join NATO Soon") as a
    sentence writes it, which the parser reads far better: a word is kept capitalised if it is the first,
    an acronym, a place or nationality, or written capitalised inside the body's sentences; others are
    lower-cased. Lengths stay as they were, so offsets into the headline hold."""
    words = list(_WORD.finditer(headline))
    long = [w.group() for w in words if len(w.group()) > 3]
    if len(long) < 2 or sum(w[0].isupper() for w in long) < 0.8 * len(long):
        return headline  # already in sentence case
    names = set(_MID_SENTENCE_CAPITAL.findall(body))
    cased = list(headline)
    for match in words[1:]:
        word = match.group()
        abbreviation = len(word) == 1 or headline[match.end() : match.end() + 1] == "."
        kept = abbreviation or word[1:] != word[1:].lower() or word in names or places.is_place(word)
        if not kept and word[0].isupper() and len(word.lower()) == len(word):
            cased[match.start()] = word[0].lower()
    return "".join(cased)


def split_sentences(paragraphs: list[Paragraph]) -> list[Sentence]:
    """List the sentences of every paragraph, trimmed of surrounding whitespace, with body offsets."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for sent in _joined(list(paragraph.doc.sents)):
            trimmed = _trim(sent)
            if trimmed is None:
                continue
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=number,
                    kind=paragraph.kind,
                    span=trimmed,
                    start=paragraph.start + trimmed.start_char,
                )
            )
    return sentences


def _trim(sent: Span) -> Span | None:
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return None
    span = sent.doc[tokens[0].i : tokens[-1].i + 1]
    # A lone closing quote left over from the previous sentence starts no sentence of its own.
    if len(span) == 1 and span[0].is_punct:
        return None
    return span


def date_heading(sentence: Sentence) -> Span | None:
    """The date heading an item of a list of key dates ("29 June 2022 - At the Madrid summit, Allied leaders
    formally invite Finland and Sweden to join"): the day of what the line tells, in the present as it is."""
    span = sentence.span
    first = next((ent for ent in span.ents if ent.label_ == "DATE"), None)
    if first is None or first.start != span.start or first.end >= span.end:
        return None
    return first if span.doc[first.end].text in _HEADING_MARKS else None


def heading_date(sentence: Sentence, *, base: date) -> ResolvedDate | None:
    """The date `date_heading` finds, resolved against `base`."""
    heading = date_heading(sentence)
    return resolve(heading.text, base=base, prefer="past") if heading is not None else None


def tense_of(ent: Span) -> Preference | None:
    """Whether the verb a date hangs on speaks of the past ("stepped down on Monday") or the future."""
    verb = ent.root.head
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"}:
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    return _tense(verb)


def _tense_of_its_verb(ent: Span) -> Preference | None:
    """The tense of the verb a date modifies itself ("invited Vienna to join in July"), not through a noun
    ("noted preparations for the June 29-30 summit" says nothing of when the summit is)."""
    verb = ent.root.head
    if verb.dep_ == "prep" and verb.lower_ in {"to", "until", "till"}:
        return None  # "postponed its summit to July": the time moved to, whatever the tense of the moving
    if verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.lower_ in {"at", "during"}:
        verb = verb.head.head  # "were accepted at the alliance's June summit": the time of the accepting
    while verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.i != verb.i:
        verb = verb.head  # "invited Vienna to join ... in July": the inviting's tense
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _LOOKING_AHEAD:
        return None  # "looked forward to the summit in July": a past verb of a time to come
    return _tense(verb)


# Besides them, verbs that move a time or settle it: "postponed its summit to July", "agreed to meet in July".
_LOOKING_AHEAD = (
    LOOKING_FORWARD
    | {"prepare", "want", "seek", "agree", "decide"}
    | {
        "postpone",
        "delay",
        "move",
        "bring",
        "push",
        "reschedule",
        "defer",
    }
)


def _tense(verb: Token) -> Preference | None:
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "shall", "'ll", "wo"} for c in verb.children):
        return "future"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ in {"was", "were", "had"} for c in verb.children)):
        return "past"
    return None


def dates_in(
    sentence: Sentence, *, base: date, prefer: Preference = "past", by_tense: bool = False, ahead: bool = False
) -> list[tuple[ResolvedDate, Span]]:
    """The calendar dates a sentence names (spaCy DATE entities), resolved against `base`.

    With `by_tense`, a date hanging on a verb in the past or future tense is resolved in that direction. With
    `ahead` (a step still to come: "promised to ratify ... in October"), a month months away is the next one
    where no verb says which way.
    """
    found: list[tuple[ResolvedDate, Span]] = []
    doc = sentence.span.doc
    for ent in sentence.span.ents:
        if ent.label_ != "DATE" or _in_dateline(ent):
            continue
        if found and (shifted := _after_the_last(ent.text, found[-1][0])):
            found.append((shifted, ent))  # "applied on 18 May 2022 and was invited the following month"
            continue
        text = ent.text
        # The model splits "June 24-25 next year" in two; the year belongs to the day before it.
        following = doc[ent.end : ent.end + 2].text.lower() if ent.end + 2 <= sentence.span.end else ""
        if following in {"next year", "last year"} and not re.search(r"\b\d{4}\b|\byear\b", text):
            text = f"{text} {following}"
        resolved = resolve(
            text,
            base=base,
            prefer=(by_tense and tense_of(ent)) or prefer,
            tense=_tense_of_its_verb(ent) or ("future" if ahead else None),
        )
        if resolved is not None:
            found.append((resolved, ent))
    return found


_AFTER_THE_LAST = re.compile(
    r"^(?:(?:the (?:following|next|subsequent)|following|subsequent) (?P<next>day|week|month|year)"
    r"|(?P<count>a|an|one|two|three) (?P<unit>day|week|month|year)s? (?P<way>later|after|afterwards|earlier|before))$",
    re.I,
)


def _after_the_last(text: str, last: ResolvedDate) -> ResolvedDate | None:
    """ "the following month", "a day later": counted from the date the sentence gave before, at that date's
    precision or the unit's, whichever is coarser."""
    match = _AFTER_THE_LAST.match(text.strip())
    if match is None:
        return None
    unit = (match["next"] or match["unit"]).lower()
    count = 1 if match["next"] else NUMBER_WORDS[match["count"].lower()]
    if match["way"] and match["way"].lower() in {"earlier", "before"}:
        count = -count
    value = last.value
    try:
        if unit in {"day", "week"}:
            value = value + timedelta(days=count * (7 if unit == "week" else 1))
        elif unit == "month":
            value = add_months(value, count)
        else:
            value = date(value.year + count, 1, 1)
    except (OverflowError, ValueError):  # past the calendar's ends
        return None
    precision = {"day": "day", "week": "month", "month": "month", "year": "year"}[unit]
    order = ["day", "month", "year"]
    precision = max(precision, last.precision, key=order.index)
    value = value.replace(day=1) if precision != "day" else value
    value = value.replace(month=1) if precision == "year" else value
    return ResolvedDate(value, precision) if date_in_range(value) else None


# "VILNIUS, July 11 (Reuters) -": the day the story was filed, not a date of what it reports.
_BEFORE_DATELINE_DATE = re.compile(r"^\s*[A-Z][A-Z.'’/ -]*(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})*,\s*$")
_AFTER_DATELINE_DATE = re.compile(r"^(?:,?\s*\d{4})?\s*(?:\([^()]{1,60}\)\s*)?(?:--|[-–—])")


def _in_dateline(ent: Span) -> bool:
    if ent.start_char >= 80:
        return False
    text = ent.doc.text[: ent.end_char + 70]
    return bool(_BEFORE_DATELINE_DATE.match(text[: ent.start_char])) and bool(
        _AFTER_DATELINE_DATE.match(text[ent.end_char :])
    )


def governing_verb(token: Token) -> Token | None:
    """The verb a word hangs on, up to four heads above it ("held talks": held), if there is one."""
    head = token
    for _ in range(4):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            return head
    return None


def date_of_saying(ent: Span) -> bool:
    """Whether a date is when something was said ("..., his office announced on Thursday"), not when it happens."""
    head = ent.root
    for _ in range(2):
        head = head.head
        if head.lemma_.lower() in SPEECH_VERBS and head.pos_ == "VERB":
            # "Eighteen years ago this month, at a summit in Bucharest, leaders promised ...": said at the event
            return not any(
                c.dep_ == "prep" and c.lower_ == "at" and any(o.lemma_.lower() == "summit" for o in c.children)
                for c in head.children
            )
    return False
