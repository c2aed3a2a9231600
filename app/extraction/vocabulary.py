"""General vocabulary of the genre: titles, organisations, places, verbs and topic phrases.

Nothing here names a particular article's people, dates or venues: these are the words any
report on diplomacy and NATO uses.
"""

import re

# Longest first, so "Deputy Prime Minister" wins over "Prime Minister" over "Minister".
TITLES = sorted(
    [
        "President",
        "Vice President",
        "President-elect",
        "Prime Minister",
        "Deputy Prime Minister",
        "First Deputy Prime Minister",
        "Foreign Minister",
        "Defense Minister",
        "Defence Minister",
        "Interior Minister",
        "Finance Minister",
        "Economy Minister",
        "Energy Minister",
        "Justice Minister",
        "Minister",
        "Deputy Minister",
        "Vice Minister",
        "Deputy Foreign Minister",
        "Deputy Defense Minister",
        "Deputy Defence Minister",
        "State Secretary",
        "Vice Minister of Foreign Affairs",
        "Minister of Foreign Affairs",
        "Minister of Defense",
        "Minister of Defence",
        "Secretary General",
        "Secretary-General",
        "Deputy Secretary General",
        "Assistant Secretary General",
        "Secretary of State",
        "Secretary of Defense",
        "Defense Secretary",
        "Defence Secretary",
        "Foreign Secretary",
        "Home Secretary",
        "National Security Adviser",
        "National Security Advisor",
        "Chancellor",
        "King",
        "Queen",
        "Crown Prince",
        "Emperor",
        "Pope",
        "Ambassador",
        "Permanent Representative",
        "Special Envoy",
        "Envoy",
        "High Representative",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Speaker",
        "Commander",
        "Commander-in-Chief",
        "Supreme Allied Commander Europe",
        "Chief of Staff",
        "Chief of the General Staff",
        "Chief of Defence",
        "Head",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "Senator",
        "Congressman",
        "Congresswoman",
        "Governor",
        "Mayor",
        "Director",
        "Commissioner",
        "Chief",
        "General",
        "Lieutenant General",
        "Admiral",
        "Colonel",
    ],
    key=len,
    reverse=True,
)
TITLE_WORDS = frozenset(
    word.lower()
    for title in TITLES
    for word in re.split(r"[\s-]+", title)
    if word.lower() not in {"of", "the", "in", "for", "to"}
)

ORGANIZATIONS = {
    "nato": "NATO",
    "the alliance": "NATO",
    "alliance": "NATO",
    "north atlantic alliance": "NATO",
    "north atlantic treaty organization": "NATO",
    "eu": "EU",
    "european union": "EU",
    "european commission": "European Commission",
    "european council": "European Council",
    "european parliament": "European Parliament",
    "un": "UN",
    "united nations": "UN",
    "osce": "OSCE",
    "g7": "G7",
    "g20": "G20",
    "pentagon": "Pentagon",
    "state department": "State Department",
    "white house": "White House",
    "kremlin": "Kremlin",
    "iaea": "IAEA",
    "imf": "IMF",
    "world bank": "World Bank",
}

