"""The extractor: article body, title and publication date in, people, meetings and timeline entries out."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from app.extraction.meetings import find_meetings
from app.extraction.people import find_people, mention_known_people
from app.extraction.records import Evidence, Extraction
from app.extraction.sentences import APOSTROPHES, PRINTED, Paragraph, sentence_case, split_sentences
from app.extraction.timeline import find_timeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's parse and our rules over it cost the square of a doc's length; longer paragraphs are cut into
# docs of at most this many characters (news paragraphs are under 1,000), so time grows with the article.
MAX_DOC_CHARS = 5000
MAX_HEADLINE_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)")
_WORD_END = re.compile(r"\S(?=\s)")

# Bump when a change to the rules or the model changes what is extracted; `reextract` uses it.
EXTRACTOR_VERSION = "2.6.0"


@dataclass(frozen=True)
class ArticleText:
    """What the extractor reads of an article."""

    body: str
    paragraphs: Sequence[dict[str, Any]]  # [{"kind", "start", "end"}]
    published: date
    title: str | None = None

    def paragraph_texts(self) -> list[str]:
        return [self.body[p["start"] : p["end"]] for p in self.paragraphs]

    def headline(self) -> str | None:
        """The title, where it says something the body does not already open with.

        Pages without a headline get the body's first sentence as their title, often cut ("... at a
        major…"); reading that again would only repeat the body.
        """
        title = (self.title or "").strip()
        said = " ".join(title.rstrip(".…").split())
        if not said or len(title) > MAX_HEADLINE_CHARS or said in " ".join(self.body[:5000].split()):
            return None
        return self.title  # as stored, so that offsets index it

    def doc_spans(self) -> list[dict[str, Any]]:
        """The paragraphs, with any longer than MAX_DOC_CHARS cut at sentence ends (or spaces) into several."""
        spans = []
        for paragraph in self.paragraphs:
            start, end = paragraph["start"], paragraph["end"]
            while end - start > MAX_DOC_CHARS:
                cut = _cut_before(self.body, start, start + MAX_DOC_CHARS)
                spans.append({**paragraph, "start": start, "end": cut})
                start = cut
                while start < end and self.body[start].isspace():
                    start += 1
            if start < end:
                spans.append({**paragraph, "start": start, "end": end})
        return spans


def _cut_before(body: str, start: int, limit: int) -> int:
    """Where to end a doc that starts at `start`: after the last sentence (else word) before `limit`."""
    window = body[start:limit]
    for boundary in (_SENTENCE_END, _WORD_END):
        ends = [m.end() for m in boundary.finditer(window, len(window) // 2)]
        if ends:
            return start + ends[-1]
    return limit


@functools.cache
def load_pipeline(model: str) -> Language:
    """Load the spaCy pipeline by package name, once per process (the one place it is loaded)."""
    # Imported here: spaCy takes most of a second to import, which a restart need not wait for.
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    # thinc multiplies matrices with its bundled BLIS by default; numpy's OpenBLAS is about three
    # times faster on the x86 machines we run on (measured in bench/extraction_speed.py).
    set_current_ops(NumpyOps(use_blis=False))
    # The English models ship a sentence splitter disabled in favour of the parser's sentences; not
    # loading it saves a tenth of a second of every start.
    from app.extraction.components import add_title_ruler  # importing registers our components by name

    nlp = spacy.load(model, exclude=["senter"])
    nlp.add_pipe("hyphenated_names", after="ner")
    nlp.add_pipe("whole_dates", after="hyphenated_names")
    nlp.add_pipe("topics", last=True)
    add_title_ruler(nlp)
    return nlp


class BatchExtractor(Protocol):
    """What ingest needs of an extractor: many articles in, their extractions out in the same order."""

    def extract_many(self, articles: Iterable[ArticleText]) -> Iterator[Extraction]: ...


class Extractor:
    """Runs the spaCy pipeline over paragraphs and the rules over its output."""

    def __init__(self, nlp: Language, *, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    @functools.cached_property
    def version(self) -> str:
        # Once: Language.meta builds a new dict at each call, about 1 ms, which every article paid.
        return f"{EXTRACTOR_VERSION}+{self.nlp.meta.get('name', 'model')}-{self.nlp.meta.get('version', '?')}"

    def extract(self, article: ArticleText) -> Extraction:
        """Extract the facts of one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[ArticleText]) -> Iterator[Extraction]:
        """Extract many articles, feeding all their paragraphs through one `nlp.pipe` stream."""
        iterator = iter(articles)
        while batch := list(islice(iterator, self.batch_size)):
            spans = [article.doc_spans() for article in batch]
            headlines = [article.headline() for article in batch]
            texts = []
            for article, own, headline in zip(batch, spans, headlines, strict=True):
                texts += [article.body[s["start"] : s["end"]].translate(APOSTROPHES) for s in own]
                texts += [sentence_case(headline, article.body)] if headline else []
            docs = iter(self.nlp.pipe(texts, batch_size=self.batch_size))
            for article, own, headline in zip(batch, spans, headlines, strict=True):
                body = [next(docs) for _ in own]
                for span, doc in zip(own, body, strict=True):
                    printed = article.body[span["start"] : span["end"]]
                    if printed != doc.text:
                        doc.user_data[PRINTED] = printed  # quoted as printed, read with plain apostrophes
                yield self._extract(article, own, body, next(docs) if headline else None)

    def _extract(
        self, article: ArticleText, spans: list[dict[str, Any]], docs: list[Doc], headline: Doc | None
    ) -> Extraction:
        paragraphs = [
            Paragraph(kind=span["kind"], start=span["start"], doc=doc) for span, doc in zip(spans, docs, strict=True)
        ]
        if headline is not None:
            paragraphs.append(Paragraph(kind="title", start=0, doc=headline))
        every = split_sentences(paragraphs)
        sentences = [s for s in every if s.kind != "title"]
        title = [s for s in every if s.kind == "title"]
        found = find_people(sentences, paragraphs, published=article.published)
        # Surnames not introduced in this article may still act; ingest keeps them if it knows who they are.
        actors = {**found.people, **found.unresolved}
        meetings = find_meetings(sentences, actors, published=article.published)
        # The headline is read first, as a reader does, and for the timeline alone: a step is often told
        # only there ("Ukraine to Push for Invitation to NATO"), but headline case misleads the name rules,
        # so it names only people the body introduced.
        mention_known_people(title, found.people)
        timeline = find_timeline([*title, *sentences], actors, published=article.published)
        if headline is not None:
            for entry in timeline:  # quoted as the page prints it, not as it was cased for the parser
                entry.evidence = [_as_printed(ev, article.title or "") for ev in entry.evidence]
        return Extraction(
            version=self.version,
            people=[*found.people.values(), *found.unresolved.values()],
            meetings=meetings,
            timeline=timeline,
        )


def _as_printed(evidence: Evidence, title: str) -> Evidence:
    if evidence.part != "title":
        return evidence
    return Evidence(title[evidence.start : evidence.end], evidence.start, evidence.end, evidence.part)


class DeferredExtractor:
    """An `Extractor` whose model is loaded on `load()` or on first use, whichever comes first."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._extractor: Extractor | None = None
        self._lock = threading.Lock()

    def load(self) -> Extractor:
        """Load the model now, once; other callers wait for it."""
        with self._lock:
            if self._extractor is None:
                self._extractor = Extractor(load_pipeline(self.model))
            return self._extractor

    @property
    def loaded(self) -> bool:
        return self._extractor is not None

    @property
    def version(self) -> str:
        return self.load().version

    def extract(self, article: ArticleText) -> Extraction:
        """Extract the facts of one article."""
        return self.load().extract(article)

    def extract_many(self, articles: Iterable[ArticleText]) -> Iterator[Extraction]:
        """Extract many articles through one `nlp.pipe` stream; the model loads at the first one asked for."""
        yield from self.load().extract_many(articles)
