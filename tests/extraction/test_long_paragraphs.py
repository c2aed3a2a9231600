"""Over-long paragraphs are read as several docs, cut at sentence ends, with their body offsets exact."""

import itertools
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.pipeline import MAX_DOC_CHARS, ArticleText

_WORDS = st.sampled_from(["NATO", "met", "Riga", "talks", "Minister", "Braze", "on", "Monday", "x" * 40])
_SENTENCES = st.lists(_WORDS, min_size=1, max_size=40).map(lambda words: " ".join(words) + ".")

_SEPARATORS = st.sampled_from([" ", "  ", "\n", " \u00a0"])


@st.composite
def paragraphs(draw) -> str:
    sentences = draw(st.lists(_SENTENCES, min_size=1, max_size=400))
    text = sentences[0]
    for sentence in sentences[1:]:
        text += draw(_SEPARATORS) + sentence
    return text


def _article(text: str, *, headline: str | None = None) -> ArticleText:
    if headline is None:
        return ArticleText(text, [{"kind": "text", "start": 0, "end": len(text)}], date(2024, 1, 1))
    body = f"{headline}\n\n{text}"
    return ArticleText(
        body=body,
        paragraphs=[
            {"kind": "text", "start": 0, "end": len(headline)},
            {"kind": "caption", "start": len(headline) + 2, "end": len(body)},
        ],
        published=date(2024, 1, 1),
    )


@settings(max_examples=60, deadline=None)
@given(paragraphs())
def test_every_doc_is_short_keeps_its_kind_and_together_they_hold_every_word_at_its_offset(text):
    article = _article(text, headline="Headline.")

    spans = article.doc_spans()

    assert spans[0] == article.paragraphs[0]
    docs = spans[1:]
    assert all(span["kind"] == "caption" for span in docs)
    assert all(0 < span["end"] - span["start"] <= MAX_DOC_CHARS for span in docs)
    assert [s["start"] for s in docs] == sorted(s["start"] for s in docs)
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(docs))
    assert (docs[0]["start"], docs[-1]["end"]) == (article.paragraphs[1]["start"], len(article.body))
    # Only whitespace falls between two docs, and no doc starts or ends with it.
    assert all(not article.body[a["end"] : b["start"]].strip() for a, b in itertools.pairwise(docs))
    assert not any(article.body[s["start"]].isspace() or article.body[s["end"] - 1].isspace() for s in docs)


@settings(max_examples=30, deadline=None)
@given(paragraphs())
def test_a_long_paragraph_is_cut_only_after_a_sentence(text):
    article = _article(text)

    spans = article.doc_spans()

    # Every sentence of these paragraphs is shorter than half a doc, so there is always one to end at.
    assert all(article.body[s["end"] - 1] == "." for s in spans)
    if len(text) <= MAX_DOC_CHARS:
        assert spans == list(article.paragraphs)


def test_a_paragraph_with_no_space_at_all_is_cut_at_the_limit():
    article = _article("x" * (2 * MAX_DOC_CHARS + 7))

    assert [(s["start"], s["end"]) for s in article.doc_spans()] == [
        (0, MAX_DOC_CHARS),
        (MAX_DOC_CHARS, 2 * MAX_DOC_CHARS),
        (2 * MAX_DOC_CHARS, 2 * MAX_DOC_CHARS + 7),
    ]
