"""General vocabulary of the genre: titles (patterns/titles.json), organisations, verbs and phrases.

Nothing here names a particular article's people, dates or venues: these are the words any
report on diplomacy and NATO uses.
"""

import json
import re
from importlib import resources


def pattern_file(name: str) -> dict:
    """One of patterns/*.json: the titles, topics and meeting phrasings kept as data."""
    return json.loads(resources.files("app.extraction").joinpath(f"patterns/{name}").read_text(encoding="utf-8"))


# Longest first, so "Deputy Prime Minister" wins over "Prime Minister" over "Minister".
TITLES = sorted(pattern_file("titles.json")["titles"], key=len, reverse=True)
TITLE_WORDS = frozenset(
    word.lower()
    for title in TITLES
    for word in re.split(r"[\s-]+", title)
    if word.lower() not in {"of", "the", "in", "for", "to"}
)

# Ranks that stand before a name ("Army Gen. Mark Holloway", "Adm. Li Wen"); they are never part of it.
MILITARY_RANKS = frozenset(
    {
        "gen",
        "adm",
        "brig",
        "col",
        "lt",
        "maj",
        "capt",
        "cmdr",
        "sgt",
        "cpl",
        "pvt",
        "vice",
        "rear",
        "army",
        "navy",
        "air",
        "force",
        "class",
        "officer",
        "petty",
        "staff",
        "comrade",
        "commander",
        "marine",
        "corps",
    }
)

