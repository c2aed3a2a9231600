"""NATO-accession timeline entries: dated steps on a country's path into the alliance."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from app.extraction import places
from app.extraction.dates import MONTH_NAMES, NUMBER_WORDS, ResolvedDate, add_months
from app.extraction.meetings import title_holder, title_only
from app.extraction.records import Evidence, PersonFact, TimelineFact
from app.extraction.sentences import Sentence, date_heading, date_of_saying, dates_in, governing_verb, heading_date
from app.extraction.vocabulary import (
    ACCESSION,
    APPLICATION,
    BACK_REFERENCE,
    COUNCIL,
    INVITATION,
    LEADERSHIP_CHANGE,
    LOOKING_FORWARD,
    MEMBERSHIP,
    MEMBERSHIP_APPLICATION,
    NATO_BACK_REFERENCE,
    NATO_CONTEXT,
    OTHER_SUMMIT,
    OTHER_UNION,
    PATH_NOUNS,
    PATH_SUPPORT_VERBS,
    PATH_VERBS,
    PLAN,
    RATIFICATION,
    SPEECH_VERBS,
    STANCE_WORDS,
    SUMMIT,
    THE_ALLIANCE,
    names_nato,
)
from app.limits import date_in_range

_ROLE_TITLE_PHRASE = re.compile(
    r"\bNATO(?:'s|’s)? (?:Secretary[- ]General|Deputy Secretary General|Supreme Allied Commander Europe)"
    r"|\b(?:Secretary[- ]General|Permanent Representative|Ambassador|Representative)[^.,]{0,30}? (?:of|to) NATO\b",
    re.I,
)
_QUOTE_OPEN = re.compile(r"^[\"“‘']")


@dataclass(frozen=True)
class Clause:
    """The part of a sentence that reports one step; its text is the sentence's with the rest blanked out, so
    offsets in it are the sentence's."""

    sentence: Sentence
    text: str
    tokens: frozenset[int]
    antecedents: tuple[str, ...] = ()  # the countries "its" may stand for: those last put on the path
    group: tuple[str, ...] = ()  # the countries "the two countries" may stand for: the last several put on it

    def has(self, token: Token) -> bool:
        """Whether the token is one of the clause's."""
        return token.i in self.tokens


# "..., as the alliance hosted Sweden ... and as Ukraine hopes for an invitation": clauses with steps of their own.
_SUBORDINATORS = frozenset({"as", "while", "whereas"})


def clauses(sentence: Sentence, antecedents: tuple[str, ...] = (), group: tuple[str, ...] = ()) -> list[Clause]:
    """The sentence, cut where it joins clauses that each have their own subject and report their own step."""
    span = sentence.span
    heads: list[Token] = []
    for token in span:
        if _held_back(token) and (token.head in heads or token.head == span.root):
            heads.append(token)  # "approved Finland's bid in March but delayed Sweden's accession": not Sweden's
            continue
        if token.pos_ not in {"VERB", "AUX"} or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            continue
        marked = any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in token.children)
        if (
            (marked and token.dep_ == "advcl")
            or (token.dep_ == "conj" and (token.head in heads or token.head == span.root))
            or _dated_step_of_its_own(token)
            or _apart_by_a_semicolon(token)
        ):
            # "Allies signed the protocol on 5 July, and the last Ally ratified it on 30 March": two steps.
            heads.append(token)
    everything = frozenset(t.i for t in span)
    if not heads:
        return [Clause(sentence, sentence.text, everything, antecedents, group)]
    owned = {h.i: {t.i for t in h.subtree} for h in heads}
    for head in heads:
        for other in heads:
            if other.i != head.i and other.i in owned[head.i]:
                owned[head.i] -= {t.i for t in other.subtree}
    parts = [everything - set().union(*({t.i for t in h.subtree} for h in heads)), *owned.values()]
    return [_clause(sentence, frozenset(part), antecedents, group) for part in parts if part]


def _held_back(verb: Token) -> bool:
    """A second predicate of the same subject that holds a step back: "... but delayed Sweden's accession"."""
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and _lemma(verb) in _HOLDING_BACK


_HOLDING_BACK = frozenset(
    {"delay", "block", "stall", "postpone", "reject", "withhold", "freeze", "veto", "oppose", "hold", "shelve"}
)


def _apart_by_a_semicolon(verb: Token) -> bool:
    """ "North Macedonia waited a decade, finally joining in 2020; Montenegro joined in 2017": two clauses."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    # the semicolon stands between the clause and the verb it hangs on, not after both ("said Budapest would
    # ratify Sweden's bid in the spring; Turkey's envoy declined to comment")
    head = verb.head.i
    return verb.dep_ in {"ccomp", "parataxis", "conj"} and (
        (right + 1 < len(doc) and doc[right + 1].text == ";" and head > right + 1)
        or (left > 0 and doc[left - 1].text == ";" and head < left - 1)
    )


def _dated_step_of_its_own(verb: Token) -> bool:
    """ "Finland, which became a NATO member a year ago, will make the alliance stronger": a relative clause that
    dates a step of the country it describes, apart from what the sentence goes on to say."""
    return (
        verb.dep_ == "relcl"
        and (
            _path_verb(verb)
            or verb.lemma_.lower() in _APPROVING
            or (verb.lemma_.lower() == "invite" and _to_join(verb))
        )
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"which", "that"} for c in verb.children)
        # dated, or set apart by commas ("Sweden and Finland, which have applied to join NATO, will attend the
        # summit in Madrid next month": the summit is the sentence's own step)
        and (
            any(t.ent_type_ == "DATE" for t in verb.subtree)
            or (verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",")
        )
    )


def _clause(sentence: Sentence, tokens: frozenset[int], antecedents: tuple[str, ...], group: tuple[str, ...]) -> Clause:
    """The clause of these tokens, its text the sentence's with every other word blanked out."""
    chars = list(sentence.text)
    offset = sentence.span.start_char
    for token in sentence.span:
        if token.i not in tokens:
            start = token.idx - offset
            chars[start : start + len(token.text)] = " " * len(token.text)
    return Clause(sentence, "".join(chars), tokens, antecedents, group)


_COMMENTATORS = frozenset(
    {"analyst", "researcher", "expert", "professor", "scholar", "fellow", "commentator", "economist", "historian"}
    | {"strategist", "columnist", "lecturer", "pollster"}
)


def _speakers(sentence: Sentence, people: dict[str, PersonFact]) -> list[str]:
    speakers: list[str] = []
    for token in sentence.span:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in {"VERB", "AUX"} and not _told_as_a_time(token):
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects and (
                token.dep_ == "conj" or (token.dep_ == "advcl" and token.head.lemma_.lower() in STANCE_WORDS)
            ):
                # "The president welcomed ..., saying", "she welcomed the vote and said": the subject they share.
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            if not subjects and token.dep_ == "pcomp" and token.head.lower_ == "as":
                # "the agency on Friday cited President X as saying": the one cited
                cited = token.head.head
                subjects = [c for c in cited.children if c.dep_ == "dobj"] if _lemma(cited) in {"cite", "quote"} else []
            for child in subjects:
                described = [c for c in child.children if c.dep_ in {"compound", "appos"}]
                described += [g for c in described if c.dep_ == "appos" for g in c.children if g.dep_ == "compound"]
                if any(t.lower_ in _COMMENTATORS for t in described):
                    continue  # "said analyst Andrei Moldovan": a commentator's view is no official's statement
                # "the Secretary General said": the one person of the article holding that office
                speakers += _keys_in(sentence, child, people) or [
                    holder
                    for side in title_only(sentence, list(child.subtree))[:1]
                    if (holder := title_holder(side, people, []))
                ]
        if token.lower_ == "according" and token.nbor(1).lower_ == "to" if token.i + 1 < len(token.doc) else False:
            speakers += _keys_in(sentence, token.nbor(1), people)
    # 'Minister of Foreign Affairs Kadri Saarepuu: "Austria's membership will ..."': a release's quote
    colon = next((t for t in sentence.span[:12] if t.text == ":"), None)
    if colon is not None and not any(t.pos_ in {"VERB", "AUX"} for t in sentence.span[: colon.i - sentence.span.start]):
        end = sentence.body_offset(colon.idx)
        speakers += [m.key for m in sentence.mentions if m.end <= end and m.key in people and not m.pronoun][-1:]
    elif colon is not None and colon.i + 1 < sentence.span.end and colon.nbor(1).text in {"“", '"'}:
        # 'German Foreign Minister Friedrich Halbach was blunter on Monday: "..."': the subject before the colon
        speakers += [
            key
            for t in sentence.span[: colon.i - sentence.span.start]
            if t.dep_ == "nsubj"
            for key in _keys_in(sentence, t, people)
        ][:1]
    return list(dict.fromkeys(speakers))


def _told_as_a_time(verb: Token) -> bool:
    """ "After the president announced his 'special military operation', Finland and Sweden escalated efforts to join":
    what was said marks when the sentence's step came, it is no statement of the sentence's."""
    return (
        verb.dep_ == "advcl"
        and any(
            c.dep_ == "mark" and c.lower_ in {"after", "before", "since", "until", "when", "once"}
            for c in verb.children
        )
        # not "After the prime minister announced on Monday that Kosovo would apply to join NATO, ...": that is said
        and not any(c.dep_ == "ccomp" for c in verb.children)
    )


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
    if names_nato(text):
        return True
    if _about_another_union(text):
        return False  # "accession talks with the EU", "the bloc would admit new members"
    text = OTHER_SUMMIT.sub("", text)
    if other_summit:  # "the summit" after "the G7 summit" is the G7's
        text = re.sub(r"\bthe (?:[\w-]+ ){0,3}summit\b", "", text, flags=re.I)
    # "Switzerland applied in March": an application, in a story about NATO, is to NATO.
    return nato_story and bool(
        NATO_BACK_REFERENCE.search(text) or MEMBERSHIP_APPLICATION.search(text) or _JOINED_ON.search(text)
    )


# "Finland joined on 4 April 2023", "finally joining in March 2020": in a story about NATO, its accession.
_JOINED_ON = re.compile(rf"\bjoin(?:ed|ing|s)\s+(?:on|in)\s+(?:\d|(?:{MONTH_NAMES})\b)", re.I)


def _about_another_union(text: str) -> bool:
    """Whether a sentence speaks of the EU (or another union) and not of NATO."""
    return bool(OTHER_UNION.search(text)) and not names_nato(text) and not THE_ALLIANCE.search(text)


def _entry_date(
    sentence: Sentence,
    published: date,
    *,
    prefer: str = "past",
    day_only: bool = False,
    by_tense: bool = False,
    within: Clause | None = None,
) -> ResolvedDate:
    """The first date the clause (else the sentence) gives a step, else the article's day, as Unstated."""
    for resolved, ent in dates_in(sentence, base=published, prefer=prefer, by_tense=by_tense):
        if within is not None and not within.has(ent.root):
            continue
        if (
            ent.start > 0
            and sentence.span.doc[ent.start - 1].lower_ in _HORIZON
            and not _NOT_UNTIL.search(sentence.text)
        ):
            continue  # "pledged 40 billion euros within the next year": a deadline, not the day of the step
        if day_only and resolved.precision != "day":
            continue
        if (
            day_only
            and ent.start > 0
            and sentence.span.doc[ent.start - 1].lower_ not in {"on", "since"}
            and ent.text.lower() not in {"today", "yesterday"}
            and not _A_WEEKDAY.fullmatch(ent.text)  # "told reporters last Thursday", "said Monday"
        ):
            continue
        return resolved
    if within is not None and len(within.tokens) < len(sentence.span):
        return _entry_date(sentence, published, prefer=prefer, day_only=day_only, by_tense=by_tense)
    return Unstated(published, "day")


