"""Person names as real text writes them, and the keys under which spellings of one name meet."""

import re
import unicodedata

# Generational suffixes; a regnal number after a single name ("Faisal II") is part of the name.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
# Lower-case particles inside a surname: "da Costa", "van der Berg", "de Souza".
PARTICLES = frozenset(
    {"da", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "bin", "al"}
)
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^[A-Z]\.(?:-?[A-Z]\.)+$")


def fold(word: str) -> str:
    """Fold a word so transliteration variants agree: Kovalskyy, Kovalsky and Kovalskiy; Andrii and Andriy."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    letters = re.sub(r"[^a-z ]", "", ascii_word).replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", letters).strip()


def name_parts(name: str) -> tuple[list[str], list[str]]:
    """Split a name into its given part and its surname (particles included), dropping initials and suffixes."""
    words = [w.strip(",") for w in name.split() if w.strip(",")]
    while len(words) > 2 and words[-1].lower().rstrip(".") in SUFFIXES:
        words = words[:-1]
    if len(words) <= 1 or (len(words) == 2 and words[-1].lower().rstrip(".") in SUFFIXES):
        return [], words
    surname_start = len(words) - 1
    while surname_start > 1 and words[surname_start - 1].lower() in PARTICLES:
        surname_start -= 1
    given = [w for w in words[:surname_start] if not _INITIAL.match(w)] or words[:1]
    return given, words[surname_start:]


def person_key(name: str) -> str:
    """The identity of a full name across articles: folded surname and first given name ("blinken|antoni").

    Middle initials and suffixes do not count ("Martin J. Ellery" is "Martin Ellery"); first names do
    (Kaja Kallas and Kristina Kallas are two people). A single name keys on itself ("lula|").
    """
    given, surname = name_parts(name)
    return f"{fold(' '.join(surname))}|{fold(given[0]) if given else ''}"


def surname_key(name: str) -> str:
    """The folded surname of a name, as a surname alone in a later sentence would give it."""
    return person_key(name).split("|", 1)[0]