# Country name -> (canonical name, demonyms and other names). A general gazetteer.
_COUNTRIES = {
    "Ukraine": ["Ukrainian"],
    "Russia": ["Russian", "Russian Federation"],
    "Belarus": ["Belarusian"],
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "American", "United States of America"],
    "United Kingdom": [
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "British",
        "England",
        "English",
        "Scotland",
        "Scottish",
        "Wales",
        "Welsh",
    ],
    "Canada": ["Canadian"],
    "France": ["French"],
    "Germany": ["German"],
    "Italy": ["Italian"],
    "Spain": ["Spanish"],
    "Portugal": ["Portuguese"],
    "Netherlands": ["Dutch", "the Netherlands", "Holland"],
    "Belgium": ["Belgian"],
    "Luxembourg": ["Luxembourgish"],
    "Denmark": ["Danish"],
    "Norway": ["Norwegian"],
    "Sweden": ["Swedish"],
    "Finland": ["Finnish"],
    "Iceland": ["Icelandic"],
    "Estonia": ["Estonian"],
    "Latvia": ["Latvian"],
    "Lithuania": ["Lithuanian"],
    "Poland": ["Polish"],
    "Czech Republic": ["Czech", "Czechia"],
    "Slovakia": ["Slovak"],
    "Hungary": ["Hungarian"],
    "Romania": ["Romanian"],
    "Bulgaria": ["Bulgarian"],
    "Greece": ["Greek"],
    "Turkey": ["Turkish", "Türkiye"],
    "Croatia": ["Croatian"],
    "Slovenia": ["Slovenian"],
    "Albania": ["Albanian"],
    "North Macedonia": ["Macedonian"],
    "Montenegro": ["Montenegrin"],
    "Serbia": ["Serbian"],
    "Moldova": ["Moldovan"],
    "Georgia": ["Georgian"],
    "Armenia": ["Armenian"],
    "Azerbaijan": ["Azerbaijani"],
    "Austria": ["Austrian"],
    "Switzerland": ["Swiss"],
    "Ireland": ["Irish"],
    "Japan": ["Japanese"],
    "China": ["Chinese"],
    "India": ["Indian"],
    "South Korea": ["South Korean"],
    "North Korea": ["North Korean"],
    "Australia": ["Australian"],
    "New Zealand": ["New Zealander"],
    "Israel": ["Israeli"],
    "Iran": ["Iranian"],
    "Saudi Arabia": ["Saudi"],
    "Qatar": ["Qatari"],
    "United Arab Emirates": ["UAE", "Emirati"],
    "Egypt": ["Egyptian"],
    "Brazil": ["Brazilian"],
    "Mexico": ["Mexican"],
    "Argentina": ["Argentine", "Argentinian"],
    "South Africa": ["South African"],
    "Kazakhstan": ["Kazakh"],
}
COUNTRY_NAMES: dict[str, str] = {}
for _country, _others in _COUNTRIES.items():
    for _name in (_country, *_others):
        COUNTRY_NAMES[_name.lower()] = _country

# Capitals and large cities, for the country of a meeting place.
CITY_COUNTRIES = {
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "kharkiv": "Ukraine",
    "odesa": "Ukraine",
    "odessa": "Ukraine",
    "lviv": "Ukraine",
    "dnipro": "Ukraine",
    "zaporizhzhia": "Ukraine",
    "mykolaiv": "Ukraine",
    "moscow": "Russia",
    "minsk": "Belarus",
    "washington": "United States",
    "washington, d.c.": "United States",
    "new york": "United States",
    "new york city": "United States",
    "los angeles": "United States",
    "chicago": "United States",
    "london": "United Kingdom",
    "edinburgh": "United Kingdom",
    "ottawa": "Canada",
    "paris": "France",
    "berlin": "Germany",
    "munich": "Germany",
    "ramstein": "Germany",
    "rome": "Italy",
    "madrid": "Spain",
    "lisbon": "Portugal",
    "amsterdam": "Netherlands",
    "the hague": "Netherlands",
    "brussels": "Belgium",
    "luxembourg": "Luxembourg",
    "copenhagen": "Denmark",
    "oslo": "Norway",
    "stockholm": "Sweden",
    "helsinki": "Finland",
    "reykjavik": "Iceland",
    "tallinn": "Estonia",
    "riga": "Latvia",
    "vilnius": "Lithuania",
    "warsaw": "Poland",
    "rzeszow": "Poland",
    "prague": "Czech Republic",
    "bratislava": "Slovakia",
    "budapest": "Hungary",
    "bucharest": "Romania",
    "sofia": "Bulgaria",
    "athens": "Greece",
    "ankara": "Turkey",
    "istanbul": "Turkey",
    "zagreb": "Croatia",
    "ljubljana": "Slovenia",
    "tirana": "Albania",
    "skopje": "North Macedonia",
    "podgorica": "Montenegro",
    "belgrade": "Serbia",
    "chisinau": "Moldova",
    "tbilisi": "Georgia",
    "yerevan": "Armenia",
    "baku": "Azerbaijan",
    "vienna": "Austria",
    "geneva": "Switzerland",
    "bern": "Switzerland",
    "davos": "Switzerland",
    "dublin": "Ireland",
    "tokyo": "Japan",
    "beijing": "China",
    "new delhi": "India",
    "seoul": "South Korea",
    "canberra": "Australia",
    "jerusalem": "Israel",
    "tel aviv": "Israel",
    "tehran": "Iran",
    "riyadh": "Saudi Arabia",
    "jeddah": "Saudi Arabia",
    "doha": "Qatar",
    "abu dhabi": "United Arab Emirates",
    "dubai": "United Arab Emirates",
    "cairo": "Egypt",
    "brasilia": "Brazil",
    "mexico city": "Mexico",
    "buenos aires": "Argentina",
    "pretoria": "South Africa",
    "astana": "Kazakhstan",
}

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