_HORIZON = frozenset({"within", "by", "until", "till", "through", "over"})
_A_WEEKDAY = re.compile(r"(?:last |this past )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.I)
# "did not join NATO until 7 March 2024": the day it did
_NOT_UNTIL = re.compile(r"\b(?:not|n[’']t)\b[^.]{0,60}\buntil\b", re.I)


@dataclass(frozen=True)
class _SaidBefore(ResolvedDate):
    """ "has said" with no date: some time before the article (its month), unless the opening sentence says it."""


@dataclass(frozen=True)
class Unstated(ResolvedDate):
    """No date said of the step: the article's own day stands in for it."""


def _summary(sentence: Sentence) -> str:
    text = re.sub(r"^(?:As reported,|Earlier,|Meanwhile,|However,)\s*", "", sentence.text).strip()
    text = text.strip('"“”')
    return text[0].upper() + text[1:] if text else sentence.text


def find_timeline(sentences: list[Sentence], people: dict[str, PersonFact], *, published: date) -> list[TimelineFact]:
    """Find dated steps on a country's path into NATO, each with the country it is about."""
    entries: list[TimelineFact] = []
    used: set[int] = set()
    paragraph_speaker: dict[int, list[str]] = {}
    nato_story = any(names_nato(s.text) for s in sentences)
    said_by = {sentence.index: _speakers(sentence, people) for sentence in sentences}
    interviewee, answers, interviewed_on = _interview(sentences, people, published)
    for sentence in sentences:
        if said_by[sentence.index]:
            paragraph_speaker.setdefault(sentence.paragraph, said_by[sentence.index])
    # The body's: a headline names just one of the countries a story may be about.
    story_country = _story_country([s for s in sentences if s.kind != "title"], nato_story=nato_story)
    most_named = _most_named_country(sentences) if nato_story else None
    joint_body = next((c for s in sentences if (c := _council_country(s.text))), None)
    other_summit, other_summits = False, set()  # sentences whose "summit" is another body's ("the G7 summit")
    paragraph, antecedents, group = -1, [], ()
    unstated: set[int] = set()  # entries dated by the article's day for want of their own
    undated_past: set[int] = set()  # of those, steps told in the past after the opening sentence
    told_as_news: set[int] = set()  # of those, steps told in the present perfect or present ("has approved")
    # (the first with a verb: not a headline repeated atop the body, nor a caption's line)
    lede_index = next(
        (s.index for s in sentences if s.kind == "text" and any(t.pos_ in {"VERB", "AUX"} for t in s.span)), -1
    )
    # the countries some sentence puts on a way in, found once, when first asked for
    put_on_a_path = functools.cache(lambda: _put_on_a_path(sentences))
    for position, sentence in enumerate(sentences):
        if OTHER_SUMMIT.search(sentence.text):
            other_summit = True
        elif names_nato(sentence.text) and SUMMIT.search(sentence.text):
            other_summit = False
        if other_summit:
            other_summits.add(sentence.index)
        if sentence.index in used:
            continue
        if sentence.paragraph != paragraph:
            paragraph, antecedents = sentence.paragraph, []
        on_the_path = path_countries(sentence)
        antecedents = on_the_path or antecedents
        group = tuple(on_the_path) if len(on_the_path) > 1 else group
        text = sentence.text
        nato = _nato_related(text, nato_story=nato_story, other_summit=other_summit) or (
            _speaks_for_nato(sentence, sentences[position - 1] if position else None)
        )
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        change, told_on = _leadership_change(sentence, following, people, published)
        if told_on:
            used.add(following.index)  # "... will take up his post in October": told with the change
        if change is not None:
            entries.append(change)
            continue
        if joint_body and (session := _the_council_again(sentence, joint_body, published)):
            entries.append(session)  # "In July, the Council met at the level of ambassadors"
            continue
        if not nato or (sentence.kind == "title" and not _tells_news(sentence, said_by[sentence.index])):
            continue
        if _ASKED.search(text):
            continue  # "What is NATO, and how does a country become its member?", ": will Ukraine get it?"
        speakers = said_by[sentence.index]
        if not speakers and _QUOTE_OPEN.match(text):
            speakers = paragraph_speaker.get(sentence.paragraph, [])
        if not speakers and sentence.paragraph in answers:
            speakers = [interviewee]
        for clause in clauses(sentence, tuple(antecedents), group):
            countries = path_countries(sentence, within=clause) or [
                _council_country(clause.text)
                or _summit_country(clause)
                or _committed_country(sentence)
                or (_named_with_the_speaker(clause) if speakers else None)
                or story_country
                # "Georgia should make full use of what NATO offers, the Lithuanian minister said", in a story
                # that names Georgia most: Georgia's, not the speaker's
                or (
                    most_named
                    if speakers and most_named in _subjects_in(clause) and most_named in put_on_a_path()
                    else None
                )
                or _speakers_country(speakers, people)
                or _neutral_country(sentence)
                # "Public opinion may not be ready for membership yet, the minister said": someone's membership, the
                # country the article names most, not the alliance's
                or (
                    most_named
                    if speakers and _WHOSE_MEMBERSHIP.search(clause.text) and not OTHER_UNION.search(clause.text)
                    else None
                )
                or "NATO"
            ]
            background = _told_as_past(clause) and sentence.index != lede_index
            for entry, when in _clause_entries(clause, countries, speakers, people, published):
                if (
                    interviewed_on
                    and entry.kind == "statement"
                    and sentence.paragraph in answers
                    and (when.value, when.precision) == (published, "day")
                ):
                    # "A: Ireland supports Ukraine's right to choose": said the day of the interview
                    when = interviewed_on
                    entry.date, entry.date_precision = when.value, when.precision
                if isinstance(when, _SaidBefore) and sentence.index == lede_index:
                    # "Kosovo's Prime Minister has expressed willingness to join NATO": the article's news
                    when = Unstated(published, "day")
                    entry.date, entry.date_precision = when.value, when.precision
                entries.append(entry)
                if isinstance(when, Unstated):
                    unstated.add(id(entry))
                    if background and entry.kind in _STEPS:
                        undated_past.add(id(entry))
                    if _told_as_news(clause):
                        told_as_news.add(id(entry))
    nato_summits = [s for s in sentences if s.index not in other_summits]
    entries = _date_by_application(_date_summits_by_reference(entries, nato_summits, published), unstated)
    lede = next((s.evidence() for s in sentences if s.index == lede_index), None)
    entries = _date_restated_steps(entries, unstated, lede, told_as_news)
    entries = _date_by_the_meeting_told(entries, unstated, sentences, published)
    # "Finland applied to join the military alliance in the wake of the war", in a story of its ratification:
    # a step of the past that no sentence dates is not of the article's day
    entries = [e for e in entries if not (id(e) in undated_past and (e.date, e.date_precision) == (published, "day"))]
    # The body's entries first, so that one the headline also tells keeps the body's summary.
    entries = _merge_entries(sorted(entries, key=lambda e: e.evidence[0].part == "title"))
    return _merge_entries(_headline_told_again(entries, unstated))


# The words a question opens with, in a body sentence or a headline.
_ASKING = r"(?:how|why|what|when|where|who|which|will|would|is|are|can|could|should|does|do|did|has|have)\b"
# A question the article asks in its own voice (not one it quotes, nor an interview's "Q:")
_ASKED = re.compile(rf"(?:^|:\s+){_ASKING}[^\"“”:]*\?$", re.I)
_QUESTION = re.compile(r"^(?:Q|Question)\s*[:.]\s")
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.]\s")


# A member's ratification told without a date ("Spain also ratified it") is more often the day's news.
_STEPS = frozenset({"application", "accession"})


def _told_as_past(clause: Clause) -> bool:
    """Whether the clause tells a way in with its verb in the simple past or past perfect ("Finland applied to
    join", "had joined"), not as a noun ("focused on Finland's recent application")."""
    return any(
        clause.has(t)
        and _lemma(t) in {"apply", "join", "accede"}
        and (t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children)))
        for t in clause.sentence.span
    )


def _told_as_news(clause: Clause) -> bool:
    """Whether the clause tells its step in the present perfect or its main verb is in the present: the news of
    the day ("The Turkish parliament has ratified Finland's membership, AFP reported"), not a step of the past."""
    verbs = [t for t in clause.sentence.span if clause.has(t) and t.pos_ in {"VERB", "AUX"}]
    root = next((t for t in verbs if t.dep_ == "ROOT" or not clause.has(t.head)), None)
    return (root is not None and root.tag_ in {"VBZ", "VBP"}) or any(
        c.dep_ == "aux" and c.lower_ in {"has", "have"} for t in verbs for c in t.children
    )


def _interview(
    sentences: list[Sentence], people: dict[str, PersonFact], published: date
) -> tuple[str | None, set[int], ResolvedDate | None]:
    """ "X spoke to us on Thursday. Q: ... A: ...": the person an interview is with, the paragraphs of their
    answers (from an "A:" to the next "Q:"), and the day it took place, if the introduction says. A Q&A with
    no one introduced as interviewed (an explainer) is nobody's."""
    opening: dict[int, Sentence] = {}
    for sentence in sentences:
        if sentence.kind != "title":
            opening.setdefault(sentence.paragraph, sentence)
    questions = [p for p, s in opening.items() if _QUESTION.match(s.text)]
    if not questions or not any(_ANSWER.match(s.text) for s in opening.values()):
        return None, set(), None
    introduction = [s for s in sentences if s.kind != "title" and s.paragraph < questions[0]]
    told = next(((s, cue) for s in introduction if (cue := _INTERVIEWED.search(s.text))), None)
    if told is None:
        return None, set(), None
    sentence, cue = told
    named = [m.key for m in sentence.mentions if m.key in people and not m.pronoun]
    # "spoke to the Defence Minister": the one after the cue; "the Minister spoke to us": the first named
    cue_end = sentence.start + cue.end()
    after = [m.key for m in sentence.mentions if m.key in people and not m.pronoun and m.start >= cue_end]
    interviewee = next(iter((after if cue.group("to") or cue.group("with") else []) or named), None)
    if interviewee is None:
        return None, set(), None
    answers, answering = set(), False
    for paragraph, opener in sorted(opening.items()):
        answering = bool(_ANSWER.match(opener.text)) or (answering and not _QUESTION.match(opener.text))
        if answering:
            answers.add(paragraph)
    days = [
        (when, ent)
        for when, ent in dates_in(sentence, base=published)
        if when.precision == "day" and 0 <= (published - when.value).days <= 7
    ]
    # the day of the speaking, not "who took office on Monday"
    on_the_day = [when for when, ent in days if _lemma(governing_verb(ent.root) or ent.root) in _INTERVIEW_VERBS]
    return interviewee, answers, next(iter(on_the_day or [when for when, _ in days]), None)


_INTERVIEWED = re.compile(
    r"\b(?:spoke|speaks|talked|talks|sat down)(?P<to> (?:to|with))?\b|\binterview(?:ed)?(?P<with> with)?\b", re.I
)
_INTERVIEW_VERBS = frozenset({"speak", "talk", "sit", "interview"})


# Headlines that ask, argue or explain ("Will Georgia ever join NATO?", "Opinion: ...", "Why Sweden hasn't
# joined NATO yet") report no step of the day.
_NOT_NEWS = re.compile(
    rf"^{_ASKING}"
    r"|\?[\s\"'”’]*$|\bshould\b",
    re.I,
)
_LABEL = re.compile(
    r"^(?:opinion|analysis|explainer|comment(?:ary)?|editorial|fact[ -]?check|q ?& ?a|podcast|video|watch|live"
    r"(?: updates| blog)?)\s*[:|–—-]",
    re.I,
)
# "Szentes: Hungary will not be last to ratify": the words of someone named before a colon.
_SPEAKER_COLON = re.compile(r"^((?:[A-Z][\w'’.-]+ ){0,2}[A-Z][\w'’.-]+):\s")


def _tells_news(headline: Sentence, speakers: list[str]) -> bool:
    """Whether a headline reports a step: it does not ask, argue or explain, and words it reports are of
    someone the body names (whose statement they then are); another's words are no step of theirs."""
    text = headline.text
    if _NOT_NEWS.search(text) or _LABEL.search(text):
        return False
    if speakers:
        return True
    colon = _SPEAKER_COLON.match(text)
    if colon and not (places.is_place(colon[1]) or NATO_CONTEXT.fullmatch(colon[1])):
        return False
    return not any(t.dep_ == "ROOT" and t.lemma_.lower() in SPEECH_VERBS for t in headline.span)


def _headline_told_again(entries: list[TimelineFact], unstated: set[int]) -> list[TimelineFact]:
    """A headline's step that the body tells too ("NATO summit: Allies pledge ..." over "NATO leaders
    gathered in Washington on Wednesday for the summit") is the body's, the same kind for the same
    country (any summit, or a statement the body left to the alliance), nearest in date: the headline only quotes it
    again, and dates it, or names its country, where the body does not.
    A headline's own date more than a week from the body's is another step; an undated one is the body's."""
    told = [e for e in entries if any(ev.part == "body" for ev in e.evidence)]
    kept = []
    for entry in entries:
        again = [
            e
            for e in told
            if e.kind == entry.kind
            # one story, one summit, whoever's it is; a statement the body left to the alliance, the headline's
            and (e.country == entry.country or e.kind == "summit" or (e.kind == "statement" and e.country == "NATO"))
            and (e.kind != "statement" or set(e.actors) == set(entry.actors))  # whose words, as a merge asks
            and (id(entry) in unstated or id(e) in unstated or abs((e.date - entry.date).days) <= 7)
        ]
        if entry in told or not again:
            kept.append(entry)
            continue
        body_entry = min(again, key=lambda e: (e.country != entry.country, abs((e.date - entry.date).days)))
        if id(body_entry) in unstated and id(entry) not in unstated:
            body_entry.date, body_entry.date_precision = entry.date, entry.date_precision
        if body_entry.kind == "statement" and body_entry.country == "NATO":
            body_entry.country = entry.country
        body_entry.evidence += [ev for ev in entry.evidence if ev not in body_entry.evidence]
    return kept


# The alliance's own offices, whose holders matter to its enlargement.
_NATO_OFFICE = re.compile(
    r"\b(?:(?:deputy )?secretary[- ]general|supreme allied commander|SACEUR|military committee|"
    r"(?:NATO|alliance)(?:[’']s)? (?:chief|head|leader)|(?:head|helm) of (?:NATO|the alliance)|"
    r"(?:succeed|replace)\w*\s+(?:[A-Z][\w-]+\s+){1,3}(?:at|as head of|at the helm of)\s+(?:NATO|the alliance))\b",
    re.I,
)
# An office of a country, or a change offered rather than made: "willing to step down as president if ..."
_ANOTHER_OFFICE = re.compile(
    r"\bas (?:president|prime minister|premier|chancellor|minister|head of state|leader)\b"
    # "Freshly appointed Georgian Foreign Minister X attended the NATO ministerial": how the minister is described
    r"|\b(?:newly|freshly|recently|just|new(?:ly)?-)\s*(?:appointed|elected)\s+(?:[A-Z][\w-]+\s+){0,2}"
    r"(?:president|prime minister|premier|chancellor|(?:[\w-]+ )?minister|ambassador|envoy|head of state)\b"
    # "Georgia's new Foreign Minister X, appointed last week", "who was appointed Georgian foreign minister"
    r"|\b(?:foreign|defen[cs]e|interior|finance|prime) minister\b[^.]{0,40}\b(?:appointed|elected|sworn in)\b"
    r"|\b(?:appointed|elected|named|sworn in)(?: as)?(?: the)? (?:[A-Z][\w-]+ )?"
    r"(?:foreign|defen[cs]e|interior|finance|prime) minister\b"
    r"|\b(?:willing|ready|prepared|offer(?:ed|s)?) to (?:step down|resign|leave)\b",
    re.I,
)


def _leadership_change(
    sentence: Sentence, following: Sentence | None, people: dict[str, PersonFact], published: date
) -> tuple[TimelineFact | None, bool]:
    """An office of the alliance changing hands ("Allies agreed to extend the mandate of the Secretary General"),
    if someone is named; and whether the next sentence goes on telling it ("... will take up his post in
    October"), which then is no step of its own."""
    text = sentence.text
    if not (names_nato(text) and (LEADERSHIP_CHANGE.search(text) or _MANDATE.search(text))):
        return None, False
    if not _NATO_OFFICE.search(text) and _ANOTHER_OFFICE.search(text):
        return None, False  # "he said he was willing to step down as president if Ukraine could join NATO"
    actors = [k for k in sentence.people() if k in people]
    evidence = [sentence.evidence()]
    when = _entry_date(sentence, published, prefer="future", by_tense=True)
    told_on = following is not None and bool(BACK_REFERENCE.search(following.text))
    if told_on:
        actors += [k for k in following.people() if k in people and k not in actors]
        evidence.append(following.evidence())
        if when.value == published:
            when = _entry_date(following, published, prefer="future", by_tense=True)
    if not actors:
        return None, told_on
    fact = TimelineFact("leadership_change", when.value, when.precision, _summary(sentence), evidence, actors, "NATO")
    return fact, told_on


