"""A synthetic corpus written straight into the database, not through extraction, for scale benchmarks.

`write_corpus(url, articles=100_000)` fills a migrated database with that many articles and, in the
proportions of the scale benchmark, half as many meetings, a tenth as many people and a twentieth as
many timeline entries, each fact with its evidence in an article. Deterministic for a given size.
"""

import hashlib
import random
import sys
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, update

from app.db import make_engine, upgrade_schema
from app.models import (
    Article,
    DataVersion,
    Evidence,
    Meeting,
    MeetingParticipant,
    MeetingTopic,
    Person,
    PersonRole,
    TimelineActor,
    TimelineEntry,
)

FIRST = "Anna Ben Carla Dmytro Elena Farid Greta Hugo Ines Jonas Katya Luis Mara Nils Olga Petro Rosa Sven Tara Yusuf"
LAST = "Adler Bauer Costa Dahl Evans Fischer Garcia Horvat Ivanova Jensen Kowalski Larsen Moreau Novak Olsen Petrov"
TITLES = ("Foreign Minister", "Defense Minister", "President", "Prime Minister", "Ambassador", "Secretary General")
CITIES = ("Brussels", "Vilnius", "Washington", "Kyiv", "Warsaw", "Berlin", "Paris", "Madrid", "Rome", "Oslo")
TOPICS = ("air defense", "energy", "sanctions", "reconstruction", "NATO membership", "grain exports", "drones")
KINDS = ("summit", "statement", "invitation", "council", "plan", "leadership_change", "application")
CHUNK = 5_000


def _rows(count: int, make):
    batch = []
    for n in range(count):
        batch.append(make(n))
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def write_corpus(database_url: str, *, articles: int) -> dict[str, int]:
    """Fill a database with a synthetic corpus of `articles` articles; return the row counts."""
    meetings, people, entries = articles // 2, max(articles // 10, 10), max(articles // 20, 5)
    rng = random.Random(articles)
    engine = make_engine(database_url)
    upgrade_schema(engine)
    first, last = FIRST.split(), LAST.split()
    start = date(2000, 1, 1)
    now = datetime.now(UTC)

    def article(n: int) -> dict:
        day = start + timedelta(days=rng.randrange(9000))
        body = (
            f"{rng.choice(TITLES)} {rng.choice(first)} {rng.choice(last)} met counterparts in {rng.choice(CITIES)} "
            f"on {day:%B %d, %Y} to discuss {rng.choice(TOPICS)}. Report number {n}."
        )
        digest = hashlib.sha256(body.encode()).hexdigest()
        return {
            "id": digest[:16],
            "title": f"Talks on {rng.choice(TOPICS)} ({n})",
            "source": rng.choice(("Wire", "Daily", "Herald", "Post")),
            "published_at": day,
            "body": body,
            "paragraphs": [{"kind": "text", "start": 0, "end": len(body)}],
            "raw_text": body,
            "word_count": len(body.split()),
            "content_sha256": digest,
            "extractor_version": "synthetic",
            "ingested_at": now,
        }

    article_ids: list[str] = []
    person_ids = [f"p{n:06d}" for n in range(people)]
    with engine.begin() as connection:
        for batch in _rows(articles, article):
            connection.execute(insert(Article), batch)
            article_ids.extend(row["id"] for row in batch)
        connection.execute(
            insert(Person),
            [
                {
                    "id": pid,
                    "name": f"{first[n % len(first)]} {last[n // len(first) % len(last)]} {n}",
                    "match_key": pid,
                }
                for n, pid in enumerate(person_ids)
            ],
        )
        connection.execute(
            insert(PersonRole),
            [
                {"id": n + 1, "person_id": pid, "title": rng.choice(TITLES), "country": rng.choice(CITIES)}
                for n, pid in enumerate(person_ids)
            ],
        )
        evidence_id = 0

        def evidence(**fact) -> dict:
            nonlocal evidence_id
            evidence_id += 1
            return {
                "id": evidence_id,
                "article_id": rng.choice(article_ids),
                "quote": "A quoted sentence.",
                "start_offset": 0,
                "end_offset": 18,
                "extractor_version": "synthetic",
                **fact,
            }

        connection.execute(insert(Evidence), [evidence(person_id=pid) for pid in person_ids])
        connection.execute(insert(Evidence), [evidence(role_id=n + 1) for n in range(people)])
        for batch in _rows(meetings, lambda n: f"m{n:07d}"):
            connection.execute(
                insert(Meeting),
                [
                    {
                        "id": mid,
                        "date": start + timedelta(days=rng.randrange(9000)),
                        "date_precision": "day",
                        "status": rng.choice(("held", "planned")),
                        "location_city": rng.choice(CITIES),
                        "summary": "Officials met.",
                    }
                    for mid in batch
                ],
            )
            connection.execute(
                insert(MeetingParticipant),
                [
                    {"meeting_id": mid, "person_id": pid, "position": position}
                    for mid in batch
                    for position, pid in enumerate(rng.sample(person_ids, 2))
                ],
            )
            connection.execute(
                insert(MeetingTopic), [{"meeting_id": mid, "topic": rng.choice(TOPICS)} for mid in batch]
            )
            connection.execute(insert(Evidence), [evidence(meeting_id=mid) for mid in batch])
        entry_ids = [f"t{n:07d}" for n in range(entries)]
        connection.execute(
            insert(TimelineEntry),
            [
                {
                    "id": eid,
                    "date": start + timedelta(days=rng.randrange(9000)),
                    "date_precision": "day",
                    "kind": rng.choice(KINDS),
                    "summary": "An entry.",
                }
                for eid in entry_ids
            ],
        )
        connection.execute(
            insert(TimelineActor),
            [{"entry_id": eid, "person_id": rng.choice(person_ids), "position": 0} for eid in entry_ids],
        )
        connection.execute(insert(Evidence), [evidence(timeline_entry_id=eid) for eid in entry_ids])
        connection.execute(update(DataVersion).values(version=DataVersion.version + 1))
    engine.dispose()
    return {"articles": articles, "meetings": meetings, "people": people, "timeline_entries": entries}


if __name__ == "__main__":
    print(write_corpus(sys.argv[1], articles=int(sys.argv[2])))
