"""Who wrote an article and who issued it, read from the shapes broadcast scripts and official pages give.

Pure: the headline and the body paragraphs in, names out. `parsing` has already taken what a byline,
a wire tag or a dateline says; the rules here read what is left when a page has none of those:

- a broadcast sign-off closing the intro ("VOA's diplomatic correspondent Ann Lee reports.",
  "From the capital, Ann Lee has more.") names the reporter, and the outlet when it leads the sentence;
- an outlet's desk alone on the last line ("VOA News") signs the story;
- official pages carry their issuer in their own furniture: "Statement by White House Press Secretary ...",
  "The below is attributable to Spokesperson ...", "X released the following statement:", a readout's
  principal named with their office, NATO's "• Last updated:" lines, the Kremlin's "(retranslated)"
  speaker labels, a State Department transcript's "SECRETARY <NAME>:" labels;
- a readout that names its principal only by office ("The Prime Minister met ...") comes from that
  office's press service.

The vocabulary below is of offices and outlets, never of a particular article.
"""

import re
from dataclasses import dataclass

# Outlets that sign broadcast pieces; an all-capitals acronym leading a sign-off counts too.
_OUTLETS = r"(?:Voice of America|VOA|BBC|CNN|NPR|DW|Reuters|AP|AFP|Radio Free Europe|RFE/RL|Al Jazeera|CBS|NBC|ABC)"
_ROLE_WORDS = frozenset(
    {"correspondent", "chief", "editor", "reporter", "producer", "anchor", "journalist", "contributor", "host"}
)
_SIGNOFF_SENTENCE = re.compile(
    r"^(?P<before>.+?)\s+(?:reports|has (?:the|this) (?:story|report)|has more|explains)\b[^.!?]*[.!?]$"
)
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’-]*\.?|de|van|von|der|da|al|bin)$")
_OUTLET_LEAD = re.compile(rf"^(?P<outlet>{_OUTLETS}|[A-Z]{{2,6}})(?:['’]s)?$")
_DESK_LINE = re.compile(rf"^(?P<outlet>{_OUTLETS}|[A-Z]{{2,6}})\s+(?:News|Newsroom|Staff|Wire)$")


@dataclass(frozen=True)
class Signature:
    author: str | None
    outlet: str | None


def broadcast_signoff(paragraphs: list[str]) -> Signature | None:
    """The reporter (and outlet) of a sign-off sentence closing one of the first paragraphs."""
    for text in paragraphs[:3]:
        last = _SENTENCE_START.split(text.strip().strip("[]").strip())[-1]
        if (match := _SIGNOFF_SENTENCE.match(last)) and (signature := _signature(match["before"].split())):
            return signature
    return None


def _signature(words: list[str]) -> Signature | None:
    # Walk back from the verb over the name: it ends at a role word ("correspondent Ann Lee"),
    # at the outlet ("VOA's Ann Lee") or at a clause ("From Nairobi, Ann Lee").
    name: list[str] = []
    while words and len(name) < 4 and _NAME_TOKEN.match(words[-1]) and words[-1].lower() not in _ROLE_WORDS:
        if _OUTLET_LEAD.match(words[-1]):
            break
        name.insert(0, words.pop())
    if len(name) < 2:
        return None
    outlet = _OUTLET_LEAD.match(words[0]) if words else None
    after_role = bool(words) and words[-1].lower() in _ROLE_WORDS
    after_clause = bool(words) and words[-1].endswith(",")
    if not (outlet or after_role or after_clause):
        return None
    return Signature(author=" ".join(name), outlet=outlet["outlet"] if outlet else None)


