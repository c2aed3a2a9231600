"""Extraction speed: one ~500-word article, and batches through nlp.pipe.

Run it pinned to one core (bench/run.py does: taskset -c 0). It prints the latency of one
500-word article built from the seed paragraphs (median and p95 over repeated runs), and
articles per second of the whole pipeline against bare `nlp.pipe` on the same texts,
measured side by side in one run; `--json` prints the figures as one JSON object.

With `--sizes` it also extracts one article each of 10 KB, 100 KB and 1 MB (about 30 s in all), built
from the seed paragraphs repeated, each round in a new order, and gives seconds and milliseconds per KB
for the whole extraction and for our rules alone (spaCy's share is linear by construction, so a rule
that grows faster than the article would hide under it): extraction time should grow with length, no faster.
Then the same three sizes as one single paragraph (the extractor cuts it into docs of MAX_DOC_CHARS;
before it did, time grew with the square of the paragraph: 92 KB 22 s, 184 KB 73 s).
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from app.config import Settings
from app.extraction import ArticleText, Extractor, load_pipeline
from app.extraction.dates import resolve
from app.ingest.sources import parse_file

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "50"))


def _article_of_words(paragraphs: list[tuple[str, str]], words: int, published) -> ArticleText:
    chosen, count = [], 0
    while count < words:
        for kind, text in paragraphs:
            chosen.append((kind, text))
            count += len(text.split())
            if count >= words:
                break
    body, spans, start = [], [], 0
    for kind, text in chosen:
        spans.append({"kind": kind, "start": start, "end": start + len(text)})
        body.append(text)
        start += len(text) + 2
    return ArticleText("\n\n".join(body), spans, published)


def _article_of_bytes(paragraphs: list[tuple[str, str]], size: int, published) -> ArticleText:
    """An article of at least `size` bytes: the seed paragraphs over and over, each round shuffled."""
    rng = random.Random(size)
    chosen, count = [], 0
    while count < size:
        order = list(paragraphs)
        rng.shuffle(order)
        for kind, text in order:
            chosen.append((kind, text))
            count += len(text.encode()) + 2
            if count >= size:
                break
    body, spans, start = [], [], 0
    for kind, text in chosen:
        spans.append({"kind": kind, "start": start, "end": start + len(text)})
        body.append(text)
        start += len(text) + 2
    return ArticleText("\n\n".join(body), spans, published)


SIZES_KB = (10, 100, 1024)


def _one_paragraph(article: ArticleText) -> ArticleText:
    body = " ".join(article.paragraph_texts())
    return ArticleText(body, [{"kind": "text", "start": 0, "end": len(body)}], article.published)


def scaling(
    extractor: Extractor, paragraphs: list[tuple[str, str]], published, *, single_paragraph: bool = False
) -> list[dict[str, float]]:
    """Seconds to extract one article of each size: spaCy (nlp.pipe) and our rules, as `extract_many` runs them."""
    figures = []
    for kb in SIZES_KB:
        article = _article_of_bytes(paragraphs, kb * 1024, published)
        if single_paragraph:
            article = _one_paragraph(article)
        spans = article.doc_spans()
        resolve.cache_clear()
        t0 = time.perf_counter()
        docs = list(
            extractor.nlp.pipe([article.body[s["start"] : s["end"]] for s in spans], batch_size=extractor.batch_size)
        )
        t1 = time.perf_counter()
        extractor._extract(article, spans, docs)
        t2 = time.perf_counter()
        kib = len(article.body.encode()) / 1024
        figures.append(
            {
                "kb": kb,
                "paragraphs": len(article.paragraphs),
                "docs": len(docs),
                "seconds": t2 - t0,
                "rules_seconds": t2 - t1,
                "ms_per_kb": (t2 - t0) * 1000 / kib,
                "rules_ms_per_kb": (t2 - t1) * 1000 / kib,
            }
        )
        del docs
    return figures


def measure(sizes: bool = False) -> dict[str, float]:
    """Time one 500-word article, and a batch through the pipeline against bare nlp.pipe."""
    extractor = Extractor(load_pipeline(Settings().spacy_model))
    seeds = [parse_file(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paragraphs = [(p.kind, p.text) for article in seeds for p in article.paragraphs]
    article = _article_of_words(paragraphs, 500, seeds[0].published_at)
    extractor.extract(article)  # warm-up

    timings = []
    for _ in range(RUNS):
        resolve.cache_clear()  # every run pays for its date parsing, as a new article would
        t0 = time.perf_counter()
        extractor.extract(article)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()

    batch = [article] * 64
    t0 = time.perf_counter()
    for _ in extractor.extract_many(batch):
        pass
    pipeline_rate = len(batch) / (time.perf_counter() - t0)
    texts = [t for a in batch for t in a.paragraph_texts()]
    t0 = time.perf_counter()
    for _ in extractor.nlp.pipe(texts, batch_size=64):
        pass
    bare_rate = len(batch) / (time.perf_counter() - t0)
    scaled = scaling(extractor, paragraphs, seeds[0].published_at) if sizes else []
    single = scaling(extractor, paragraphs, seeds[0].published_at, single_paragraph=True) if sizes else []
    return {
        "words": len(article.body.split()),
        "median_ms": statistics.median(timings),
        "p95_ms": timings[int(len(timings) * 0.95) - 1],
        "pipeline_per_s": pipeline_rate,
        "bare_per_s": bare_rate,
        "sizes": scaled,
        "single_paragraph_sizes": single,
    }


def main() -> None:
    figures = measure(sizes="--sizes" in sys.argv)
    if "--json" in sys.argv:
        print(json.dumps(figures))
        return
    print(
        f"one {figures['words']}-word article: median {figures['median_ms']:.1f} ms, "
        f"p95 {figures['p95_ms']:.1f} ms over {RUNS} runs (target < 100 ms)"
    )
    print(
        f"batch of 64: pipeline {figures['pipeline_per_s']:.1f} articles/s, bare nlp.pipe "
        f"{figures['bare_per_s']:.1f} articles/s, ratio {figures['pipeline_per_s'] / figures['bare_per_s']:.2f}"
    )
    for size in [*figures["sizes"], *figures["single_paragraph_sizes"]]:
        base = figures["sizes"][0]
        print(
            f"{size['kb']} KB article ({size['paragraphs']} paragraphs): {size['seconds']:.2f} s, "
            f"{size['ms_per_kb']:.1f} ms/KB (x{size['ms_per_kb'] / base['ms_per_kb']:.2f} of 10 KB's); "
            f"rules {size['rules_seconds']:.2f} s, {size['rules_ms_per_kb']:.2f} ms/KB "
            f"(x{size['rules_ms_per_kb'] / base['rules_ms_per_kb']:.2f})"
        )


if __name__ == "__main__":
    main()