# Last words of capitalised phrases that name rooms, events and headings, never people ("Holloway Meeting").
NOT_NAME_HEADS = frozenset(
    {
        "meeting",
        "room",
        "visit",
        "loading",
        "base",
        "hall",
        "building",
        "conference",
        "summit",
        "forum",
        "council",
        "group",
        "ceremony",
        "dialogue",
        "talks",
        "session",
        "office",
        "house",
        "department",
        "ministry",
        "agency",
    }
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

# Countries and cities come from a maintained gazetteer: app/extraction/places.py.

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
# Appearing together before the press is meeting; the phrasings of meeting are patterns/meetings.json.
JOINT_APPEARANCE = re.compile(r"\bjoint (?:press conference|statement|news conference|press availability)\b", re.I)
PRESENT_VERBS = frozenset({"present", "brief", "hand"})  # "present his plan to X" meets X
PLANNING_HEADS = frozenset({"expect", "plan", "set", "schedule", "due", "intend", "hope", "prepare", "going", "look"})
# Bodies that meet as one side ("the North Atlantic Council met with the Prime Minister").
ORGANIZATION_SIDES = frozenset({"council", "commission", "committee", "delegation", "government", "cabinet"})

# Verbs that look forward: what they lead to is still to come ("is expected to ratify", "promised to ratify
# in October", "hopes to join"), whatever their own tense.
LOOKING_FORWARD = frozenset(
    {"expect", "set", "schedule", "due", "hope", "plan", "look", "promise", "pledge", "vow", "intend", "aim"}
)
SPEECH_VERBS = frozenset(
    {
        "say",
        "encourage",
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
        "express",
    }
)

LEADERSHIP_CHANGE = re.compile(
    r"\b(?:step(?:s|ped|ping)? down|resign(?:s|ed|ing)?|leav(?:e|es|ing) (?:office|his post|her post)|"
    r"left office|t(?:ake|akes|ook|aking) office|sworn in|succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing)|"
    r"t(?:ake|akes|ook|aking) (?:his|her|their) place|appointed|elected|dismissed|took over|take over|"
    r"successor|end of (?:his|her) (?:term|tenure)|"
    r"bec(?:ame|omes|ome|oming) (?:NATO[’']s |the Alliance[’']s |the alliance[’']s )?(?:new |next )?(?:deputy )?"
    r"secretary[- ]general)\b",
    re.IGNORECASE,
)
BACK_REFERENCE = re.compile(r"\b(?:his|her) (?:place|post|job|seat)|succeed (?:him|her)|replace (?:him|her)\b", re.I)

# British outlets write "Nato"; "nato" in running text is not the alliance.
NATO_CONTEXT = re.compile(r"\bN(?:ATO|ato)\b|\bNorth Atlantic\b|\bAlliance\b|\bAll(?:y|ies)\b")
# Another body's name: "the Global Alliance Against Hunger and Poverty", "Star Alliance", "Alliance for Peace".
# Named inside a sentence, after a lower-case word (not "Yesterday Alliance leaders ...", "Sweden's Alliance
# membership", "the Nato Alliance", "the Euro-Atlantic Alliance").
OTHER_ALLIANCE = re.compile(
    r"(?<=[a-z,] )(?!(?:Our|This|That|Its|An?|Atlantic|North|NATO|Nato|Euro-Atlantic|Western|Transatlantic|"
    r"Military|Defen[cs]e)\b)[A-Z][\w-]*(?: [A-Z][\w-]*)* Alliance\b|\bAlliance (?:for|of|[Aa]gainst|to) [A-Z]"
)


def names_nato(text: str) -> bool:
    """Whether a text names NATO ("the Alliance", "Allies"), not another alliance by its own name."""
    return bool(NATO_CONTEXT.search(OTHER_ALLIANCE.sub(" ", text)))


# "the alliance", "this alliance", "the Western military alliance", "the 32-member alliance"
_THE_ALLIANCE = (
    r"(?:the|this) (?:(?:Western|military|trans-?Atlantic|Atlantic|defen[cs]e|\d+-(?:member|nation)) ){0,2}alliance"
)
THE_ALLIANCE = re.compile(rf"\b{_THE_ALLIANCE}\b", re.I)
# In a story that names NATO, these refer back to it.
NATO_BACK_REFERENCE = re.compile(
    rf"\b(?:{_THE_ALLIANCE}|the (?:[\w-]+ ){{0,3}}summit|accession|invitation (?:to join|for [A-Z]\w+)|membership|"
    r"new(?:est)? members?|"
    r"ratification|ratif\w+ it\b|ratif\w+\b[^.]{0,50}\b(?:accession|protocols?|membership|bid)|"
    r"bec(?:ame|ome|omes|oming) (?:(?:a|an|its|the) )?(?:[\w-]+ )?(?:members?|all(?:y|ies))\b(?! of)|Euro-Atlantic|"
    r"approv\w+ (?:its|their|the|[A-Z]\w+[’']s) (?:NATO |membership |accession )?(?:bid|protocol)\b"
    r"(?!\s+(?:to|for)\s+(?!join|membership|NATO)))",
    re.I,
)
ALSO_PRESENT = re.compile(
    r"\b(?:also present were|were also present|also attended|also took part|also joined|joined the (?:talks|meeting))\b",
    re.I,
)
GENERIC_TOPIC_HEADS = frozenset(
    {"issue", "topic", "matter", "question", "thing", "prospect", "way", "situation", "development", "aspect"}
    | {"sideline", "sidelines", "margin", "margins"}
)
MEMBERSHIP = re.compile(r"\b(?:member(?:ship)?|join(?:s|ed|ing)?|accession|invit\w*|integrat\w*)\b", re.I)
APPLICATION = re.compile(
    r"\b(?:(?<!was )(?<!were )(?<!been )ask(?:ed|s)? to join (?:NATO|the (?:[\w-]+ )?alliance)(?![’']s|-)"
    r"(?!\s+(?:leaders|allies|members|ministers|exercises?|summit|talks|meetings?|missions?|operations?|drills?)\b)"
    r"|appl(?:y|ied|ies|ying) (?:for (?:[\w-]+ ){0,2}"
    r"(?:membership|accession)|(?:to be [\w-]+ )?to join"
    r"|for NATO(?=\s*[.,;]|\s+(?:in|on|at|and|last|this|after|before|when|as|but)\b))|applied(?=\s+(?:in|on|last|earlier|a (?:year|month|week))\b|[.;])|(?:submit\w*|fil\w*|sign\w*|hand\w* in|hand\w* over(?= (?:its|their))|lodg\w*) "
    r"(?:an?|its|their|the) (?:formal |official |membership |joint |NATO )?applications?"
    r"|applications? (?:for(?! (?:NATO )?(?:internships?|contracts?|jobs?|posts?|positions?|funding|grants?|tenders?|visas?)"
    r"\b)|to join)"
    r"|(?:submit\w*|fil\w*|hand\w* in|lodg\w*) (?:its|their) (?:formal |official |membership )?bids? to join "
    r"(?:NATO|the (?:[\w.-]+ ){0,3}?alliance)"
    # "announced their candidacy to join the alliance" (not "announced his candidacy for president")
    r"|(?:announc|submit|declar|present|fil|lodg)\w* (?:its|their) (?:formal |official |NATO )?candidac(?:y|ies) "
    r"(?:to join (?:NATO|the (?:[\w-]+ ){0,2}?alliance)|for (?:NATO )?membership(?! (?:of|in) (?!NATO)))"
    # "Malta and Cyprus submitted applications on Monday"
    r"|(?:submit\w*|fil\w*|lodg\w*) applications(?= (?:on|last|this|in|earlier)\b|\s*[.,;]))\b",
    re.I,
)
# An application that in a story about NATO is to NATO: "Switzerland applied in March", "submitted their
# applications", not "visa applications for refugees".
MEMBERSHIP_APPLICATION = re.compile(
    r"\bapplied(?=\s+(?:in|on|last|earlier|a (?:year|month|week))\b|[.;])|\bappl\w+ (?:for membership|to join)\b"
    r"|\b(?:submit\w*|fil\w*|hand\w* (?:in|over)|lodg\w*) (?:its|their) (?:formal |official |membership |NATO )?"
    r"(?:applications?\b|bids? to join (?:NATO|the (?:[\w.-]+ ){0,3}?alliance)\b)",
    re.I,
)
SUMMIT = re.compile(r"\bsummit\b", re.I)
# Unions a country also applies to and accedes to: a sentence about one of them, not naming NATO, is not NATO's.
OTHER_UNION = re.compile(
    r"\bEU\b|\bEuropean Union\b|\bthe (?:27-nation |27-member )?bloc\b|\bEurozone\b|\beuro (?:area|zone)\b|\bOECD\b|"
    r"\bWTO\b|\bWorld Trade Organi[sz]ation\b|\bBRICS\b|\bSchengen\b|\bCouncil of Europe\b|\bASEAN\b|\bAfrican Union\b|"
    r"\bEuropean (?:Commission|Council)\b",
    re.I,
)
# Summits that are not NATO's: "the summit" after one of these refers back to it.
OTHER_SUMMIT = re.compile(
    r"\b(?:G-?7|G-?20|Group of (?:Seven|7|Twenty|20)|EU|EU-\w+|European Union|European Council|ASEAN|APEC|BRICS|"
    r"African Union|Arab League|peace|climate|Ukraine Recovery|Eastern Partnership|European Political Community|"
    r"EPC|Commonwealth|SCO|Shanghai Cooperation Organisation|OSCE|CSTO|Quad)\s+summit\b",
    re.I,
)
COUNCIL = re.compile(
    r"\b(?:NATO-[A-Z]\w+ (?:Council|Commission)|[A-Z]\w+-NATO (?:Council|Commission)|North Atlantic Council)\b"
    r"[^.]*\b(?:meet\w*|met|session|convene\w*|"
    r"held|gather\w*)\b|\b(?:meeting|session) of (?:the )?(?:[\w-]+ ){0,2}?(?:NATO-[A-Z]\w+ (?:Council|Commission)"
    r"|[A-Z]\w+-NATO (?:Council|Commission)"
    r"|North Atlantic Council)\b"
    r"|\b(?:alliance|NATO|Allies) (?:hosted|held|convened)\b[^.]{0,80}\b(?:ministerial|(?:major|high-level) meeting|"
    r"meeting of (?:its |their )?(?:foreign|defen[cs]e) ministers)\b"
    r"|\b(?:NATO|Allied) (?:(?:foreign|defen[cs]e) )?ministers(?:'|’)? (?:meeting|council)\b"
    r"|\b(?:foreign|defen[cs]e) ministers of (?:the )?NATO(?: member states| allies| countries)?\b[^.]{0,30}\bmeeting\b"
    r"|\b(?:NATO|Allied) (?:foreign|defen[cs]e) ministerial\b"
    r"|\bmeeting of (?:NATO|Allied) (?:foreign|defen[cs]e) ministers\b"
    r"|\bconven\w*\s+(?:an?\s+(?:[\w-]+\s+)?(?:meeting|session)\s+of\s+)?the\s+(?:NATO-[A-Z]\w+ (?:Council|Commission)"
    r"|[A-Z]\w+-NATO (?:Council|Commission)|North Atlantic Council)\b",
    re.I,
)
PLAN = re.compile(r"\b(?:plan|roadmap|road map|formula|concrete ways|concrete steps|bridge to membership)\b", re.I)
# A country's membership taking effect: joining, the deposit of its instrument, the flag-raising.
ACCESSION = re.compile(
    r"\b(?:join(?:ed|s)|(?:will|shall|(?:expected|set|due|scheduled|poised) to)\s+(?:formally\s+|officially\s+)?join)\b"
    r"(?:\s+\w+){0,3}?\s+(?:NATO|[Aa]lliance|North Atlantic Treaty Organi[sz]ation)\b(?![’']s|-)"
    r"(?!\s+(?:leaders|allies|members|ministers|officials|partners|counterparts|forces|troops|exercises?|summit|"
    r"talks|meetings?|colleagues|missions?|operations?|drills?|Response)\b)"
    # not "Hungary became the only member of NATO that has not yet approved Sweden's bid"
    r"|\b(?:became|becomes|become|becoming|has become)\s+(?!the\s+(?:only|last|sole)\s)"
    r"(?:a\s+|an\s+|the\s+|NATO[’']s\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:members?|[Aa]lly)\b(?!\s+(?:states?\s+|countr(?:y|ies)\s+)?to\s+(?:ratify|approve|sign|endorse))"
    r"(?!\s+(?:of|to(?!\s+join\b))\s+(?!NATO|the (?:North Atlantic|[Aa]lliance|military alliance)))"
    r"|\bdid(?: not|n[’']t) (?:formally |officially )?join (?:NATO|the (?:military )?[Aa]lliance) until\b"
    r"|\b(?:has|have) been (?:a |an )?(?:NATO (?:member|ally|members|allies)|(?:member|ally|members|allies) of "
    r"(?:NATO|the (?:North Atlantic |military )?[Aa]lliance)) since\b"
    r"|\baccede[sd]? to (?:NATO|the (?:Washington|North Atlantic) Treaty|the [Aa]lliance)\b(?![’']s)"
    r"|\b(?:was|were|been) (?:formally |officially )?admitted (?:in)?to (?:NATO|the (?:[\w-]+ )?[Aa]lliance|the North Atlantic Treaty Organi[sz]ation)\b(?![’']s|-)"
    r"|\b(?:last|latest|newest|most recent) (?:country|member(?: state)?|nation|state) to "
    r"(?:join|be added to|be admitted to) (?:NATO|the [Aa]lliance) (?:was|is)\b"
    r"|\binstruments? of accession\b"
    # "handed the Secretary of State the official documents for Sweden's accession to NATO"
    r"|\b(?:hand\w*|deposit\w*|submit\w*|deliver\w*|present\w*)\b[^.]{0,60}\b(?<!ratification )"
    r"(?:documents?|instruments?|papers) (?:for|of) (?:(?:its|their|the|his|her|[\w-]+[’']s) ){0,2}accession\b|\baccession (?:took|takes) effect\b|\bmembership\b(?:\s+\w+){0,4}?\s+became official\b"
    r"|\bcomplet(?:e|ed|ing|es) (?:(?:its|their|the|\w+[’']s) )?accession\b(?! talks| process| negotiations)"
    r"|\bflag[- ]raising\b|\bflag\b[^.]{0,40}\b(?:was|is|will be|is to be|is set to be) (?:raised|hoisted)\b|\b(?:29th|30th|31st|32nd|33rd) (?:member|[Aa]lly)\b",
    re.I,
)
# A member approving, or holding up, another country's accession.
RATIFICATION = re.compile(
    r"\bratif\w*\b(?![^.]{0,60}\b(?:agreement|deal|convention|pact|accord|budget)\b)"
    r"|\bgave (?:their|its) approval\b|\baccession protocols?\b|\bprotocols?\b[^.]{0,60}\bon the accession of\b"
    r"|(?<!possible )\bapprov(?:e|ed|es|al|ing)\b[^.]{0,40}\b(?:bid|accession|membership(?! action plan)|protocol"
    r"|application)"
    r"|\bblock\w*\b[^.]{0,40}\b(?:accession|bid|membership)"
    r"|\bsign\w* off on\b[^.]{0,40}\b(?:bid|accession|membership|protocol)"
    r"|\bvot\w+\b[^.]{0,30}\bto (?:back|endorse|support)\b[^.]{0,40}\b(?:bid|accession|membership|protocol)"
    r"|\bvot\w+\b[^.]{0,40}\bin favou?r of\b[^.]{0,40}\b(?:bid|accession|membership|protocol)"
    r"|\b(?:lift\w*|drop\w*|withdr[ae]w\w*) (?:its|their) (?:objections?|veto|opposition|block)\b"
    r"|\bgreen light\b(?! to (?:open|start|begin))[^.]{0,40}\b(?:bid|accession|membership|protocol)",
    re.I,
)
# Nouns a country's way into NATO hangs on ("Sweden's bid"), and verbs it is the subject of ("Finland applied").
PATH_NOUNS = frozenset(
    {
        "membership",
        "accession",
        "bid",
        "application",
        "path",
        "entry",
        "candidacy",
        "admission",
        "integration",
        "invitation",
        "aspiration",
        "instrument",
        "instruments",
        "protocol",
        "protocols",
        "aspirations",
        "ambition",
        "ambitions",
        "hopes",
        "future",
        "addition",
        "flag",
    }
)
PATH_VERBS = frozenset({"join", "apply", "become", "accede", "deposit", "enter"})
# Verbs whose object is the country on its way in: "supports Finland and Sweden joining", "welcoming Sweden".
PATH_SUPPORT_VERBS = frozenset(
    {"support", "welcome", "invite", "admit", "back", "block", "approve", "ratify", "encourage", "promise", "offer"}
)
# A position taken, by a government or the alliance as much as by a person.
STANCE_WORDS = frozenset(
    {
        "support",
        "worry",
        "stand",
        "welcome",
        "believe",
        "reiterate",
        "call",
        "determined",
        "hope",
        "hopeful",
        "confident",
        "declare",
        "reaffirm",
        "affirm",
        "commit",
        "committed",
        "back",
        "push",
        "urge",
        "encourage",
        "remain",
        "warn",
    }
)
INVITATION = re.compile(r"\binvit\w*\b", re.I)

# Topic phrases: pattern -> normalised topic.
# Topic phrases are data: patterns/topics.json, matched by the "topics" pipe.
FORUM = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w-]+\s+){1,5}(?:Community|Summit|Conference|Forum|Assembly|Council|Format|Group))\b"
)

PLURAL_GROUPS = re.compile(
    r"\bwith (?:the |a group of |several |dozens of |hundreds of )?((?:[a-z-]+ ){0,3}"
    r"(?:officers|soldiers|servicemen|troops|students|cadets|delegations|heads of delegations|officials|"
    r"diplomats|ambassadors|ministers|leaders|lawmakers|parliamentarians|executives|representatives|veterans|"
    r"families|journalists|volunteers|pilots|defenders|businessmen|investors|governors|mayors|commanders))\b"
)

# Heads of place names that are venues of a meeting ("at the Pentagon", "to NATO Headquarters").
VENUE = re.compile(
    r"\b(?:headquarters|HQ|base|airbase|house|department|pentagon|kremlin|palace|ministry|chancellery|street|"
    r"hall|room|embassy|residence|chequers|elysee|élysée|castle|parliament|capitol)\b",
    re.I,
)