# News agencies, whose name alone in a byline ("By Xinhua") credits the story to them.
_AGENCY = re.compile(
    r"(?:The )?(?:Reuters|Associated Press|AP|AFP|Agence France-Presse|dpa|Deutsche Presse-Agentur|ANSA|EFE|"
    r"Europa Press|Lusa|Belga|ANP|APA|Xinhua|TASS|ITAR-TASS|RIA Novosti|Interfax(?:-Ukraine)?|Sputnik|Anadolu"
    r"(?: Agency)?|AA|ANI|PTI|IANS|UNI|Kyodo|Jiji|Yonhap|Bernama|Antara|PNA|AAP|Canadian Press|CP|UNIAN|"
    r"Ukrinform|BNS|ELTA|LETA|ERR|Trend|APA|AzerTac|Azertag|Agerpres|PAP|CTK|ČTK|MTI|HINA|Tanjug|Beta|MINA|"
    r"Fena|MIA|ATA|BTA|STA|NTB|TT|STT|Ritzau|KUNA|WAM|SPA|QNA|IRNA|ISNA|Mehr|Fars|Bloomberg|UPI|RFE/RL)",
)
_STAFF_OF = re.compile(r"^Staff,?\s+(?P<outlet>[A-Z].+)$")
# "By Staff Writer", "By Staff Reporter": a role, no outlet
_NO_OUTLET = re.compile(r"(?:writer|reporter|correspondent|editor|members?|journalists?)\b", re.I)


def agency_credited(byline: str) -> str | None:
    """The agency a byline credits: its name alone ("Xinhua"), or its staff ("Staff The Canadian Press")."""
    byline = byline.strip()
    if (staff := _STAFF_OF.match(byline)) and not _NO_OUTLET.match(staff["outlet"]):
        return staff["outlet"]
    return byline if _AGENCY.fullmatch(byline) else None


def desk_signature(text: str) -> str | None:
    """An outlet's desk signing the story on its own last line ("VOA News"), as the page shows it."""
    return text if _DESK_LINE.match(text) else None


# Issuing offices, as their readouts and statements name their principals.
_OFFICE_ISSUERS = (
    (re.compile(r"\bWhite House\b"), "The White House"),
    (re.compile(r"\bSecretary of State\b|\bState Department\b|\bDepartment of State\b"), "U.S. Department of State"),
    (re.compile(r"\bSecretary of Defense\b|\bDefense Department\b|\bPentagon\b"), "U.S. Department of Defense"),
    (
        re.compile(r"\b(?:United States|U\.S\.) Trade Representative\b"),
        "Office of the United States Trade Representative",
    ),
    (re.compile(r"\bNATO\b|\bNorth Atlantic Council\b"), "NATO"),
    (re.compile(r"\bPresident of Russia\b|\bKremlin\b"), "President of Russia"),
)
_STATEMENT_BY = re.compile(r"^(?:Statement|Remarks|Readout|Joint Statement|Press Statement) (?:by|from) (?P<who>.+)$")
_READOUT_OF = re.compile(r"^Readout of (?:[A-Z][\w.]* )*?(?P<surname>[A-Z][\w'-]+)['’]s\b")
_RELEASED = re.compile(r"(?P<issuer>(?:the )?[A-Z][\w.]*(?: (?:of|[A-Z][\w.&]*))+) released the following statement")
_SPOKESPERSON = re.compile(r"^The (?:below|following) is attributable to (?:Department )?Spokesperson\b")
# NATO's pages: "• 20 Jun. 2017 -" / "• Last updated: 20 Jun. 2017 14:51" and speeches "by NATO Secretary General".
_NATO_PAGE = re.compile(r"^•\s*(?:Last updated|Mis à jour le)\s*:|^by (?:the )?NATO (?:Deputy )?Secretary General\b")
# NATO news writes the day and then the date in brackets: "agreed today (24 March 2022)".
_NATO_DATE_STYLE = re.compile(
    r"\b(?:today|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)) \(\d{1,2} [A-Z][a-z]+ \d{4}\)"
)
_RETRANSLATED = re.compile(r"^[^:]{3,80} \(retranslated\):")
_TRANSCRIPT_SECRETARY = re.compile(r"^SECRETARY [A-Z'-]+:")
# Readouts that name their principal only by office, and whose office that is.
_BARE_OFFICES = (
    (
        re.compile(r"^The Prime Minister (?:met|spoke|welcomed|hosted|held|visited)\b"),
        "Prime Minister's Office, 10 Downing Street",
    ),
    (
        re.compile(r"^A Downing Street spokesperson said\b|^PM (?:meeting|call) with\b"),
        "Prime Minister's Office, 10 Downing Street",
    ),
    (
        re.compile(r"\bthe Foreign Secretary has\b|^The Foreign Secretary (?:met|visited|travelled)\b"),
        "Foreign, Commonwealth & Development Office",
    ),
)
_UK = re.compile(r"\b(?:UK|United Kingdom|British)\b")
_HEAD_OF_STATE = re.compile(r"\bThe Head of State\b")
_PRESIDENT_OF = re.compile(r"\bPresident of (?P<country>(?:the )?(?:[A-Z][a-z]+ of )?[A-Z][a-z]+)\b")


