"""The real-article corpus beside the project (../shared/corpus): its slices, scored through the service.

`python -m tests.extraction.corpus` (what `make eval` runs) prints one table: every slice and all of them
together, each scored by ../shared/eval/run.sh on a service started over just that slice's articles.
"""

import importlib.util
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import unicodedata
import warnings
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED = PROJECT_ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
RUN = SHARED / "eval" / "run.sh"
SLICES = ("ukraine-nato", "non-nato", "other-accession")
_ROW = re.compile(r"^\|\s*(\d\d_[^|]+\.txt)\s*\|.*\|\s*([a-z-]+)\s*\|\s*$")


def available() -> bool:
    return (CORPUS / "articles").is_dir() and RUN.is_file()


def slice_of_files() -> dict[str, str]:
    """Each corpus file and its slice, as the SOURCES tables give them."""
    found = {}
    for sources in sorted(CORPUS.glob("SOURCES-*.md")):
        for line in sources.read_text(encoding="utf-8").splitlines():
            if (match := _ROW.match(line)) and match.group(2) in SLICES:
                found[match.group(1).strip()] = match.group(2)
    return found


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def slice_gold(files: set[str], folder: Path) -> Path:
    """Write the gold of just these files: their articles, meetings and timeline, and the people they name."""
    texts = _folded(" ".join((CORPUS / "articles" / f).read_text(encoding="utf-8") for f in files))
    gold: dict[str, list] = {"people": [], "meetings": [], "timeline": [], "articles": []}
    seen = set()
    for path in sorted(CORPUS.glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold["articles"] += [a for a in data["articles"] if a["file"] in files]
        gold["meetings"] += [m for m in data["meetings"] if m.get("article") in files]
        gold["timeline"] += [t for t in data["timeline"] if t.get("article") in files]
        for person in data["people"]:
            names = [person["name"], *(person.get("aliases") or [])]
            named = any(re.search(rf"\b{re.escape(_folded(n))}\b", texts) for n in names)
            if person["name"] not in seen and named:
                seen.add(person["name"])
                gold["people"].append(person)
    out = folder / "gold.json"
    out.write_text(json.dumps(gold), encoding="utf-8")
    return out


def score(files: set[str] | None = None) -> dict:
    """Score the service on the corpus, or on some of its files, with ../shared/eval/run.sh."""
    with tempfile.TemporaryDirectory() as tmp:
        if files is None:
            args: list[str] = []
        else:
            articles = Path(tmp) / "articles"
            articles.mkdir()
            for name in files:
                (articles / name).symlink_to(CORPUS / "articles" / name)
            args = [str(articles), str(slice_gold(files, Path(tmp)))]
        run = subprocess.run(["bash", str(RUN), *args, "--json"], cwd=PROJECT_ROOT, capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"{RUN} failed: {run.stdout[-2000:]}{run.stderr[-2000:]}")
        return json.loads(run.stdout[run.stdout.index("{") :])


def scorer_module():
    """../shared/eval/score.py, imported from where it lies."""
    spec = importlib.util.spec_from_file_location("corpus_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def right_first_accuracy(scorer, golds: list[dict], entries: list[dict]) -> dict[str, float]:
    """Kind and country accuracy of the timeline with score.py's edges and matching, but each gold item
    trying the entries that are right for it first.

    score.py tries entries in the order the API serves them, so two entries quoting one sentence (one per
    country) pair with either gold item by chance, and finding one more right entry can lower its figures.
    """

    def country_right(gold: dict, entry: dict) -> bool:
        wanted = gold["country"] if isinstance(gold["country"], list) else [gold["country"]]
        return scorer.any_in(wanted, scorer.blob(entry.get("country") or "-"))

    def right(gold: dict, entry: dict) -> bool:
        return entry["kind"] == gold.get("kind") and (not gold.get("country") or country_right(gold, entry))

    edges = [
        sorted(
            (i for i, e in enumerate(entries) if scorer.timeline_matches(g, e)), key=lambda i: not right(g, entries[i])
        )
        for g in golds
    ]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for si in edges[gi]:
            if si not in seen:
                seen.add(si)
                if si not in owner or augment(owner[si], seen):
                    owner[si] = gi
                    return True
        return False

    for required in (True, False):
        for gi, gold in enumerate(golds):
            if bool(gold.get("required", True)) == required:
                augment(gi, set())
    pairs = [(golds[gi], entries[si]) for si, gi in owner.items()]
    kinds = [e["kind"] == g["kind"] for g, e in pairs if g.get("kind")]
    countries = [country_right(g, e) for g, e in pairs if g.get("country")]
    return {
        "kind_accuracy": round(sum(kinds) / len(kinds), 3) if kinds else None,
        "country_accuracy": round(sum(countries) / len(countries), 3) if countries else None,
    }


def same_day_order_spread(scorer, golds: list[dict], entries: list[dict], orders: int = 200) -> dict[str, tuple]:
    """Kind and country accuracy as score.py pairs them, over `orders` random orders of each day's entries:
    (lowest, median, highest).

    The API serves a day's entries in id order, and ids are hashes; what score.py's figures owe to that order
    rather than to the entries shows as the width of these ranges.
    """
    figures: dict[str, list[float]] = {"kind_accuracy": [], "country_accuracy": []}
    for seed in range(orders):
        shuffled = random.Random(seed).sample(entries, len(entries))  # noqa: S311 (a measurement, not a secret)
        pairs, _ = scorer.match(golds, sorted(shuffled, key=lambda e: e["date"]), scorer.timeline_matches)
        kinds = [e["kind"] == g["kind"] for g, e in pairs if g.get("kind")]
        countries = [
            scorer.any_in(
                g["country"] if isinstance(g["country"], list) else [g["country"]], scorer.blob(e.get("country") or "-")
            )
            for g, e in pairs
            if g.get("country")
        ]
        figures["kind_accuracy"].append(sum(kinds) / len(kinds))
        figures["country_accuracy"].append(sum(countries) / len(countries))
    return {name: (min(v), statistics.median(v), max(v)) for name, v in figures.items()}


def timeline_right_first() -> dict[str, dict]:
    """Serve the whole corpus and measure its timeline right-first and over random same-day orders."""
    with warnings.catch_warnings():  # the test client's import warns of httpx; make eval starts no test client
        warnings.simplefilter("ignore")
        from tests.databases import fresh_database
        from tests.servers import running_server

    scorer = scorer_module()
    gold = scorer.merge_gold(sorted(CORPUS.glob("*.gold.json")))
    with (
        tempfile.TemporaryDirectory() as tmp,
        fresh_database(Path(tmp)) as url,
        running_server(url, INGEST_ON_STARTUP="true", SEEDS_DIR=str(CORPUS / "articles")) as base,
    ):
        entries = scorer.get_all(base, "/v1/timeline")
    return {
        "right_first": right_first_accuracy(scorer, gold["timeline"], entries),
        "orders": same_day_order_spread(scorer, gold["timeline"], entries),
    }


def _row(name: str, result: dict) -> str:
    people, meetings, timeline, articles = (result[k] for k in ("people", "meetings", "timeline", "articles"))

    def figure(value: object) -> str:
        return "-" if value is None else f"{value:.2f}"

    def scores(category: dict) -> str:
        if not category["reported"]:
            return f"none reported, recall {figure(category['recall'])}"
        return f"{figure(category['precision'])} / {figure(category['recall'])} / {figure(category['f1'])}"

    return (
        f"| {name} | {figure(people['f1'])} ({figure(people['role_accuracy'])}) "
        f"| {scores(meetings)} ({figure(meetings['location_accuracy'])}) "
        f"| {scores(timeline)} ({figure(timeline['kind_accuracy'])}, {figure(timeline['country_accuracy'])}, "
        f"{timeline['reported']} reported) "
        f"| {figure(articles['metadata_accuracy'])} ({articles['count']}/{articles['expected']}) |"
    )


def main() -> int:
    if not available():
        print(f"{CORPUS} not found: the real-article corpus is scored only where it is checked out")
        return 2
    by_file = slice_of_files()
    print(
        "| slice | people F1 (role acc.) | meetings P / R / F1 (location acc.) "
        "| timeline P / R / F1 (kind acc., country acc.) "
        "| metadata acc. (articles) |"
    )
    print("| --- | --- | --- | --- | --- |")
    for name in SLICES:
        print(_row(name, score({f for f, s in by_file.items() if s == name})), flush=True)
    whole = score()
    print(_row("all", whole))
    measured = timeline_right_first()
    paired, orders = measured["right_first"], measured["orders"]
    print(
        f"timeline paired right-first (score.py's edges, each gold item trying right entries first): "
        f"kind acc. {paired['kind_accuracy']:.2f}, country acc. {paired['country_accuracy']:.2f}"
    )
    print(
        "timeline as score.py pairs it, over 200 random orders of each day's entries (lowest / median / highest): "
        + ", ".join(
            f"{name.split('_')[0]} acc. {' / '.join(f'{v:.2f}' for v in spread)}" for name, spread in orders.items()
        )
    )
    for category in ("people", "meetings", "timeline"):
        print(f"{category} missed: {whole[category]['missed']}")
        print(f"{category} extra:  {whole[category]['extra']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