def _clause_entries(
    clause: Clause, countries: list[str], speakers: list[str], people: dict[str, PersonFact], published: date
) -> list[tuple[TimelineFact, ResolvedDate]]:
    """The entries of a clause's steps, one per country, each with the date it was given."""
    sentence = clause.sentence
    found = []
    steps = _classify(clause, published, speakers=bool(speakers))
    # "invited Albania and Croatia ..., and agreed that Georgia and Ukraine will become members": the invitation
    # is the invited countries', the rest the others'.
    invited = _invited_countries(clause) if any(kind == "invitation" for kind, _ in steps) else []
    for kind, when in steps:
        if kind == "invitation":
            mine = [c for c in countries if c in invited] or countries
        else:
            mine = [c for c in countries if c not in invited] or countries
        for country in mine:
            step = kind
            if kind == "accession" and _still_to_come(clause, country):
                # "welcomed Finland, and look forward to welcoming Sweden": said by someone, their statement
                step = "statement" if speakers else "plan"
            entry = _entry(step, sentence, when, speakers[:1] if step == "statement" else [], country)
            if step == "statement" and speakers:
                speaker = people[speakers[0]]
                if not any(name in sentence.text for name in (speaker.name, *speaker.aliases)):
                    entry.summary = f"{speaker.name}: {entry.summary}"
            found.append((entry, when))
    return found


def _put_on_a_path(sentences: list[Sentence]) -> set[str]:
    """Every country some sentence of the article puts on a way into NATO (not "China poses a challenge")."""
    return {country for sentence in sentences for country in path_countries(sentence)}


def _subjects_in(clause: Clause) -> set[str]:
    """The countries the clause makes the subject of a verb ("Georgia should make full use of ...")."""
    return {
        country
        for root, country in _country_mentions(clause.sentence)
        if clause.has(root) and root.dep_ in {"nsubj", "nsubjpass"}
    }


def _speakers_country(speakers: list[str], people: dict[str, PersonFact]) -> str | None:
    """ "There is no majority for NATO membership," the Moldovan President said: in a story that follows no
    country's path, the speaker's own country."""
    if not speakers or not people[speakers[0]].roles:
        return None
    return people[speakers[0]].roles[-1].country


def _speaks_for_nato(sentence: Sentence, previous: Sentence | None) -> bool:
    """ "NATO and the EU stand with Ukraine. We support Ukraine's sovereignty.": "we" goes on speaking for NATO."""
    return (
        previous is not None
        and previous.paragraph in {sentence.paragraph, sentence.paragraph - 1}
        and any(
            NATO_CONTEXT.fullmatch(t.text) and (t.dep_ == "nsubj" or (t.dep_ == "conj" and t.head.dep_ == "nsubj"))
            for t in previous.span
        )
        and any(t.dep_ == "nsubj" and t.lower_ == "we" and t.head.dep_ == "ROOT" for t in sentence.span)
    )


# "The next NATO summit will be held in June 2025" dates that summit, not the one the article reports.
_ANOTHER_SUMMIT = re.compile(r"\b(?:next|following|previous|last year's|last year’s)\s+(?:[\w-]+\s+){0,2}summit", re.I)


def _date_summits_by_reference(
    entries: list[TimelineFact], sentences: list[Sentence], published: date
) -> list[TimelineFact]:
    """ "The summit will also address ...": a summit the article dates elsewhere is that summit, on its date."""
    if not any(entry.kind == "summit" for entry in entries):
        return entries
    # Any sentence that dates a NATO summit ("concrete ways ... during a summit next week", "ahead of the Summit,
    # which will be held on 7 July") dates it, a step of its own or not; the caller leaves out another body's.
    dated = [
        (_position(sentence.evidence()), when, _summit_places(sentence.text))
        for sentence in sentences
        if _names_a_nato_summit(sentence.text) and not _ANOTHER_SUMMIT.search(sentence.text)
        for when, own in [_summit_date(_whole(sentence), published)]
        if own
    ]
    for entry in entries:
        if entry.kind != "summit" or not dated:
            continue
        start = _position(entry.evidence[0])
        own = next((when for at, when, _ in dated if at == start), None)
        if own is None:
            # not "the summit in Washington" dated by "the Bucharest summit in April 2008"
            places = _summit_places(entry.evidence[0].quote)
            candidates = [
                (at, w) for at, w, where in dated if not places or not where or (places & where and len(where) == 1)
            ]
        elif own.precision == "month":
            # "the summit in Vilnius this week" and "the summit set to start Tuesday": the day within that month.
            candidates = [(at, w) for at, w, _ in dated if w.precision == "day" and w.value.replace(day=1) == own.value]
        else:
            continue
        if candidates:
            when = min(candidates, key=lambda pair: abs(pair[0] - start))[1]
            entry.date, entry.date_precision = when.value, when.precision
    return entries


# "the Bucharest summit", "the NATO summit in Washington": where a summit is held
_SUMMIT_PLACE = re.compile(r"\b(?!Nato\b)([A-Z][a-z]+) [Ss]ummit\b|\b[Ss]ummit (?:in|at) (?:the )?([A-Z][a-z]+)")


def _summit_places(text: str) -> set[str]:
    return {
        place
        for match in _SUMMIT_PLACE.finditer(text)
        for place in match.groups()
        if place and places.city_country(place)
    }


def _position(evidence: Evidence) -> int:
    """Where the reader meets a quote: the headline (its offsets are the title's) before the body's first."""
    return -1 if evidence.part == "title" else evidence.start


def _whole(sentence: Sentence) -> Clause:
    """The sentence as one clause."""
    return Clause(sentence, sentence.text, frozenset(t.i for t in sentence.span))


_ANOTHER_TIME = re.compile(r"\b(?:also|too|as well|then|later|since|next|finally)\b", re.I)


def _date_restated_steps(
    entries: list[TimelineFact], unstated: set[int], lede: Evidence | None, told_as_news: set[int]
) -> list[TimelineFact]:
    """ "Turkey's parliament on Tuesday approved Sweden's bid. The assembly voted 287-55 ...": a country's
    application, ratification or accession told again without a date is the one the article dates (not the
    news of the day its opening sentence tells: "Turkish parliament has approved bill regarding Sweden's
    accession protocol", over "In October 2023, the president signed Sweden's protocol")."""
    for entry in entries:
        if id(entry) not in unstated or entry.kind not in {"application", "ratification", "accession"}:
            continue
        if lede is not None and entry.evidence[0] == lede and id(entry) in told_as_news:
            continue
        if entry.kind == "ratification" and _ANOTHER_TIME.search(entry.evidence[0].quote):
            continue  # "Hungary also ratified it": another member's ratification, another day
        dated = {
            (e.date, e.date_precision)
            for e in entries
            if e.kind == entry.kind and e.country == entry.country and id(e) not in unstated
        }
        if len(dated) == 1:  # two ratifications on two days: which one is meant is not said
            entry.date, entry.date_precision = next(iter(dated))
    return entries


def _date_by_the_meeting_told(
    entries: list[TimelineFact], unstated: set[int], sentences: list[Sentence], published: date
) -> list[TimelineFact]:
    """ "On Tuesday, the Minister met ... . The Minister underlined that membership remains the priority": a
    readout's statements, meetings and decisions with no date of their own are of the day of the meeting told
    last before them, in the week before the article."""
    undated = [e for e in entries if id(e) in unstated and e.kind in {"statement", "council", "plan"}]
    if not undated:
        return entries
    meetings = []  # (where the sentence starts, the day of the meeting it tells)
    for sentence in sentences:
        for when, ent in dates_in(sentence, base=published):
            verb = governing_verb(ent.root)
            if (
                when.precision == "day"
                and 0 < (published - when.value).days <= 7
                and verb is not None
                and verb.lemma_.lower() in _READOUT_VERBS
            ):
                meetings.append((_position(sentence.evidence()), when))
                break
    for entry in undated:
        told = [when for start, when in meetings if start < _position(entry.evidence[0])]
        if told:
            entry.date, entry.date_precision = told[-1].value, told[-1].precision
    return entries


# What a readout tells happened on a day: "On Tuesday, the Minister met ...", "took part in a meeting".
_READOUT_VERBS = frozenset({"meet", "take", "hold", "host", "receive", "visit", "welcome", "attend", "participate"})
_AFTER_APPLYING = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (year|month)s? after "
    r"(?:applying|it applied|they applied|(?:submitting|filing|lodging) (?:its|their) application|its application)\b",
    re.I,
)


def _date_by_application(entries: list[TimelineFact], unstated: set[int]) -> list[TimelineFact]:
    """ "It joined a year after applying": a step dated only by the country's application the article dates."""
    applied = {e.country: e for e in entries if e.kind == "application" and id(e) not in unstated}
    for entry in entries:
        match = _AFTER_APPLYING.search(entry.evidence[0].quote)
        application = applied.get(entry.country)
        if match is None or application is None or entry.kind == "application" or id(entry) not in unstated:
            continue
        count = int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS[match.group(1).lower()]
        try:
            when = add_months(application.date, count * (12 if match.group(2) == "year" else 1))
        except ValueError:
            continue  # past the year 9999
        if not date_in_range(when):
            continue  # past the last date the service keeps
        entry.date, entry.date_precision = when, "year" if application.date_precision == "year" else "month"
        unstated.discard(id(entry))
    return entries


_DECISION = re.compile(r"\b(?:agree[sd]?|decided?|pledged?)\s+(?:to|for)\b(?!\s+(?:meet|discuss|talk))", re.I)
# "offered no Membership Action Plan": a plan refused is no plan.
_NO_BEFORE = re.compile(r"\b(?:no|not|without)\s+(?:[\w-]+\s+){0,3}$", re.I)
_MANDATE = re.compile(r"\bextend\w*\b[^.]{0,30}\bmandate\b|\bmandate\b[^.]{0,30}\bextend\w*", re.I)


def _classify(clause: Clause, published: date, *, speakers: bool) -> list[tuple[str, ResolvedDate]]:
    """The steps a NATO clause reports, each with its kind and date; a clause may report two
    ("Sweden would become the 32nd member, which it applied to join in 2022")."""
    sentence, text = clause.sentence, clause.text
    found: list[tuple[str, ResolvedDate]] = []
    if (
        (match := ACCESSION.search(text))
        and not _QUALIFIED.search(text[max(0, match.start() - 25) : match.start()])
        # "complete accession to the EU", "aspiring to become European Union members" (not "an EU and NATO member")
        and not OTHER_UNION.search(text[match.end() : match.end() + 30])
        and not (OTHER_UNION.search(match.group()) and not names_nato(match.group()))
        and not _purpose_of_an_invitation(verb := _verb_at(sentence, match.start()))
        and not _joins_something_else(verb)
        # '"...," the Secretary General said at the flag-raising ceremony': where it was said, a statement
        and not (
            match.group().lower().replace("-", " ") == "flag raising"
            and any(a.lemma_.lower() in SPEECH_VERBS for a in [verb, *list(verb.ancestors)[:4]])
        )
    ):
        if _planned(verb) and not _hypothetical(verb) and _names_a_nato_summit(text):
            # Membership hoped for by a summit is the summit's entry, if the article dates the summit.
            when, own = _summit_date(clause, published)
            found += [("summit", when)] if own or not speakers else []
        else:
            found += _step("accession", sentence, verb, published, speakers=speakers)
    elif (
        (match := _JOINED_ON.search(text))
        and _joined_alone(joined := _verb_at(sentence, match.start()))
        and not OTHER_UNION.search(text)
        and path_countries(sentence, within=clause, strong=True)
    ):
        # "Finland joined on 4 April 2023", in a story about NATO (not "troops joined in March", "Norway joined in
        # 2021 the Innovation Fund", "Italy joined on 12 May, sending two frigates")
        found += _step("accession", sentence, joined, published, speakers=speakers)
    ratified = next(
        (
            verb
            for match in RATIFICATION.finditer(text)
            # "after 19 months pending ratification, ... was finally ratified on Monday": the second
            if not _AWAITED.search(text[max(0, match.start() - 40) : match.end() + 10])
            and not _urged(verb := _verb_at(sentence, match.start()))
            # "concluded the discussion on the protocol on the accession of Sweden, which it had deferred": talk
            and _lemma(verb) not in _DELIBERATING
            # "deposited their ratification documents, thereby becoming members": the deposit is the accession
            # (not "Hungary handed over its ratification documents, days before Sweden joined")
            and not (
                _DEPOSIT_IS_ACCESSION.search(sentence.text)
                and _INSTRUMENT_OF_RATIFICATION.search(text[max(0, match.start() - 20) : match.end() + 20])
            )
        ),
        None,
    )
    if ratified is not None:
        found += _step("ratification", sentence, ratified, published, speakers=speakers)
    # "voted to approve Finland's application to join": a member's ratification, not the application.
    if (
        (match := APPLICATION.search(text))
        and _lemma(verb := _verb_at(sentence, match.start())) not in _APPROVING - {"sign"}  # the applicant signs
        and not _urged(verb)  # "rejected a motion instructing the government to prepare an application"
        and not OTHER_UNION.search(text[match.start() : match.end() + 30])  # "applies for EU membership"
    ):
        found += _step("application", sentence, verb, published, speakers=speakers)
    if found:
        # "invited Malta to start accession talks and agreed that Iceland will become a member": both
        if invited := _invited(clause):
            found.append(("invitation", _clause_date(sentence, invited, published)))
        return found
    decided = _names_a_nato_summit(text) and _decided(clause)
    if invited := _invited(clause):
        # "NATO formally invited Austria to join at the summit": the invitation is the step, not the summit, nor
        # what someone said of it; "... and agreed that Georgia and Ukraine will become members": theirs too.
        return [("invitation", _clause_date(sentence, invited, published))] + (
            [("summit", _summit_date(clause, published)[0])] if decided else []
        )
    if COUNCIL.search(text):
        # "will convene the NATO-Ukraine Council on Wednesday", "is due to meet on Friday": the one to come
        ahead = "future" if _TO_COME.search(text) else "past"
        return [("council", _entry_date(sentence, published, prefer=ahead, by_tense=True, within=clause))]
    if decided:
        # "Leaders agreed at their summit in April 1999 to offer Albania a Membership Action Plan"
        return [("summit", _summit_date(clause, published)[0])]
    if _DECISION.search(text) or _invitation_to_come(clause):
        # "NATO defense ministers have agreed to ... provide further military support", however it is reported;
        # "Ukraine hopes for an invitation to join at the summit".
        return [("plan", _entry_date(sentence, published, within=clause))]
    if speakers:
        return [("statement", _statement_date(clause, published))]
    if (
        (plan := PLAN.search(text))
        and MEMBERSHIP.search(text)
        and not _NO_BEFORE.search(text[: plan.start()])
        and not _hypothetical(_verb_at(sentence, plan.start()))  # "Imagine if the alliance offered Tbilisi a MAP"
    ):
        return [("plan", _entry_date(sentence, published, within=clause))]
    if _names_a_nato_summit(text) and not _summit_in_a_condition(clause):
        return [("summit", _summit_date(clause, published)[0])]
    if _takes_a_stance(clause):
        return [("statement", _statement_date(clause, published))]
    if (invitation := INVITATION.search(text)) and (
        path_countries(sentence, within=clause) or _INVITED_TO_JOIN.search(text)
    ):
        # An invitation into NATO, not "invited the Secretary General to attend"; "are expected to invite": a plan
        # (but "would be invited when conditions are met" is the conditional invitation itself).
        verb = _verb_at(sentence, invitation.start())
        planned = _planned(verb) and not any(c.lower_ == "would" for c in verb.children)
        return [("plan" if planned else "invitation", _entry_date(sentence, published, within=clause))]
    return []