# Verbs and nouns of meeting. Lemmas of the verb the encounter hangs on.
MEETING_VERBS = frozenset({"meet", "receive", "host", "welcome", "greet", "visit"})
TALK_VERBS = frozenset({"talk", "hold", "have"})  # "talks with", "held talks", "had a meeting"
MEETING_NOUNS = frozenset({"meeting", "talks", "talk", "conversation", "bilateral", "audience"})
PRESENT_VERBS = frozenset({"present", "brief", "hand"})  # "present his plan to X" meets X
PLANNING_HEADS = frozenset({"expect", "plan", "set", "schedule", "due", "intend", "hope", "prepare", "going"})

SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "note",
        "stress",
        "emphasize",
        "emphasise",
        "add",
        "state",
        "declare",
        "announce",
        "call",
        "urge",
        "insist",
        "reiterate",
        "underline",
        "underscore",
        "affirm",
        "confirm",
        "write",
        "summarize",
        "summarise",
        "argue",
        "warn",
        "explain",
        "claim",
        "promise",
        "pledge",
        "vow",
        "comment",
        "assure",
        "remark",
        "ask",
        "demand",
        "repeat",
    }
)

LEADERSHIP_CHANGE = re.compile(
    r"\b(?:step(?:s|ped|ping)? down|resign(?:s|ed|ing)?|leav(?:e|es|ing) (?:office|his post|her post)|"
    r"left office|t(?:ake|akes|ook|aking) office|sworn in|succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing)|"
    r"t(?:ake|akes|ook|aking) (?:his|her|their) place|appointed|elected|dismissed|took over|take over|"
    r"successor|end of (?:his|her) (?:term|tenure))\b",
    re.IGNORECASE,
)
BACK_REFERENCE = re.compile(r"\b(?:his|her) (?:place|post|job|seat)|succeed (?:him|her)|replace (?:him|her)\b", re.I)

NATO_CONTEXT = re.compile(r"\bNATO\b|\bNorth Atlantic\b|\bAlliance\b|\bAllies\b")
# In a story that names NATO, these refer back to it.
NATO_BACK_REFERENCE = re.compile(r"\b(?:the alliance|the summit|accession|invitation to join|membership)\b", re.I)
ALSO_PRESENT = re.compile(
    r"\b(?:also present were|were also present|also attended|also took part|also joined|joined the (?:talks|meeting))\b",
    re.I,
)
GENERIC_TOPIC_HEADS = frozenset(
    {"issue", "topic", "matter", "question", "thing", "prospect", "way", "situation", "development", "aspect"}
)
MEMBERSHIP = re.compile(r"\b(?:member(?:ship)?|join(?:s|ed|ing)?|accession|invit\w*|integrat\w*)\b", re.I)
APPLICATION = re.compile(
    r"\b(?:appl(?:y|ied|ies|ying) (?:for|to join)|(?:submit\w*|fil\w*|sign\w*) (?:an?|its|the) "
    r"(?:formal )?application|application (?:for|to join))\b",
    re.I,
)
SUMMIT = re.compile(r"\bsummit\b", re.I)
COUNCIL = re.compile(
    r"\b(?:NATO-Ukraine Council|North Atlantic Council)\b[^.]*\b(?:meet\w*|session|convene\w*|held|gather\w*)\b"
    r"|\b(?:meeting|session) of the (?:NATO-Ukraine Council|North Atlantic Council)\b",
    re.I,
)
PLAN = re.compile(r"\b(?:plan|roadmap|road map|formula)\b", re.I)
INVITATION = re.compile(r"\binvit\w*\b", re.I)

