"""Country names as the timeline stores and filters them: one canonical English short name per country.

The extractor names countries through app/extraction/places.py ("Sweden", "Turkey", "North Macedonia");
storing and filtering through the same gazetteer keeps "Sweden", "sweden", "SE" and "SWE" one country.
"""

import pycountry

from app.extraction import places  # pure and offline: lookups in installed gazetteers, no model

NATO = "NATO"


def canonical_country(text: str) -> str | None:
    """The canonical name of the country a name, demonym or ISO 3166 alpha-2/alpha-3 code gives, in any case.

    "NATO" (any case) is itself: the timeline's name for alliance-wide decisions. None when unknown.
    """
    text = text.strip()
    if text.casefold() == NATO.casefold():
        return NATO
    if name := places.country(text):
        return name
    # Codes after names: "US" and "UK" are names the gazetteer knows, and UK is no ISO code.
    if len(text) in (2, 3) and text.isascii() and text.isalpha():
        entry = pycountry.countries.get(**{f"alpha_{len(text)}": text})
        if entry is not None:
            return places.country(entry.name) or getattr(entry, "common_name", entry.name)
    return None