_DELIBERATING = frozenset(
    {"discuss", "debate", "consider", "defer", "postpone", "delay", "conclude", "examine", "review", "study"}
)
_DEPOSIT_IS_ACCESSION = re.compile(
    r"\bthereby (?:\w+ )?becom\w+|,\s*(?:\w+ )?becoming (?:[\w-]+ ){0,2}(?:members?|allies)\b"
    r"|\bmembership\b[^.]{0,30}\bbec\w+ official\b|\bformally joined\b[^.]{0,80}\bwhen\b",
    re.I,
)
_A_DAY = re.compile(r"\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow", re.I)


def _for_someone_to(verb: Token) -> bool:
    """ "for Ukraine to become", whether the parser makes "for" the verb's marker or "Ukraine" the object of
    "for" before "to"."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        c.dep_ in {"mark", "nsubj"} and c.lower_ == "for" for c in verb.children
    ):
        return True
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].lower_ != "to":
        return False
    subject = doc[verb.i - 2]
    while subject.dep_ in {"compound", "amod", "det", "nummod", "poss"} and subject.head.i != subject.i:
        subject = subject.head
    return subject.dep_ == "pobj" and subject.head.lower_ == "for"


def _on_a_day(verb: Token) -> bool:
    """Whether the verb's clause names a day ("on June 5", "on Thursday"), not only a month or a year."""
    inside = {t.i for t in verb.subtree}
    return any(ent.label_ == "DATE" and ent.root.i in inside and _A_DAY.search(ent.text) for ent in verb.doc.ents)


_TO_COME = re.compile(r"\b(?:will|would|shall|(?:due|set|scheduled|expected) to|is to|are to)\b", re.I)
_INSTRUMENT_OF_RATIFICATION = re.compile(
    r"\bratification (?:documents?|instruments?|papers)\b|\b(?:documents?|instruments?) of ratification\b", re.I
)
# "victory is necessary for it to become a member": what a step waits on
_CONDITIONS = frozenset(
    {"necessary", "need", "needed", "required", "essential", "crucial", "vital", "prerequisite", "condition"}
)
# "Hungary's approval is still needed for it to become a member": the one it waits on is not "it"
_GATEKEEPING = frozenset({"approval", "consent", "ratification", "veto", "support", "backing", "agreement", "vote"})
_OPENED_WAYS = frozenset({"way", "hurdle", "obstacle", "path", "door", "stage", "step"})
# "Sweden's application is still pending ratification by Hungary and Turkey": waited for, not done
_AWAITED = re.compile(r"\b(?:pending|awaiting|awaits|await)\s+(?:\w+\s+){0,2}?ratif", re.I)


# "Azerbaijan indirectly becomes NATO's military ally": a manner of speaking, no accession
_QUALIFIED = re.compile(r"\b(?:indirectly|de facto|practically|virtually|almost|nearly)\s+$", re.I)


def _step(
    kind: str, sentence: Sentence, verb: Token, published: date, *, speakers: bool
) -> list[tuple[str, ResolvedDate]]:
    """A step taken ("joined", "ratified"), dated by its clause; one still to come ("will approve Sweden's bid")
    is a plan, or, said by someone, their statement; one on a condition ("if Hungary ratified") or denied
    ("has not ratified", "had no plans to apply") is none."""
    if _hypothetical(verb) or _denied(verb):
        return []
    if not _planned(verb):
        return [(kind, _clause_date(sentence, verb, published))]
    return [] if speakers else [("plan", _clause_date(sentence, verb, published, planned=True))]


def _joined_alone(verb: Token) -> bool:
    """ "Finland joined on 4 April 2023": joined with no object and nothing more said of it."""
    return not any(c.dep_ in {"dobj", "xcomp", "advcl"} for c in verb.children)


def _denied(verb: Token) -> bool:
    """ "the only member that has not ratified", "will never join", "had no plans whatsoever to apply"."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "until" for c in verb.children):
        return False  # "did not become a member until March 2024": it did then
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head  # "no plans to apply", "did not want to join"
    if verb.dep_ == "xcomp" and _lemma(head) in {"decline", "refuse", "fail"}:
        return True  # "declining to ratify Swedish membership"
    if verb.dep_ == "pcomp" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.head.children):
        return True  # "there was no urgency in approving Sweden's bid"
    return verb.dep_ in {"acl", "relcl", "xcomp"} and (
        any(c.dep_ == "neg" for c in head.children) or any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
    )


def _decided(clause: Clause) -> bool:
    """Whether the clause reports a decision taken ("agreed at their summit to offer ..."), not one to come."""
    return any(
        clause.has(t)
        and t.tag_ == "VBD"
        and (
            (t.lemma_.lower() in {"agree", "decide"} and any(c.dep_ in {"xcomp", "advcl", "ccomp"} for c in t.children))
            # "At the Vilnius summit in July 2023, allies dropped the requirement for Ukraine to ...", "declared"
            or (
                t.lemma_.lower() in {"drop", "declare", "adopt", "endorse"}
                and any(c.dep_ in {"dobj", "ccomp"} for c in t.children)
            )
        )
        for t in clause.sentence.span
    )


def _invited_countries(clause: Clause) -> list[str]:
    """The countries an invitation the clause extends is made to: its objects, and theirs by conjunction."""
    invite = _invited(clause)
    if invite is None:
        return []
    found = []
    for root, country in _country_mentions(clause.sentence):
        token = root
        while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
            token = token.head
        if (token.head == invite and (token.dep_ != "nsubj" or _lemma(invite) != "invite")) or (
            invite.dep_ == "relcl" and invite.head == token
        ):
            found.append(country)
    return found


def _purpose_of_an_invitation(verb: Token) -> bool:
    """ "invited Montenegro to start accession talks to become the 29th member": what the invitation is for
    (also where the parser hangs "to become" on a noun before: "a decision to invite Finland to become ...")."""
    before = verb.doc[max(verb.sent.start, verb.i - 8) : verb.i]
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        any(a.lemma_.lower() == "invite" for a in list(verb.ancestors)[:3])
        or any(t.lemma_.lower() == "invite" and t.tag_ == "VB" for t in before)
    )


def _invited(clause: Clause) -> Token | None:
    """The verb of an invitation extended ("Allies invited Austria to join"), not one wished for or refused."""
    for token in clause.sentence.span:
        if _received_an_invitation(token) and clause.has(token):
            return token
        if (
            clause.has(token)
            and token.lemma_.lower() == "invite"
            and token.pos_ == "VERB"
            # "29 June 2022 - Allied leaders formally invite Finland and Sweden to join": a dated list's present
            and (token.tag_ in {"VBD", "VBN"} or _decided_to(token) or date_heading(clause.sentence))
            and not any(
                c.dep_ == "neg" or c.lower_ in {"would", "will", "could", "may", "might"} for c in token.children
            )
            and (
                (
                    (
                        any(
                            (root.head == token and root.dep_ in {"dobj", "nsubjpass"})
                            # "North Macedonia, which was invited to ..."
                            or (token.dep_ == "relcl" and token.head == root)
                            for root, _ in _country_mentions(clause.sentence)
                        )
                        or any(c.dep_ == "nsubjpass" and _names_the_group(c) for c in token.children)
                    )
                    # "to join", "to start accession talks", "to activate its Membership Action Plan"; not "to attend"
                    and _to_join(token)
                )
                or _invited_after_applying(token, clause.sentence)
            )
        ):
            return token
    return None


def _received_an_invitation(verb: Token) -> bool:
    """ "Albania and Croatia had received a formal invitation to join NATO at last year's summit"."""
    return (
        _lemma(verb) in {"receive", "get"}
        and verb.pos_ == "VERB"
        and verb.tag_ in {"VBD", "VBN"}
        and any(c.dep_ == "dobj" and c.lemma_.lower() == "invitation" for c in verb.children)
        and _to_join(verb)
        and not _denied(verb)
    )


def _decided_to(invite: Token) -> bool:
    """ "Today we have decided to invite Austria", "Allies agreed to invite Malta": the invitation, decided."""
    head = invite.head
    if invite.dep_ == "acl" and head.lemma_.lower() in {"decision", "agreement"}:
        head = head.head  # "made a decision to invite Finland", "reached agreement at the summit to invite Sweden"
        return _lemma(head) in {"make", "take", "adopt", "reach"} and head.tag_ in {"VBD", "VBN"}
    return (
        invite.dep_ == "xcomp"
        and _lemma(head) in {"decide", "agree"}
        and (head.tag_ in {"VBD", "VBN"})
        and not any(c.dep_ == "neg" for c in head.children)
    )


def _invited_after_applying(invite: Token, sentence: Sentence) -> bool:
    """ "Finland and Sweden applied on 18 May 2022 and were invited at the Madrid summit": invited to join."""
    applied = invite.head
    if invite.dep_ != "conj" or applied.lemma_.lower() != "apply":
        return False
    if not APPLICATION.search(applied.doc[applied.i : invite.i].text) and any(
        c.dep_ in {"xcomp", "prep"} and c.lower_ != "on" for c in applied.children
    ):
        return False  # "applied to host the NATO Innovation Fund office and was invited": not to join
    if any(c.lower_ == "to" or c.dep_ in {"xcomp", "advcl"} for c in invite.children) and not _to_join(invite):
        return False  # "applied ... and was invited to the Vilnius summit", "... invited in June to present"
    subjects = {t.i for c in applied.children if c.dep_ == "nsubj" for t in c.subtree}
    return any(root.i in subjects for root, _ in _country_mentions(sentence))


def _statement_date(clause: Clause, published: date) -> ResolvedDate:
    """The day a position was stated; "has said" with no date is some time before the article, its month (but
    the article's news when its opening sentence says so)."""
    sentence = clause.sentence
    dates = dates_in(sentence, base=published)
    undated = not any(clause.has(ent.root) for _, ent in dates)
    if undated and any(
        t.lemma_.lower() in SPEECH_VERBS
        and t.tag_ == "VBN"
        and clause.has(t)
        and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in t.children)
        for t in sentence.span
    ):
        return _SaidBefore(published.replace(day=1), "month")
    for when, ent in dates:
        # "Finland will join on Tuesday, Kvale said on Monday": the day it was said, not the day it speaks of;
        # "said last week" the month of that week (not "recalled that Allies declared ... in July")
        verb = ent.root.head.head if ent.root.head.dep_ == "prep" else ent.root.head
        spoken = clause.has(ent.root) and verb.pos_ in {"VERB", "AUX"} and _lemma(verb) in SPEECH_VERBS
        if spoken and verb.dep_ != "relcl":  # not "Beridze, who said in 2019 that ..., repeated on Monday"
            return when
    root = next((t for t in sentence.span if clause.has(t) and (t.dep_ == "ROOT" or not clause.has(t.head))), None)
    if not dates and root is not None and root.tag_ in {"VBZ", "VBP"} and root.pos_ == "VERB":
        # "Australia supports Ukraine's aspiration to join NATO": a position held as the article speaks, its day
        # (not that of a meeting the release told before)
        return ResolvedDate(published, "day")
    return _entry_date(sentence, published, day_only=True, within=clause)


_INVITED_TO_JOIN = re.compile(
    r"\binvit\w*\b[^.]{0,90}?\bto (?:join(?!\s+(?:the\s+)?(?:NATO[’']?s?\s+|[Aa]lliance[’']s\s+)?(?:[\w-]+\s+)?"
    r"(?:summit|talks|meeting|session|mission|exercises?|operations?|pact|programme|program|partnership)\b)"
    r"|membership|accession|(?:start|begin|open) (?:accession|membership|"
    r"talks on (?:joining|membership|accession))|activate"
    r"|become (?:a |an |the |its )?(?:[\w’'-]+ ){0,3}(?:members?|[Aa]ll(?:y|ies))\b"
    r"(?!\s+of\s+(?!NATO\b|the (?:North Atlantic |military )?[Aa]lliance\b)))",
    re.I,
)


def _to_join(invite: Token) -> bool:
    """Whether an invitation is to join ("invited Austria to join", "to start accession talks"), not to attend."""
    # to the end of its subtree, or, where the parser hung its "to become" elsewhere, a few words on
    end = invite.right_edge.i + 1
    if not any(c.dep_ in {"xcomp", "advcl"} for c in invite.children):
        end = max(end, min(invite.sent.end, invite.i + 10))
    return bool(_INVITED_TO_JOIN.search(invite.doc[invite.i : end].text))


def _names_a_nato_summit(text: str) -> bool:
    """Whether a summit the text names is not one of another body's ("the European Political Community Summit")."""
    return len(SUMMIT.findall(text)) > len(OTHER_SUMMIT.findall(text))


def _summit_in_a_condition(clause: Clause) -> bool:
    """ "If Austria is invited at the Ankara summit, you might see some inflows": the summit of a condition."""
    summits = [t for t in clause.sentence.span if t.lower_ == "summit" and clause.has(t)]
    return bool(summits) and all((verb := governing_verb(t)) is not None and _hypothetical(verb) for t in summits)