# Topic phrases: pattern -> normalised topic.
TOPICS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), topic)
    for p, topic in [
        (
            r"\binvitation\b[^.;]{0,40}\bjoin\b|\binvit\w+ (?:to|for) (?:join|membership)",
            "invitation to join NATO",
        ),
        (
            r"\b(?:NATO|Alliance)\W+(?:\w+\W+){0,3}membership\b|\bmembership in (?:NATO|the Alliance)\b"
            r"|\bjoin(?:s|ing)? (?:NATO|the (?:North Atlantic )?Alliance)\b|\bmember of the Alliance\b",
            "NATO membership",
        ),
        (r"\bair[- ]defen[cs]e\b", "air defense"),
        (r"\bvictory plan\b", "victory plan"),
        (r"\bpeace (?:formula|plan|summit)\b", "peace formula"),
        (r"\bsecurity guarantees?\b", "security guarantees"),
        (r"\bsecurity (?:agreement|pact|deal)\b", "security agreement"),
        (r"\bNATO-Ukraine Council\b", "NATO-Ukraine Council"),
        (r"\bsanctions?\b", "sanctions"),
        (r"\breconstruction\b|\brebuild\w*\b", "reconstruction"),
        (r"\benergy (?:security|infrastructure|supplies)\b", "energy security"),
        (
            r"\b(?:military|defen[cs]e) (?:aid|assistance|support|package)\b|\bweapons? deliver\w*",
            "military aid",
        ),
        (r"\bF-16s?\b|\bfighter jets?\b|\b(?:modern )?aircraft\b", "aircraft"),
        (r"\bdrones?\b|\banti-drone\b", "drones"),
        (r"\belectronic warfare\b", "electronic warfare"),
        (r"\blong-range (?:weapons|missiles|strikes|capabilities)\b", "long-range weapons"),
        (r"\bartillery\b|\bammunition\b|\bshells\b", "ammunition"),
        (
            r"\bEU (?:membership|accession)\b|\bjoin(?:ing)? the EU\b|\bEuropean integration\b",
            "EU membership",
        ),
        (r"\bgrain\b|\bBlack Sea\b", "Black Sea security"),
        (r"\bprisoner(?:s)? (?:exchange|swap)\b|\bPOWs?\b", "prisoner exchange"),
        (r"\bfrozen (?:Russian )?assets\b", "frozen Russian assets"),
        (r"\bdefen[cs]e (?:industry|production)\b|\bjoint production\b", "defense industry"),
        (r"\bnuclear\b", "nuclear safety"),
        (r"\btraining\b", "military training"),
    ]
]
FORUM = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w-]+\s+){1,5}(?:Community|Summit|Conference|Forum|Assembly|Council|Format|Group))\b"
)

PLURAL_GROUPS = re.compile(
    r"\bwith (?:the |a group of |several |dozens of |hundreds of )?((?:[a-z-]+ ){0,3}"
    r"(?:officers|soldiers|servicemen|troops|students|cadets|delegations|heads of delegations|officials|"
    r"diplomats|ambassadors|ministers|leaders|lawmakers|parliamentarians|executives|representatives|veterans|"
    r"families|journalists|volunteers|pilots|defenders|businessmen|investors|governors|mayors|commanders))\b"
)
