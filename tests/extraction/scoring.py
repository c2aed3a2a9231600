"""Score what the service serves against a gold annotation in the format of seeds.gold.json.

Matching follows the gold file's "about": names are canonical full names (aliases count), `date_ok`
lists every acceptable date, an `any_of` list is satisfied when one of its strings appears,
case-insensitively, in the field. Matching is one to one; a system item that matches no gold item
(required or optional) counts against precision, and only required items count for recall.
"""

from dataclasses import dataclass, field


@dataclass
class Score:
    category: str
    required: int = 0
    found_required: int = 0
    system: int = 0
    matched_system: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found_required / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.matched_system / self.system if self.system else 1.0

    def line(self) -> str:
        return (
            f"{self.category:9} recall {self.recall:.2f} ({self.found_required}/{self.required})  "
            f"precision {self.precision:.2f} ({self.matched_system}/{self.system})"
        )


def _any_of(needles: list[str], haystack: str) -> bool:
    return not needles or any(n.lower() in haystack.lower() for n in needles)


def _names(person: dict) -> set[str]:
    return {person["name"].lower(), *(a.lower() for a in person.get("aliases", []))}


def _person_matches(gold: dict, person: dict) -> bool:
    if gold["name"].lower() not in _names(person):
        return False
    roles = " | ".join(f"{r['title']} {r['organization'] or ''} {r['country'] or ''}" for r in person["roles"])
    return _any_of(gold.get("role_any_of", []), roles)


def _date_matches(gold: dict, date: str, precision: str) -> bool:
    for accepted in gold.get("date_ok") or [gold["date"]]:
        if date.startswith(accepted):
            expected = "day" if len(accepted) == 10 else "month" if len(accepted) == 7 else "year"
            if expected == precision:
                return True
    return False


def _canonical(name: str, aliases: dict[str, str]) -> str:
    return aliases.get(name.lower(), name.lower())


def _meeting_matches(gold: dict, meeting: dict, article_ids: dict[str, str], aliases: dict[str, str]) -> bool:
    participants = {_canonical(p["name"], aliases) for p in meeting["participants"]}
    location = meeting["location"] or {}
    place = " ".join(v for v in (location.get("name"), location.get("city"), location.get("country")) if v)
    return (
        article_ids[gold["article"]] in {s["article_id"] for s in meeting["sources"]}
        and participants == {_canonical(p, aliases) for p in gold["participants"]}
        and _date_matches(gold, meeting["date"], meeting["date_precision"])
        and meeting["status"] == gold["status"]
        and _any_of(gold.get("location_any_of", []), place)
        and (not gold.get("country") or (location.get("country") or "").lower() == gold["country"].lower())
        and _any_of(gold.get("topics_any_of", []), " | ".join(meeting["topics"]))
    )


def _entry_matches(gold: dict, entry: dict, article_ids: dict[str, str], aliases: dict[str, str]) -> bool:
    text = " | ".join([entry["summary"], *(s["quote"] for s in entry["sources"])])
    actors = " | ".join(_canonical(a["name"], aliases) for a in entry["actors"])
    return (
        article_ids[gold["article"]] in {s["article_id"] for s in entry["sources"]}
        and entry["kind"] == gold["kind"]
        and _date_matches(gold, entry["date"], entry["date_precision"])
        and _any_of(gold.get("actors_any_of", []), actors)
        and _any_of(gold.get("text_any_of", []), text)
    )


def _match(category, gold_items, system_items, matches, describe) -> Score:
    score = Score(category, required=sum(1 for g in gold_items if g.get("required", True)), system=len(system_items))
    free = list(range(len(system_items)))
    ordered = sorted(gold_items, key=lambda g: not g.get("required", True))
    for gold in ordered:
        hit = next((i for i in free if matches(gold, system_items[i])), None)
        if hit is None:
            if gold.get("required", True):
                score.missed.append(gold.get("id") or gold.get("name"))
            continue
        free.remove(hit)
        score.matched_system += 1
        score.found_required += gold.get("required", True)
    score.spurious = [describe(system_items[i]) for i in free]
    return score


def score_all(
    gold: dict, *, people: list[dict], meetings: list[dict], timeline: list[dict], article_ids: dict[str, str]
) -> dict[str, Score]:
    """Score people, meetings and timeline entries against a gold annotation."""
    # A name the text spells another way (an alias in the gold) counts as the gold's canonical name.
    aliases = {alias.lower(): p["name"].lower() for p in gold["people"] for alias in (p["name"], *p.get("aliases", []))}
    return {
        "people": _match("people", gold["people"], people, _person_matches, lambda p: p["name"]),
        "meetings": _match(
            "meetings",
            gold["meetings"],
            meetings,
            lambda g, m: _meeting_matches(g, m, article_ids, aliases),
            lambda m: f"{m['date']} {[p['name'] for p in m['participants']]} {m['status']}",
        ),
        "timeline": _match(
            "timeline",
            gold["timeline"],
            timeline,
            lambda g, t: _entry_matches(g, t, article_ids, aliases),
            lambda t: f"{t['date']} {t['kind']} {t['summary'][:60]}",
        ),
    }