def _invitation_to_come(clause: Clause) -> bool:
    """ "hopes for an invitation", "will push for an invitation": an invitation wished for is a plan."""
    match = INVITATION.search(clause.text)
    if match is None:
        return False
    word = _verb_at(clause.sentence, match.start())
    if any(c.dep_ == "neg" for c in word.children):
        return False  # "an invitation to join is not expected at next year's summit"
    if OTHER_SUMMIT.search(clause.text[match.end() : match.end() + 40]):
        return False  # "pressed for an invitation to the G7 summit"
    if _TO_ATTEND.match(clause.text[match.end() :]):
        return False  # "his invitation to the NATO summit in DC this week": to attend it
    return _lemma(word) in {"hope", "push", "press", "lobby", "seek", "expect", "want", "wait"} or (
        word.pos_ in {"VERB", "AUX"} and _planned(word) and _lemma(word) != "invite"
    )


_TO_ATTEND = re.compile(
    r"\w*\s+to (?:the |this |next )?(?:(?!(?:at|in|on|for|during)\b)[\w-]+ ){0,3}?"
    r"(?:summit|meeting|ministerial|talks)\b",
    re.I,
)


def _lemma(token: Token) -> str:
    """The token's lemma, lower-case; the small English model gives "hopes" the lemma "hop"."""
    return "hope" if token.lower_ in {"hopes", "hoped"} else token.lemma_.lower()


def _urged(verb: Token) -> bool:
    """ "counted on Hungary to complete its ratification", "urged Turkey to ratify": asked for, not done."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    # Not "Parliament is expected to ratify": a plan.
    return any(
        _lemma(a) in _URGING and not any(c.dep_ == "auxpass" for c in a.children) for a in list(verb.ancestors)[:2]
    )


_URGING = frozenset(
    {"urge", "call", "count", "expect", "hope", "want", "ask", "press", "encourage", "wait"}
    | {"instruct", "order", "task", "direct", "mandate"}  # "a motion instructing the government to apply"
    | {"need"}  # "Hungary is not sure it needs to approve Sweden's bid"
)


def _hypothetical(verb: Token) -> bool:
    """ "... when Ukraine joins the Alliance", "if Sweden joins": a condition, not a step (unlike "when it joined")."""
    markers = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}}
    if markers & {"if", "unless"}:  # "if Ukraine joined NATO": a condition in any tense
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # "Were Austria ever to apply ...", "Should Ukraine join ...": the auxiliary before the subject
    inverted = [*auxiliaries, *([verb.head] if verb.head.pos_ == "AUX" else [])]
    subject = next((c for a in (verb, verb.head) for c in a.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and any(a.lower_ in {"were", "should", "had"} and a.i < subject.i for a in inverted):
        return True
    lowered = [a.lower_ for a in auxiliaries]
    if any(m in lowered for m in ("should", "could", "would", "might")) and "have" in lowered:
        return True  # "Malta should have joined NATO in 2004": what did not happen
    if "should" in lowered and not _on_a_day(verb):
        return True  # "Austria should apply for NATO membership in June": an opinion, no step
    if not markers & {"when", "once", "until", "before"}:
        return False
    if any(a.lower_ in {"will", "shall"} for a in auxiliaries):
        return False  # "the date when seven countries will become members": the time of it, no condition
    # "once the last instruments have been lodged": a perfect that is still to come
    return verb.tag_ in {"VBZ", "VBP", "VB"} or any(a.lower_ in {"has", "have"} for a in auxiliaries)


def _verb_at(sentence: Sentence, char: int) -> Token:
    """The verb (or the word) a regex match at this character of the sentence hangs on."""
    token = sentence.span.char_span(char, char + 1, alignment_mode="expand")
    word = token[0] if token is not None and len(token) else sentence.span.root
    head = word
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    return head if head.pos_ in {"VERB", "AUX"} else word


def _planned(verb: Token) -> bool:
    """Whether a step is still to come: "will join", "would become", "is set to deposit", "look forward to
    welcoming" (not "will now deposit")."""
    if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children):
        return False  # "said it would no longer block the bid": decided now
    if verb.tag_ == "VBG" and verb.head.lower_ in {"to", "towards", "toward"}:
        return True  # "one step closer to becoming a full member"
    if verb.dep_ == "xcomp" and _lemma(verb.head) in {"wish", "anticipate", "await"}:
        return True  # "wishes to become a member", "we eagerly anticipate becoming a NATO member"
    if (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ in {"mark", "nsubj"} and c.lower_ == "for" for c in verb.children)
        and any(
            a.lemma_.lower() in _OPENED_WAYS | _CONDITIONS
            or any(
                c.dep_ in {"dobj", "acomp", "attr"} and c.lemma_.lower() in _OPENED_WAYS | _CONDITIONS
                for c in a.children
            )
            for a in list(verb.ancestors)[:2]
        )
        and not any(
            t.ent_type_ == "DATE" for t in verb.subtree
        )  # "... for it to become the 29th member on June 5, 2017"
    ):
        # "clearing another hurdle for the country to become", "paving the way for Macedonia to become", "victory is
        # necessary for it to become a member"
        return True
    if (
        _lemma(verb) in PATH_VERBS
        and _for_someone_to(verb)
        and not any(t.ent_type_ == "DATE" and t.lower_ not in {"one", "day", "someday"} for t in verb.subtree)
    ):
        # "required for any country to become a member", "too early for Ukraine to become", "no roadmap for
        # Georgia to become a member": what would have to be, not a step taken
        return True
    if (
        verb.tag_ in {"VB", "VBP"}
        and verb.lower_ == verb.lemma_.lower()
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    ):
        return True  # "it is in everyone's interest that Sweden also become a member": wished for
    if (
        verb.dep_ in {"acl", "advcl"}
        and {"to", "be"} <= {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        and not any(c.lower_ in {"last", "first"} for c in verb.head.children)  # "the last protocol to be ratified"
    ):
        return True  # "with the accession protocol to be signed before the end of July"
    if any(
        c.lower_ == "yet" and c.dep_ == "advmod" and a.lemma_.lower() in {"have", "be"}
        for a in (verb, *list(verb.ancestors)[:2])
        for c in a.children
    ):
        return True  # "the only ally that has yet to approve Sweden's membership", "is yet to ratify"
    if _lemma(verb) in {"expect", "set", "schedule", "due", "poise"} and any(c.dep_ == "xcomp" for c in verb.children):
        return True  # "is expected to formally join": the regex's match starts at "expected"
    head = verb
    for _ in range(4):
        for child in head.children:
            if child.dep_ == "aux" and child.lower_ == "must":
                return True  # "must now be ratified by all allies": still to come
            if (
                child.dep_ == "aux"
                and child.lower_ == "should"
                and _lemma(head) in PATH_VERBS - {"apply"}
                and _on_a_day(head)
                and not any(c.lower_ == "have" for c in head.children)
            ):
                # "Montenegro should become a member of NATO on June 5": as scheduled (not "Austria should apply in
                # June", an opinion)
                return True
            if child.dep_ == "aux" and child.lower_ in {"will", "would", "shall", "'ll"}:
                # "will now deposit", "who today will formally accede": done as the article speaks
                today = any(c.lower_ == "today" for c in head.children) or (
                    child.i > 0 and head.doc[child.i - 1].lower_ == "today"
                )
                return not any(c.lower_ == "now" for c in head.children) and not today
        if head.i != verb.i and _lemma(head) in LOOKING_FORWARD:
            return True  # "is expected to ratify", "promised to ratify Sweden's accession in October"
        if head.dep_ in {"ROOT", "ccomp", "advcl", "relcl"} and head.pos_ in {"VERB", "AUX"} and head.i != verb.i:
            break
        if head.dep_ == "relcl":  # "Austria, which applied a year ago, hopes to be admitted": its own tense
            break
        if head.head.i == head.i:
            break
        head = head.head
    # "that it would one day become a member", where the parser hung "would" on "day"
    for token in reversed(verb.doc[max(verb.i - 4, verb.sent.start) : verb.i]):
        if token.pos_ in {"VERB", "AUX"} and token.tag_ != "MD":
            break
        if token.tag_ == "MD" and token.lower_ in {"will", "would", "shall", "'ll"}:
            return True
    return False


def _clause_date(sentence: Sentence, verb: Token, published: date, *, planned: bool = False) -> ResolvedDate:
    """The date said of a step's own clause ("since 1 April 2009, when Albania and Croatia joined"), else the
    sentence's."""
    prefer = "future" if planned else "past"
    dates = dates_in(sentence, base=published, prefer=prefer, ahead=planned)
    # "would become the 32nd member, which it applied to join in 2022": the relative clause's date is its own.
    hung = {t.i for c in verb.subtree if c.i != verb.i and c.dep_ in {"relcl", "advcl", "ccomp"} for t in c.subtree}
    # "Croatia joined NATO in 2009, and its entry into the euro zone followed on 1 January 2023": another clause's.
    joined = {
        t.i
        for c in verb.subtree
        if c.i != verb.i and c.dep_ == "conj" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        for t in c.subtree
    }
    own = {t.i for t in verb.subtree} - joined - (hung if planned else set())
    ancestors = {a.i for a in list(verb.ancestors)[:2]}
    mine = [(resolved, ent) for resolved, ent in dates if ent.root.i in own and not date_of_saying(ent)]
    # "applied in May 2022, together with Finland, which joined on April 4, 2023": its own, not the clause's
    mine = [(resolved, ent) for resolved, ent in mine if ent.root.i not in hung] or mine
    if mine:  # "One year ago, on September 30, 2022", "on Monday (30 March 2020)": the finest date, written out
        return min(mine, key=lambda d: (_FINENESS[d[0].precision], not _YEAR.search(d[1].text)))[0]
    for resolved, ent in dates:
        if any(t.i in ancestors for t in ent):
            return resolved
    # "since 1 April 2009, when Albania and Croatia joined": the date the clause hangs on, just before it.
    for resolved, ent in dates:
        if verb.left_edge.i - 2 <= ent.end <= verb.left_edge.i and any(t.lower_ == "when" for t in verb.children):
            return resolved
    if planned:
        ahead = next((r for r, ent in dates if ent.root.i not in hung and not date_of_saying(ent)), None)
        # "... is necessary for it to become a member, the president said on Tuesday": the plan as told that day
        said = next((r for r, ent in dates_in(sentence, base=published) if date_of_saying(ent)), None)
        return ahead or said or Unstated(published, "day")
    if verb.dep_ == "relcl" and any(root == verb.head for root, _ in _country_mentions(sentence)):
        return Unstated(published, "day")  # "Ireland, whose protocol has been ratified, will deposit ... next month"
    return _entry_date(sentence, published, prefer=prefer)


_FINENESS = {"day": 0, "month": 1, "year": 2}
_YEAR = re.compile(r"\b\d{4}\b")


def _takes_a_stance(clause: Clause) -> bool:
    """A position on a country's membership, held by a government or the alliance: "The U.S. fully supports ...",
    "urged the government to return to the path of Euro-Atlantic integration"."""
    span = clause.sentence.span
    stance = any(t.lemma_.lower() in STANCE_WORDS and t.pos_ in {"VERB", "ADJ", "AUX"} and clause.has(t) for t in span)
    return stance and (
        bool(path_countries(clause.sentence, within=clause))
        or any(t.lemma_.lower() in _MEMBERSHIP_NOUNS and t.pos_ == "NOUN" and clause.has(t) for t in span)
        or bool(_EURO_ATLANTIC.search(clause.text))
    )


_MEMBERSHIP_NOUNS = frozenset({"membership", "accession", "enlargement"})
_EURO_ATLANTIC = re.compile(r"\bEuro-Atlantic integration\b|\bintegration (?:into|with) (?:NATO|the Alliance)\b", re.I)


def _summit_date(clause: Clause, published: date) -> tuple[ResolvedDate, bool]:
    """A summit's own date ("the June 29-30 NATO Summit", "the Washington Summit in July"), else its clause's."""
    sentence = clause.sentence
    dates = [
        (d, ent)
        for d, ent in dates_in(sentence, base=published, prefer="future", by_tense=True)
        if not date_of_saying(ent)
    ]
    for token in sentence.span:
        if token.lower_ != "summit" or not clause.has(token):
            continue
        # "set to start Tuesday" is the summit's own, as is "the Summit, which will be held on 7 July"; "aimed at ...
        # if the president loses the November poll" is not.
        hung = {
            t.i
            for c in token.subtree
            if c.dep_ in {"relcl", "advcl"} and not (c.dep_ == "relcl" and c.head == token and _held(c))
            for t in c.subtree
        }
        own = {t.i for t in token.subtree} - hung
        near = set(range(token.i - 4, token.i + 5))  # "the Summit in July", however the parser attached it
        for resolved, ent in dates:
            if ent.root.i in own:
                return resolved, True
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in {"after", "before", "following", "since", "until"}
            and not any(c.dep_ == "npadvmod" for c in token.head.children)  # (not "two weeks before the summit")
        ):
            # "due to address the convention on July 15, soon after the NATO summit": a date told by the summit
            return Unstated(published, "day"), False
        for resolved, ent in dates:
            if ent.start in near and ent.root.i not in hung:
                return resolved, True
        verb = governing_verb(token)
        if verb is not None:
            # The summit's clause, without the other clauses hung on it ("..., some observers say, ... if the president
            # loses the November poll").
            others = {
                t.i
                for c in verb.subtree
                if c.dep_ in {"relcl", "advcl", "ccomp", "parataxis"} or (c.dep_ == "conj" and c.pos_ == "VERB")
                if not (c.left_edge.i <= token.i <= c.right_edge.i)
                for t in c.subtree
            }
            verb_clause = {t.i for t in verb.subtree} - hung - others
            for resolved, ent in dates:
                if ent.root.i in verb_clause:
                    return resolved, True
        if heading := heading_date(sentence, base=published):
            return heading, True
        return Unstated(published, "day"), False
    return _entry_date(sentence, published, within=clause), True


def _held(verb: Token) -> bool:
    """ "which will be held", "which takes place", "which opens": a verb of an event taking place."""
    return verb.lemma_.lower() in {"hold", "take", "open", "start", "begin", "convene", "run", "meet"}


_COUNCIL_COUNTRY = re.compile(
    r"\bNATO-([A-Z][a-z]+(?: and [A-Z][a-z]+)?) (?:Council|Commission)\b|\b([A-Z][a-z]+)-NATO (?:Council|Commission)\b"
)


# "the Council last met on 26 November", "The Council's first meeting took place on 12 July"
_THE_COUNCIL_MET = re.compile(
    r"\b[Tt]he (?:Council|Commission)(?:[’']s (?:\w+ )?(?:meeting|session))?\b[^.]{0,40}?\b(?:met|meets|will meet|"
    r"convened|took place|was held|will be held|gathered)\b"
)