def issuer(title: str | None, paragraphs: list[str]) -> str | None:
    """The office that issued an official text, from the shape of its page; None for anything else."""
    lines = ([title] if title else []) + paragraphs
    text = "\n".join(lines)
    for shape in (_issuer_named_in_header, _issuer_by_page_furniture, _issuer_by_house_style):
        if found := shape(title, lines, text):
            return found
    return None


def _office_issuer(text: str) -> str | None:
    for pattern, office in _OFFICE_ISSUERS:
        if pattern.search(text):
            return office
    return None


def _issuer_named_in_header(title: str | None, lines: list[str], text: str) -> str | None:
    if title and (statement := _STATEMENT_BY.match(title)):
        return _office_issuer(statement["who"])
    if title and (readout := _READOUT_OF.match(title)):
        # "Readout of Ambassador Tai's Meeting": the body names her office beside her name.
        body = "\n".join(lines[1:])
        for named in re.finditer(rf"[A-Z][\w.]*(?: (?:of|[A-Z][\w.]*))* {readout['surname']}\b", body):
            if found := _office_issuer(named.group(0)):
                return found
        return None
    for line in lines[:4]:
        if released := _RELEASED.search(line):
            return re.sub(r"^the ", "", released["issuer"], flags=re.IGNORECASE)
        if _SPOKESPERSON.match(line):
            return "U.S. Department of State"
    return None


def _issuer_by_page_furniture(title: str | None, lines: list[str], text: str) -> str | None:
    if any(_NATO_PAGE.match(line) for line in lines[:6]):
        return "NATO"
    if any(_RETRANSLATED.match(line) for line in lines):
        return "President of Russia"
    if any(_TRANSCRIPT_SECRETARY.match(line) for line in lines):
        # "SECRETARY BLINKEN:": the department is the one the transcript names the secretary of.
        return _office_issuer(text)
    return None


def _issuer_by_house_style(title: str | None, lines: list[str], text: str) -> str | None:
    lead = lines[1] if title and len(lines) > 1 else lines[0]
    for pattern, office in _BARE_OFFICES:
        if (pattern.search(lead) or (title and pattern.search(title))) and _UK.search(text):
            return office
    if _HEAD_OF_STATE.search(text) and (president := _PRESIDENT_OF.search(lead)):
        return f"President of {president['country']}"
    if _NATO_DATE_STYLE.search(text) and "NATO" in text:
        return "NATO"
    return None


_TITLE_OUTLET = re.compile(rf"^(?P<outlet>{_OUTLETS})\w*(?: [A-Z]\w*)?\s+[-–—|:]\s+(?P<title>\S.+)$")


def outlet_prefix(title: str) -> tuple[str, str] | None:
    """Split "VOA60 America - Ministers meet" (a programme of an outlet, then the headline) into both."""
    match = _TITLE_OUTLET.match(title)
    return (match["outlet"], match["title"]) if match else None
