"""spaCy components of our own, registered by name so that `load_pipeline` can add them."""

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from app.extraction.dates import MONTH_NAMES
from app.extraction.vocabulary import TITLES, pattern_file


class TopicMatcher:
    """Mark the phrases of patterns/topics.json in `doc.spans["topics"]`, each labelled with its topic."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in pattern_file("topics.json")["topics"]:
            self.matcher.add(entry["topic"], list(nlp.tokenizer.pipe(entry["phrases"])))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["topics"] = [Span(doc, start, end, label=label) for label, start, end in self.matcher(doc)]
        return doc


@Language.factory("topics")
def create_topic_matcher(nlp: Language, name: str) -> TopicMatcher:
    return TopicMatcher(nlp)


@Language.component("hyphenated_names")
def merge_hyphenated_names(doc: Doc) -> Doc:
    """Make each hyphenated part of a person's name one word ("Lise-Lotte", "Berg-Hansen"): the tokenizer
    splits them at the hyphen, and a name cut there loses its second half."""
    joins = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        # "Kang Kyung-wha", "Moon Jae-in": a romanised given name's lower-case half the model leaves out
        if (
            ent.end + 1 < len(doc)
            and doc[ent.end].text in {"-", "‐"}
            and not ent[-1].whitespace_
            and not doc[ent.end].whitespace_
            and (after := doc[ent.end + 1]).is_alpha
            and after.is_lower
            and len(after) <= 5
            and after.lower_ not in _NOT_A_NAME_HALF
        ):
            joins.append((ent[-1].i, after.i + 1))
        for token in ent[1:-1]:
            before, after = doc[token.i - 1], doc[token.i + 1]
            if (
                token.text in {"-", "‐"}
                and not before.whitespace_
                and not token.whitespace_
                and before.is_alpha
                and after.is_alpha
                and (
                    after.text[:1].isupper()
                    or (after.is_lower and len(after) <= 5 and after.lower_ not in _NOT_A_NAME_HALF)
                )
            ):
                joins.append((before.i, after.i + 1))
    if joins:
        # "Berg-Hansen-Lund": chains of joins become one span
        merged: list[list[int]] = []
        for start, end in joins:
            if merged and start < merged[-1][1]:
                merged[-1][1] = end
            else:
                merged.append([start, end])
        with doc.retokenize() as retokenizer:
            for start, end in merged:
                retokenizer.merge(doc[start:end])
    return doc


# "the Berg-led delegation", "a Borg-style reform": a word after the hyphen, no half of a name
_NOT_A_NAME_HALF = frozenset({"led", "based", "born", "owned", "backed", "run", "style", "era", "like", "type", "made"})
_A_MONTH = re.compile(rf"(?:{MONTH_NAMES})\.?", re.IGNORECASE)
_A_DAY_TIME = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:this|yesterday|today) (?:morning|afternoon|evening)\b"
    r"|\b(?:tonight|last night)\b",
    re.IGNORECASE,
)


@Language.component("whole_dates")
def mend_date_entities(doc: Doc) -> Doc:
    """Give DATE entities the words the model leaves out of them: the day before a month at the start of a
    line ("7 March 2024 - Sweden deposits ...", where it tags only "March 2024"), and the "today" or "this
    month" after "years ago", which make a year a day or a month."""
    ents = list(doc.ents)
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ == "TIME" and _A_DAY_TIME.search(ent.text):
            # "voted late Wednesday", "submitted ... this morning": a day the model tags as a time of day
            ents[n] = ent = Span(doc, ent.start, ent.end, label="DATE")
            changed = True
        if ent.label_ != "DATE":
            continue
        start, end = ent.start, ent.end
        before = doc[start - 1] if start > 0 else None
        if (
            before is not None
            and _A_MONTH.fullmatch(ent[0].text)
            and before.is_digit
            and 1 <= int(before.text) <= 31
            and (n == 0 or ents[n - 1].end <= before.i or ents[n - 1].label_ == "CARDINAL")
        ):
            start = before.i
        if ent[-1].lower_ == "ago":
            after = doc[end : end + 2]
            if len(after) and after[0].lower_ == "today":
                end += 1
            elif len(after) == 2 and after[0].lower_ == "this" and after[1].lower_ in {"month", "week"}:
                end += 2
        if (start, end) != (ent.start, ent.end):
            ents[n] = Span(doc, start, end, label="DATE")
            changed = True
    if changed:
        # A number the model took for a CARDINAL, or a "today" it tagged apart, is now inside the date.
        doc.ents = filter_spans(ents)
    return doc


def add_title_ruler(nlp: Language) -> None:
    """Mark every title of patterns/titles.json in `doc.spans["titles"]`, labelled with the title as written there."""
    ruler = nlp.add_pipe(
        "span_ruler",
        name="titles",
        config={
            "spans_key": "titles",
            "phrase_matcher_attr": "LOWER",
            # "Deputy Secretary General", not also "Secretary General" and "General" inside it.
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        },
        last=True,
    )
    ruler.add_patterns([{"label": title, "pattern": title} for title in TITLES])