# "the Council of Ministers", "the UN Security Council", "the European Commission": another body's
_ANOTHER_COUNCIL = re.compile(
    r"\b(?:Council|Commission)(?:[’']s)? of\b|\bSecurity Council\b|\bUN\b|\bUnited Nations\b|\bEuropean\b"
    r"|\bEU\b|\bcommissioners?\b|\bsanctions\b"
)


def _the_council_again(sentence: Sentence, country: str, published: date) -> TimelineFact | None:
    """A session of the joint body the article named before, told again as "the Council", with its date."""
    text = sentence.text
    if not _THE_COUNCIL_MET.search(text) or COUNCIL.search(text) or _ANOTHER_COUNCIL.search(text):
        return None
    when = _entry_date(sentence, published, prefer="past", by_tense=True)
    if isinstance(when, Unstated):
        return None  # one told without a date is the session the article is about, told already
    return _entry("council", sentence, when, [], country)


def _council_country(text: str) -> str | None:
    """The partner a joint body is named after: the NATO-Ukraine Council, the NATO-Georgia Commission."""
    match = _COUNCIL_COUNTRY.search(text)
    return places.country(match.group(1) or match.group(2)) if match else None


def path_countries(sentence: Sentence, *, strong: bool = False, within: Clause | None = None) -> list[str]:
    """Countries whose way into NATO the sentence (or one clause of it) speaks of: "Sweden's bid", "Finland
    applied", "welcoming Sweden".

    With `strong`, only what says it outright ("Sweden's bid", "Finland applied"), not a country supported.
    """
    found: list[str] = []
    for root, country in _country_mentions(sentence):
        if within is not None and not within.has(root):
            # "Finland, which became a member a year ago, ...": the relative clause is about the word it hangs on.
            if country not in found and any(c.dep_ == "relcl" and within.has(c) for c in root.children):
                found.append(country)
            continue
        if country not in found and _on_the_path(root, strong=strong):
            found.append(country)
    for token in sentence.span:
        # "Helsinki said it would apply for membership": "it" is the country that said so.
        if (
            token.lower_ in {"it", "they"}
            and token.dep_ == "nsubj"
            and _path_verb(token.head)
            and (within is None or within.has(token))
        ):
            sayer = next((v for v in token.head.ancestors if v.pos_ in {"VERB", "AUX"}), None)
            mentions = _country_mentions(sentence)
            for root, country in mentions:
                if sayer is not None and root.head == sayer and root.dep_ == "nsubj" and country not in found:
                    found.append(country)
            before = {
                country
                for root, country in mentions
                if root.i < token.i and not (root.dep_ == "poss" and root.head.lemma_.lower() in _GATEKEEPING)
            }
            if token.lower_ == "it" and not found and len(before) == 1:
                found += before  # "Malta's victory is necessary for it to become a member": the one named before
        # "In Vienna, the spread on Austrian debt barely budged after the government formally applied": the one
        # country the sentence names or speaks from.
        if (
            token.lower_ == "government"
            and token.dep_ == "nsubj"
            and not any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in token.children)
            and _path_verb(token.head)
            and (within is None or within.has(token))
            and len(where := _countries_named_or_spoken_from(sentence)) == 1
            and not found
        ):
            found += where
    if not found:
        # "North Macedonia's parliament ratified the country's accession protocol": the country named before;
        # "Malta's prime minister handed over the instrument of accession": the one who hands it in.
        for token in sentence.span:
            if (within is None or within.has(token)) and (
                (
                    token.lower_ == "country"
                    and token.dep_ == "poss"
                    and token.head.lemma_.lower() in _MEMBERSHIP_OBJECTS | {"protocol", "entry"}
                )
                or (
                    token.lemma_.lower() in {"instrument", "document", "paper"}
                    and token.dep_ in {"dobj", "nsubjpass"}
                    and _lemma(token.head) in _HANDING_VERBS | {"deliver", "present"}
                    and any(t.lower_ == "accession" for t in token.subtree)
                )
            ):
                found += _country_of_the_subject(sentence, token)
    if not found:
        found += _the_speaker_s_country(sentence, within)
    if not found and within is not None:
        for token in sentence.span:
            if (
                token.lower_ == "its"
                and token.dep_ == "poss"
                and token.head.lemma_.lower() in _MEMBERSHIP_OBJECTS
                and within.has(token)
                and not _of_ratification(token.head)  # the ratifier's instrument
            ):
                # "Ukraine should join the alliance. The U.S. and Germany worry its admission could ...": the one
                # before; else "Sweden's premier handed over the documents, completing its accession".
                verb = governing_verb(token)
                if (
                    verb is not None
                    and _lemma(verb) not in _APPROVING | PATH_SUPPORT_VERBS | {"oppose", "veto"}
                    and (subject_country := _country_of_the_subject(sentence, token))
                ):
                    return subject_country  # "Malta ... handed in its application"
                # "Moldova's place is in the Euro-Atlantic family, and we would welcome its membership": the one
                # country named before it ("Sweden had to wait, after Turkey's parliament approved its bid": not
                # the one approving it); else the one the paragraph put on its way before.
                approving = {
                    t.i for c in (verb.children if verb is not None else []) if c.dep_ == "nsubj" for t in c.subtree
                }
                before = {c for root, c in _country_mentions(sentence) if root.i < token.i and root.i not in approving}
                if len(before) == 1:
                    return list(before)
                return list(within.antecedents)
        if within.group and any(within.has(t) and _names_the_group(t) for t in sentence.span):
            return list(within.group)  # "The two countries were invited to begin accession talks"
    return found


_GROUP_NOUNS = frozenset({"country", "nation", "state", "candidate", "applicant", "democracy"})


def _names_the_group(token: Token) -> bool:
    """ "the two countries", "both Nordic nations" as the subject, "they" of a step; "their accession protocols"
    (not "NATO countries", "member states", "they agreed")."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        if token.lower_ in {"both", "they"}:
            return _path_verb(token.head) or token.head.lemma_.lower() in {"invite", "apply", "submit", "sign"}
        return (
            token.lemma_.lower() in _GROUP_NOUNS
            and token.tag_ == "NNS"
            and not any(c.dep_ == "compound" for c in token.children)
            and any(c.lower_ in {"the", "both", "these", "those"} or c.dep_ == "nummod" for c in token.children)
        )
    return token.lower_ == "their" and token.dep_ == "poss" and token.head.lemma_.lower() in _MEMBERSHIP_OBJECTS


def _the_speaker_s_country(sentence: Sentence, within: Clause | None) -> list[str]:
    """ "Moldova's President Ana Ciobotaru has said her country will not seek NATO membership": the country of
    whoever says "my country", "her country" or "the island" of its way in."""
    for token in sentence.span:
        if (
            token.lower_ in {"country", "nation", "island", "republic", "kingdom", "government"}
            and any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their", "my", "our"} for c in token.children)
            and (within is None or within.has(token))
            and _on_the_path(token)
            and (sayer := next((v for v in token.ancestors if _lemma(v) in SPEECH_VERBS), None)) is not None
        ):
            # named with the speaker ("Malta's Prime Minister ... said the island would never apply"), else
            # where one speaks of one's own country from ("In neighbouring Serbia, President X repeated that his
            # country ...", not "In a call with Poland's president, the premier said the country's ...")
            subject = {t.i for c in sayer.children if c.dep_ == "nsubj" for t in c.subtree}
            named = {c for root, c in _country_mentions(sentence) if root.i in subject}
            if not named:  # where they speak from, told first ("In Serbia, President X said", not "said in Finland")
                first = min((c.i for c in sayer.children if c.dep_ == "nsubj"), default=sayer.i)
                named = {
                    c
                    for root, c in _country_mentions(sentence)
                    if root.dep_ == "pobj"
                    and root.head.lower_ in {"in", "from"}
                    and root.head.head.i == sayer.i
                    and root.i < first
                }
            if not named:  # "Kosovo is ready ..., President X said, calling for the alliance to open its doors to her
                named = {c for _, c in _country_mentions(sentence)}  # country": the one country the sentence names
            return list(named) if len(named) == 1 else []
    return []


def _country_of_the_subject(sentence: Sentence, token: Token) -> list[str]:
    """ "North Macedonia's parliament ratified the country's protocol": the one country the subject of the verb
    names (not "the premier, in a call with Poland's president, said the country's application ...")."""
    verb = governing_verb(token)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    if verb is not None and not subjects and verb.dep_ == "acl":
        # "Malta, a small island nation, handed in its application", parsed as a phrase
        return [c for root, c in _country_mentions(sentence) if root == verb.head][:1]
    if verb is not None and not subjects and verb.dep_ in {"advcl", "xcomp", "conj"} and _lemma(verb) not in _APPROVING:
        # "Sweden's premier handed over ..., completing its accession" (not "Spain became the last to approve it")
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].left_edge.i <= token.i <= subjects[0].right_edge.i:
        return []
    subject = subjects[0]
    named = {c for root, c in _country_mentions(sentence) if subject.left_edge.i <= root.i <= subject.right_edge.i}
    return list(named) if len(named) == 1 else []


def _still_to_come(clause: Clause, country: str) -> bool:
    """Whether the clause speaks of this country's membership as to come: "look forward to welcoming Sweden"."""
    sentence = clause.sentence
    root = next((r for r, c in _country_mentions(sentence) if clause.has(r) and c == country), None)
    return root is not None and _planned(_verb_at(sentence, root.idx - sentence.span.start_char))


def _on_the_path(token: Token, *, strong: bool = False) -> bool:
    """Whether the sentence puts the country this word names on its way into NATO."""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head  # "Sweden and Finland's accession", "Finland and Sweden joining"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in PATH_SUPPORT_VERBS:
        return _supported(token, strong=strong)
    return not _ratifier(token) and any(test(token) for test in _PATH_TESTS)


def _ratifier(token: Token) -> bool:
    """ "welcomed Hungary's ratification of Sweden's accession": the member ratifying, not the one on its way."""
    head = token.head
    return (
        token.dep_ == "poss"
        and head.lemma_.lower() in {"ratification", "approval", "endorsement"}
        and any(c.dep_ == "prep" and c.lower_ in {"of", "for"} for c in head.children)
    )


def _possessed_path(token: Token) -> bool:
    """ "Sweden's bid", "Austria's NATO bid", "Finland's decision to seek membership"."""
    if token.dep_ != "poss":
        return False
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "Austria's NATO bid": the parser hangs the country on "NATO"
    if head.lemma_.lower() in _GATEKEEPING:
        return False  # "Turkey's veto on Cyprus joining": the one who holds the door
    return head.lemma_.lower() in PATH_NOUNS or any(
        c.dep_ in {"acl", "xcomp", "relcl"} and c.lemma_.lower() in _SEEKING_VERBS for c in head.children
    )


def _described_path(token: Token) -> bool:
    """ "Swedish membership", "the Finnish flag was raised": the country's word describing its way in ("Swedish
    NATO ambitions", not "Russian imperialist ambitions")."""
    head = token.head
    return (
        token.dep_ == "amod"
        and head.lemma_.lower() in (_MEMBERSHIP_OBJECTS | {"flag"}) - {"integration"}
        and (
            head.lemma_.lower() not in _VAGUE_PATHS
            or any(t.i != token.i and _SAID_OF_NATO.fullmatch(t.text) for t in head.subtree)
        )
    )


# Nouns that are a way into NATO only when NATO is said with them
_VAGUE_PATHS = frozenset({"ambition", "ambitions", "aspiration", "aspirations", "hopes", "addition", "entry"})
_SAID_OF_NATO = re.compile(r"N(?:ATO|ato)|[Aa]lliance|Euro-?[Aa]tlantic|membership|accession", re.I)


def _subject_of_a_path_verb(token: Token) -> bool:
    """ "Finland applied", "Sweden became the 32nd member", "Sweden abandoned non-alignment and applied to join"."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = token.head
    shared = [c for c in head.children if c.dep_ == "conj" and not any(g.dep_ == "nsubj" for g in c.children)]
    # "is expected to become NATO's 30th member", "hopes to join", "waited a decade, finally joining", "had no
    # plans to apply": the subject of the verb it leads to
    led = [c for c in head.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and c.tag_ == "VBG")]
    # "Ukraine could forget about joining NATO", "is keen on joining": its own joining, no one else's
    led += [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in {"about", "on"}
        for g in c.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG" and not any(s.dep_ in {"nsubj", "poss"} for s in g.children)
    ]
    # "has no intention of abandoning its neutrality and joining NATO": its own joining
    intended = [
        g
        for o in head.children
        if o.dep_ == "dobj" and o.lemma_.lower() in _INTENT_NOUNS
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pcomp"
    ]
    led += intended + [c for g in intended for c in g.children if c.dep_ == "conj" and c.tag_ == "VBG"]
    # ("announced its plans to apply"; not "supports Ukraine's aspiration to join": Ukraine's)
    led += [
        v
        for o in head.children
        if o.dep_ == "dobj"
        and not any(
            (p.dep_ == "poss" and p.pos_ != "PRON") or (p.dep_ == "amod" and places.country(p.text)) for p in o.children
        )  # (nor "would support Maltese aspirations to join")
        for v in o.children
        if v.dep_ in {"acl", "relcl"}
    ]
    return (
        _path_verb(head)
        or _in_an_action_plan(head)
        or any(_path_verb(verb) and _joins_nothing_else(verb) for verb in [*shared, *led])
        # "Tbilisi wants to be admitted", "Ukraine hopes to be invited to join"
        or any(
            verb.lemma_.lower() in {"admit", "invite", "accept"}
            and any(c.dep_ == "auxpass" for c in verb.children)
            and (verb.lemma_.lower() != "invite" or _to_join(verb))
            for verb in led
        )
    )


_INTENT_NOUNS = frozenset({"intention", "intent", "plan", "desire", "wish", "hope", "aim", "interest", "idea"})


def _in_an_action_plan(verb: Token) -> bool:
    """ "Bosnia and Herzegovina has been in NATO's Membership Action Plan since 2010"."""
    return _lemma(verb) == "be" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(_the_action_plan(o) for o in c.children) for c in verb.children
    )


def _the_action_plan(token: Token) -> bool:
    """ "MAP", "Membership Action Plan" (not "the Individual Partnership Action Plan", "a plan")."""
    return token.text == "MAP" or (token.lower_ == "plan" and any(c.lower_ == "membership" for c in token.children))


def _joins_something_else(verb: Token) -> bool:
    """ "Sweden joins NATO air policing mission": what is joined is not NATO itself."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if _lemma(verb) == "join" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.tag_ == "VBG" for g in c.children) for c in verb.children
    ):
        return True  # "joined NATO in condemning the launch": joined in doing something
    return (
        _lemma(verb) == "join"
        and bool(objects)
        and not any(
            o.lemma_.lower() in {"alliance", "nato"}
            or NATO_CONTEXT.fullmatch(o.text)
            # "the North Atlantic Treaty Organization" (not "the North Atlantic Treaty Organization-led mission")
            or (o.lower_ in {"organization", "organisation"} and NATO_NAME.search(_subtree_text(o)))
            for o in objects
        )
    )


