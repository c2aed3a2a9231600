"""spaCy components of our own, registered by name so that `load_pipeline` can add them."""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

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
        for token in ent[1:-1]:
            before, after = doc[token.i - 1], doc[token.i + 1]
            if (
                token.text in {"-", "‐"}
                and not before.whitespace_
                and not token.whitespace_
                and before.is_alpha
                and after.is_alpha
                and after.text[:1].isupper()
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