NATO_NAME = re.compile(r"\bNorth Atlantic Treaty Organi[sz]ation\b", re.I)


def _subtree_text(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def _joins_nothing_else(verb: Token) -> bool:
    """Not "is expected to join Hungary in ratifying", "wants to enter talks": no object but NATO."""
    return not any(
        c.dep_ == "dobj" and c.lemma_.lower() not in {"alliance", "nato"} and not NATO_CONTEXT.fullmatch(c.text)
        for c in verb.children
    )


def _path_verb(verb: Token) -> bool:
    """A verb of joining; "become" only as a member ("became the 32nd member", not "became the last Ally to
    ratify", not "would become more aggressive"); "be" only as a member to come ("will be a member")."""
    if verb.lemma_.lower() == "be":
        # "will be a member", "has been a member of NATO since 29 March 2004"
        to_come = any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in verb.children)
        since = any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.subtree)
        return (to_come or since) and any(c.dep_ == "attr" and _a_member(c, {"member", "ally"}) for c in verb.children)
    if verb.lemma_.lower() not in PATH_VERBS:
        return False
    if verb.lemma_.lower() == "deposit" and any(c.dep_ == "dobj" and _of_ratification(c) for c in verb.children):
        return False  # "Turkey deposited its instrument of ratification": the ratifier, on no way in
    if verb.lemma_.lower() == "apply" and any(
        # not "applied to host", but "applying to be fast-tracked to join"
        (c.dep_ == "xcomp" and not any(g.lemma_.lower() in {"join", "become"} for g in c.subtree))
        or (
            c.dep_ == "prep"
            and c.lower_ == "for"
            and not any(o.lemma_.lower() in _MEMBERSHIP_OBJECTS or NATO_CONTEXT.fullmatch(o.text) for o in c.children)
        )
        for c in verb.children
    ):
        return False  # "applied to host the NATO Innovation Fund office", "applied for a NATO training centre"
    return verb.lemma_.lower() != "become" or any(
        c.dep_ in {"attr", "acomp", "oprd"}
        and _a_member(c, {"member", "ally", "party"})
        and not any(m.lower_ in {"only", "sole"} for m in c.children)  # "became the only member that has not ..."
        and not any(
            a.dep_ in {"acl", "relcl", "xcomp", "advcl"}
            and a.lemma_.lower() in _APPROVING
            and any(t.dep_ == "aux" and t.lower_ == "to" for t in a.children)  # "the last Ally to ratify"
            for a in (*c.children, *verb.children)
        )
        for c in verb.children
    )


def _of_ratification(noun: Token) -> bool:
    """ "its instrument of ratification", "ratification documents": a member's approval, not a way in."""
    return any(t.lower_ == "ratification" for t in noun.subtree)


def _a_member(noun: Token, words: set[str]) -> bool:
    """ "member", or NATO's "member state" ("will become NATO member states", not "the first member state to host
    the centre", "a member country of NATO's innovation accelerator")."""
    return noun.lemma_.lower() in words or (
        noun.lemma_.lower() in {"state", "country", "nation"}
        and any(c.dep_ == "compound" and c.lemma_.lower() == "member" for c in noun.children)
        and any(NATO_CONTEXT.fullmatch(c.text) for c in noun.children if c.dep_ in {"compound", "nmod", "poss"})
    )


def _on_its_way(token: Token) -> bool:
    """ "Ukraine is on an irreversible path to membership" (not "on track to meet the spending target")."""
    return token.dep_ == "nsubj" and any(
        p.dep_ == "prep"
        and p.lower_ == "on"
        and any(
            o.lemma_.lower() in {"path", "way", "road", "track"}
            and any(
                to.lower_ == "to" and any(m.lemma_.lower() in _MEMBERSHIP_OBJECTS | {"nato"} for m in to.children)
                for to in o.children
            )
            for o in p.children
        )
        for p in token.head.children
    )


def _hands_in_its_own(token: Token) -> bool:
    """ "Austria submitted its application", "Montenegro received an invitation" (not "opposed an invitation")."""
    if token.dep_ != "nsubj":
        return False
    verb = token.head
    for c in verb.children:
        if c.dep_ != "dobj" or c.lemma_.lower() not in PATH_NOUNS or _of_ratification(c):
            continue  # (not "Hungary deposited its instrument of ratification": the ratifier's)
        # Not "Hungary ratified its bid": that "its" is another country's.
        # ("Finland and Sweden submitted applications": no one else's either)
        if verb.lemma_.lower() in _HANDING_VERBS and (
            any(p.lower_ in {"its", "their", "a", "an"} for p in c.children)
            or (c.tag_ == "NNS" and not any(p.dep_ in {"poss", "det"} for p in c.children))
        ):
            return True
    return False


def _supported(token: Token, *, strong: bool) -> bool:
    """ "welcoming Sweden", "encouraged Bosnia and Herzegovina to ... activate its Membership Action Plan";
    "invited Austria to join" (not "invited Japan to attend the summit")."""
    head = token.head
    if head.lemma_.lower() == "invite" and not _to_join(head):
        return False
    return not strong or bool(MEMBERSHIP.search(token.sent.text))


def _invited_passively(token: Token) -> bool:
    """ "Bosnia and Herzegovina was invited to activate its Membership Action Plan", "was promised membership"."""
    head = token.head
    if token.dep_ != "nsubjpass" or head.lemma_.lower() not in PATH_SUPPORT_VERBS:
        return False
    return head.lemma_.lower() != "invite" or _to_join(head)


def _position_taken_on(token: Token) -> bool:
    """ "We support Ukraine's sovereignty", "support for the sovereignty and territorial integrity of Bosnia and
    Herzegovina": the country a position is taken on (not "the UK's call")."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _SOVEREIGNTY:
        return _held_as_a_position(token.head.head)
    if token.dep_ != "poss" or token.head.lemma_.lower() in STANCE_WORDS:
        return False
    phrase = token.head
    while phrase.dep_ in {"nmod", "compound", "conj"} and phrase.head.i != phrase.i:
        phrase = phrase.head  # "Ukraine's sovereignty and territorial integrity"
    nouns = {token.head.lemma_.lower(), phrase.lemma_.lower()}
    if NATO_CONTEXT.fullmatch(token.head.text) and token.head.i + 1 < len(token.doc):
        nouns.add(token.head.nbor(1).lemma_.lower())  # "backs Iceland's NATO bid", however it is parsed
    if not nouns & _POSITION_NOUNS:
        return False  # not "welcomed Norway's offer to host a meeting of NATO foreign ministers"
    return _held_as_a_position(phrase)  # "supports Ukraine's sovereignty", "support for Georgia's sovereignty"


def _held_as_a_position(noun: Token) -> bool:
    """Whether a noun is what a position is taken on: "supports the sovereignty ...", "support for the
    sovereignty ..." (not "threats to the independence of ...")."""
    while noun.dep_ in {"conj", "nmod", "compound"} and noun.head.i != noun.i:
        noun = noun.head  # "the sovereignty and territorial integrity"
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in STANCE_WORDS
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in STANCE_WORDS


def _as_a_member(token: Token) -> bool:
    """ "Ukraine will one day sit at this table as a full member"."""
    return token.dep_ == "nsubj" and any(
        p.lower_ == "as" and any(o.lemma_.lower() in {"member", "ally"} for o in p.children)
        for p in token.head.children
    )


def _seeking_its_own(token: Token) -> bool:
    """ "Ukraine hopes for an invitation", "Georgia pushes for membership", "Georgia seeks NATO membership"
    (not "Poland pushed for Ukraine's membership")."""

    def its_own(o: Token) -> bool:
        # not "Poland's membership", nor "membership for Ukraine"
        return (
            o.lemma_.lower() in _MEMBERSHIP_OBJECTS
            and not any(d.dep_ == "poss" and d.lower_ not in {"its", "their", "his", "her"} for d in o.children)
            and not any(d.dep_ == "prep" and d.lower_ == "for" for d in o.children)
        )

    verb = token.head
    if token.dep_ != "nsubj":
        return False
    if _lemma(verb) in {"seek", "pursue"} and any(o.dep_ == "dobj" and its_own(o) for o in verb.children):
        return True
    return _lemma(verb) in _ASKING_VERBS and any(
        p.dep_ == "prep" and p.lower_ == "for" and any(its_own(o) for o in p.children) for p in verb.children
    )


_WILLING_NOUNS = frozenset(
    {"willingness", "readiness", "desire", "wish", "intention", "determination", "hope", "ambition", "aspiration"}
)


def _whose_leader_seeks_to_join(token: Token) -> bool:
    """ "Kosovo Prime Minister Albin Kurti has expressed willingness to join NATO", "Moldova's president wants to
    join": the country of whoever seeks to join (not "the Turkish president wants Sweden to join")."""
    subject = token
    for _ in range(3):
        if subject.dep_ not in {"compound", "amod", "poss"} or subject.head.i == subject.i:
            break
        subject = subject.head
    if subject.i == token.i or subject.dep_ != "nsubj" or subject.ent_type_ not in {"PERSON", ""}:
        return False
    verb = subject.head
    led = [c for c in verb.children if c.dep_ == "xcomp"]
    led += [
        v
        for o in verb.children
        if o.dep_ == "dobj"
        and o.lemma_.lower() in _WILLING_NOUNS
        and not any(d.dep_ == "poss" and d.lower_ not in {"its", "their", "his", "her"} for d in o.children)
        for v in o.children
        if v.dep_ in {"acl", "xcomp"}
    ]
    return any(
        _path_verb(v) and _joins_nothing_else(v) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children)
        for v in led
    )


def _newest_member(token: Token) -> bool:
    """ "new member Sweden", "newest ally Finland"."""
    before = token.doc[max(token.i - 2, 0) : token.i]
    return len(before) == 2 and before[0].lower_ in {"new", "newest"} and before[1].lemma_.lower() in {"member", "ally"}


def _alongside(token: Token) -> bool:
    """ "Finland applied for membership together with Sweden", "applied alongside Finland": the other country
    took the same step."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in {"with", "alongside"}:
        return False
    together = head.head.lower_ == "together" or any(c.lower_ == "together" for c in head.children)
    verb = head.head.head if head.head.lower_ == "together" else head.head
    if head.lower_ == "with" and not together:
        return False  # "met with Sweden", "applied with Sweden's backing"
    # Not "Finland, which applied alongside Sweden, became a member": the sentence's step is another.
    return (
        verb.pos_ in {"VERB", "AUX"}
        and verb.dep_ != "relcl"
        and (_path_verb(verb) or verb.lemma_.lower() in _HANDING_VERBS)
    )


def _offered_a_path(token: Token) -> bool:
    """ "agreed to offer Albania a Membership Action Plan", "granted Georgia membership"."""
    head = token.head
    return (
        token.dep_ == "dative"
        and head.lemma_.lower() in {"offer", "grant", "give", "extend", "promise"}
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _MEMBERSHIP_OBJECTS | {"plan"} for c in head.children)
    )


def _made_a_member(token: Token) -> bool:
    """ "..., making Sweden the 32nd ally", "made Finland a member"."""
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_.lower() in {"member", "ally"}:
        return head.dep_ in {"ccomp", "oprd", "xcomp"} and head.head.lemma_.lower() == "make"
    return (
        token.dep_ == "dobj"
        and head.lemma_.lower() == "make"
        and any(c.dep_ in {"oprd", "ccomp", "xcomp"} and c.lemma_.lower() in {"member", "ally"} for c in head.children)
    )


def _named_the_one_to_join(token: Token) -> bool:
    """ "The last country to join NATO was North Macedonia in 2020"."""
    head = token.head
    return (
        token.dep_ == "attr"
        and _lemma(head) == "be"
        and any(
            c.dep_ == "nsubj"
            and c.lemma_.lower() in _GROUP_NOUNS | {"member", "ally"}
            and any(v.dep_ in {"acl", "relcl"} and (_path_verb(v) or _lemma(v) in {"add", "admit"}) for v in c.children)
            for c in head.children
        )
    )


def _for_it_to_join(token: Token) -> bool:
    """ "a timeline for Ukraine to become a member", "a veto on Cyprus joining NATO", however the parser hangs the
    country and the verb after it."""
    doc, after = token.doc, token.right_edge.i + 1
    if token.dep_ != "pobj" or after >= len(doc):
        return False
    if token.head.lower_ == "for" and doc[after].lower_ == "to" and after + 1 < len(doc):
        verb = doc[after + 1]
    elif token.head.lower_ in {"on", "against", "about", "over"} and doc[after].tag_ == "VBG":
        verb = doc[after]
    else:
        return False
    return _path_verb(verb) and _joins_nothing_else(verb)


def _moved_to_join(token: Token) -> bool:
    """ "the war pushed Finland to join NATO", "to keep Austria out of NATO": the one moved, or kept out."""
    if token.dep_ != "dobj":
        return False
    verb = token.head
    if _lemma(verb) in {"keep", "stay"}:
        return any(
            c.dep_ == "prep" and c.lower_ == "out" and any(NATO_CONTEXT.search(t.text) for t in c.subtree)
            for c in verb.children
        )
    return any(c.dep_ == "xcomp" and _path_verb(c) and _joins_nothing_else(c) for c in verb.children)


def _working_for_membership(token: Token) -> bool:
    """ "Kosovo will follow the example and continue working for NATO membership"."""
    if token.dep_ != "nsubj":
        return False
    verbs = [token.head]
    verbs += [c for c in token.head.children if c.dep_ == "conj" and not any(g.dep_ == "nsubj" for g in c.children)]
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "xcomp"]
    return any(
        _lemma(v) in {"work", "push", "strive", "campaign", "lobby", "press", "fight", "aim", "head"}
        and any(
            p.dep_ == "prep"
            and p.lower_ in {"for", "towards", "toward"}
            and any(
                o.lemma_.lower() in _MEMBERSHIP_OBJECTS
                # its own, not "pushed hard for Moldova's NATO membership" or "for membership for Ukraine"
                and not any(
                    (g.dep_ == "poss" and g.pos_ != "PRON") or (g.dep_ == "prep" and g.lower_ in {"for", "of"})
                    for g in o.children
                )
                for o in p.children
            )
            for p in v.children
        )
        for v in verbs
    )


def _among_the_subjects(token: Token) -> bool:
    """ "seven countries, including Estonia, Latvia and Romania, will become members", "two of its neighbours,
    Albania and Croatia, joined the alliance": one of a group that takes the step (not "Montenegro's neighbours")."""
    node = token
    for _ in range(8):
        if node.dep_ in {"nsubj", "nsubjpass"}:
            return node.i != token.i and _subject_of_a_path_verb(node)
        grouped = node.dep_ in {"conj", "appos"} or (
            node.dep_ in {"pobj", "prep"} and (node.head if node.dep_ == "pobj" else node).lower_ in _GROUPING
        )
        if not grouped or node.head.i == node.i:
            return False
        node = node.head
    return False


_GROUPING = frozenset({"including", "of", "among", "like", "from"})  # "representatives from Albania and Croatia"


def _brought_in(token: Token) -> bool:
    """ "whether or not to bring Ukraine into the alliance", "should not let Georgia into NATO", "to open its doors
    to her country"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and _lemma(head.head) == "open":
        return any(c.lemma_.lower() == "door" for c in head.head.children)
    return (
        token.dep_ == "dobj"
        and _lemma(head) in {"bring", "let", "take", "draw", "pull", "usher"}
        and any(
            c.dep_ == "prep"
            and c.lower_ in {"into", "in"}
            and any(NATO_CONTEXT.search(o.text) or o.lower_ == "alliance" for o in c.children)
            for c in (*head.children, *token.children)
        )
    )


def _submitted_by(token: Token) -> bool:
    """ "the application for membership submitted by the Republic of Austria": the one submitting it."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in {"republic", "kingdom"}:
        token = token.head.head
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else None
    return (
        verb is not None
        and _lemma(verb) in {"submit", "file", "lodge", "hand", "deposit", "send"}
        and (verb.dep_ == "acl" and verb.head.lemma_.lower() in PATH_NOUNS | {"application", "instrument", "letter"})
    )


def _object_of_a_path_noun(token: Token) -> bool:
    """ "an invitation to Ukraine", "membership for Georgia", "the accession of Finland", "a NATO Summit for
    Ukraine"."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "conj" and head.head.dep_ == "prep":
        head = head.head  # "the accession of Austria and of Ireland"
    if token.dep_ != "pobj" or head.dep_ != "prep":
        return False
    if head.lower_ in {"to", "for", "of"} and head.head.lemma_.lower() in PATH_NOUNS:
        return True
    if head.lower_ == "for" and _the_action_plan(head.head):
        return True  # "launch the MAP for Bosnia", "a Membership Action Plan for Georgia"
    if head.lower_ == "with" and head.head.lemma_.lower() in {"talk", "negotiation"}:
        return any(c.lower_ == "accession" for c in head.head.children)  # "accession talks with Ireland"
    if head.lower_ == "of" and head.head.lower_ in {"republic", "kingdom", "state", "principality"}:
        return _object_of_a_path_noun(head.head)  # "the Accession of the Republic of Albania"
    return head.lower_ == "for" and head.head.lemma_.lower() in {"summit", "meeting", "council"}


def _said_in_its_clause(token: Token) -> bool:
    """ "Finland, which became a NATO member a year ago": the relative clause says it of the country."""
    return any(
        child.dep_ == "relcl" and _path_verb(child) and any(c.lower_ in {"which", "that"} for c in child.children)
        for child in token.children
    )


_PATH_TESTS = (
    _possessed_path,
    _described_path,
    _subject_of_a_path_verb,
    _on_its_way,
    _hands_in_its_own,
    _invited_passively,
    _position_taken_on,
    _as_a_member,
    _seeking_its_own,
    _newest_member,
    _made_a_member,
    _offered_a_path,
    _alongside,
    _object_of_a_path_noun,
    _submitted_by,
    _brought_in,
    _among_the_subjects,
    _named_the_one_to_join,
    _working_for_membership,
    _said_in_its_clause,
    _for_it_to_join,
    _whose_leader_seeks_to_join,
    _moved_to_join,
)
# What a country seeks, asks or hopes for on its way in ("an invitation", "membership"); not "its future".
_MEMBERSHIP_OBJECTS = PATH_NOUNS - {"future", "path"}
_SEEKING_VERBS = PATH_VERBS | {"seek"}  # "the decision to seek membership", "the plan to join"
_ASKING_VERBS = frozenset({"hope", "push", "press", "ask", "call", "lobby", "campaign", "wait", "apply", "bid", "vie"})
_HANDING_VERBS = frozenset(
    {
        "announce",
        "submit",
        "file",
        "lodge",
        "receive",
        "present",
        "send",
        "deliver",
        "hand",
        "get",
        "deposit",
        "formalize",
        "formalise",
    }
)
_APPROVING = frozenset({"ratify", "approve", "sign", "endorse", "back"})
_SOVEREIGNTY = frozenset({"sovereignty", "integrity", "independence"})
# What a position on a country's way is taken on: its sovereignty, its bid, its right to choose, its reforms.
_POSITION_NOUNS = (
    _SOVEREIGNTY
    | PATH_NOUNS
    | {"aspiration", "right", "choice", "decision", "reform", "progress", "effort", "integration", "security"}
    | {"territorial", "people", "democracy", "defence", "defense", "course", "orientation", "direction"}
)


# The small model takes a country for an organisation or a person now and then ("Moldova" ORG); a name the
# gazetteer knows as a country is one.
_COUNTRY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})


def _country_mentions(sentence: Sentence) -> list[tuple[Token, str]]:
    """Each country the sentence names, by its head word: its entities, and lone proper nouns the model left out
    that the gazetteer knows as a country or a capital ("invited Chisinau")."""
    span = sentence.span
    # Asked several times of each sentence (path, stance, story, invitation): kept on the doc it belongs to.
    cache = span.doc.user_data.setdefault("timeline.country_mentions", {})
    if (span.start, span.end) in cache:
        return cache[span.start, span.end]
    joined = _joined_names(span)
    found = [(root, country) for root, country, _ in joined]
    inside = {i for _, _, tokens in joined for i in tokens}
    for ent in span.ents:
        if ent.root.i not in inside and (country := _country_named(ent)):
            found.append((ent.root, country))
            inside.update(range(ent.start, ent.end))
    for token in span:
        # Not tagged a place: "Moldova" left out, "Albania" inside a treaty's title the model calls a work of art
        # or "Cyprus" a product, or opening "Albania a Membership Action Plan" it calls an organisation; not "Michael
        # Jordan", "the Bank of Georgia".
        lone = (
            token.pos_ == "PROPN"
            and token.dep_ != "compound"
            and token.i not in inside
            and (
                token.ent_type_ not in {"PERSON", "ORG", "FAC"} or (token.ent_type_ == "ORG" and token.ent_iob_ == "B")
            )
        )
        if lone and (country := places.country(token.text) or _capital_country(token)):
            found.append((token, country))
    cache[span.start, span.end] = found
    return found


def _joined_names(span: Span) -> list[tuple[Token, str, range]]:
    """Countries whose names join two words with "and", which the model tags as two places ("Bosnia and" and
    "Herzegovina"): each with its head word and its tokens."""
    found = []
    for token in span:
        if token.lower_ != "and" or not span.start < token.i < span.end - 1:
            continue
        for start, end in ((token.i - 1, token.i + 2), (token.i - 2, token.i + 2), (token.i - 1, token.i + 3)):
            if start < span.start or end > span.end:
                continue
            words = span.doc[start:end]
            if all(t.pos_ == "PROPN" for t in words if t.i != token.i) and (country := places.country(words.text)):
                found.append((words.root, country, range(start, end)))
                break
    return found


def _country_named(ent: Span) -> str | None:
    """The country an entity names, or stands for by its capital ("Kyiv's bid")."""
    if ent.label_ not in _COUNTRY_LABELS:
        return None
    if country := places.country(ent.text):
        return country
    if len(ent) != 1:
        return None
    # The model takes "Kyiv" for a person now and then; "Sofia" said alone may well be one: only "Kyiv's".
    possessive = ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in {"'s", "’s"}
    return _capital_country(ent.root) if ent.label_ in {"GPE", "ORG", "LOC"} or possessive else None


def _capital_country(token: Token) -> str | None:
    """The country a capital stands for ("Kyiv's bid", "invited Skopje to start accession talks"), not a capital
    that is where something happens ("an invitation to Washington", "the summit in Vilnius")."""
    if token.dep_ == "pobj" and token.head.lower_ in {"to", "in", "at", "from", "into", "near", "outside"}:
        return None
    return places.capital_country(token.text)


def _summit_country(clause: Clause) -> str | None:
    """The country a summit is held for: "a summit aimed at planning for Ukraine's future defense" (not its host,
    "the summit in Vilnius, Lithuania")."""
    for token in clause.sentence.span:
        if token.lower_ != "summit" or not clause.has(token):
            continue
        for ent in clause.sentence.span.ents:
            word = ent.root
            country = _country_named(ent)
            if (
                country is not None
                and token.left_edge.i <= word.i <= token.right_edge.i
                and (word.dep_ == "poss" or (word.dep_ == "pobj" and word.head.lower_ in {"for", "on", "about"}))
                and not _PLACE_NOUN.match(word.head.lower_)  # "the summit in Lithuania's capital": its host
            ):
                return country
    return None


_PLACE_NOUN = re.compile(r"(?:capital|city|town|port|resort|seaside|venue|coast|north|south|east|west)$")


def _named_with_the_speaker(clause: Clause) -> str | None:
    """ "Malta's Prime Minister Karl Borg said ... neutrality rules out NATO membership": the one country named
    with whoever says, in this clause, what it says of no country's way in."""
    sentence = clause.sentence
    if any(
        t.lower_ in {"country", "nation"}
        and t.dep_ == "poss"
        and any(c.lower_ == "the" for c in t.children)
        and t.head.lemma_.lower() in PATH_NOUNS
        for t in sentence.span
        if clause.has(t)
    ):
        return (
            None  # "the Secretary of State said the country's membership will support integration": the story's country
        )
    subjects = [
        c
        for verb in sentence.span
        if _lemma(verb) in SPEECH_VERBS and verb.pos_ == "VERB" and clause.has(verb)
        for c in verb.children
        if c.dep_ == "nsubj"
    ]
    # the subject's own words ("Malta's Prime Minister", "Maltese"), not a clause on it ("who has forged ties with
    # Russia")
    clauses_on_it = {t.i for c in subjects for d in c.subtree if d.dep_ in {"relcl", "acl", "appos"} for t in d.subtree}
    mentions = _country_mentions(sentence)
    named = {
        country
        for root, country in mentions
        if any(s.left_edge.i <= root.i <= s.right_edge.i for s in subjects) and root.i not in clauses_on_it
    }
    # "Georgia should make full use of what NATO offers, the Lithuanian minister said": what is said is of
    # another country, which the story, not the speaker, tells
    said_of = {
        country
        for root, country in mentions
        if clause.has(root)
        and root.dep_ in {"nsubj", "nsubjpass"}
        and not any(s.left_edge.i <= root.i <= s.right_edge.i for s in subjects)
    }
    return next(iter(named)) if len(named) == 1 and said_of <= named else None


def _countries_named_or_spoken_from(sentence: Sentence) -> set[str]:
    # where the sentence speaks from is a capital it opens with ("In Vienna, ..."), not one where something is done
    # ("deposited its instrument in Washington", "Speaking in Washington, ...")
    opening = sentence.span[:3]
    capitals = {
        c
        for t in opening[1:]
        if opening[0].lower_ == "in" and t.pos_ == "PROPN" and (c := places.capital_country(t.text))
    }
    return {country for _, country in _country_mentions(sentence)} | capitals


# someone's way in, not the alliance's own membership ("the alliance's membership has nearly doubled")
_WHOSE_MEMBERSHIP = re.compile(
    r"(?<!alliance[’']s )(?<!NATO[’']s )(?<!its )\b(?:membership|accession|neutral(?:ity)?)\b"
    r"|\bjoin(?:s|ed|ing)? (?:NATO|the (?:[\w-]+ )?alliance)\b",
    re.I,
)


def _most_named_country(sentences: list[Sentence]) -> str | None:
    """The country the article's body names most often, if one is named more than any other."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        if sentence.kind != "title":
            for _, country in _country_mentions(sentence):
                counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=lambda c: counts[c])


def _neutral_country(sentence: Sentence) -> str | None:
    """ "The defence minister said Swiss neutrality was not for sale and membership not on the table": the
    country whose neutrality (or non-alignment) the sentence weighs against joining, if it names no other."""
    named = {country for _, country in _country_mentions(sentence)}
    for token in sentence.span:
        if (
            token.dep_ in {"amod", "poss", "compound"}
            and token.head.lemma_.lower() in _NEUTRALITY
            and (country := places.country(token.text))
            and named <= {country}
        ):
            return country
    return None


_NEUTRALITY = frozenset({"neutrality", "non-alignment", "nonalignment", "neutral"})


def _committed_country(sentence: Sentence) -> str | None:
    """ "America's commitment to NATO remains ironclad": a member's own relation with the alliance."""
    for ent in sentence.span.ents:
        root = ent.root
        if ent.label_ in {"GPE", "NORP"} and root.dep_ == "poss" and root.head.lemma_.lower() in _COMMITMENT:
            return places.country(ent.text)
    return None


_COMMITMENT = frozenset({"commitment", "support", "contribution", "pledge", "obligation"})


def _story_country(sentences: list[Sentence], *, nato_story: bool) -> str | None:
    """The country whose way into NATO the article follows: the one its sentences most often put on the path."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        if nato_story and not _about_another_union(sentence.text):
            council = _council_country(sentence.text)
            for country in [*path_countries(sentence, strong=True), *([council] if council else [])]:
                counts[country] = counts.get(country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _entry(kind: str, sentence: Sentence, when: ResolvedDate, actors: list[str], country: str | None) -> TimelineFact:
    return TimelineFact(kind, when.value, when.precision, _summary(sentence), [sentence.evidence()], actors, country)


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
                and e.country == entry.country
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
