from datetime import date

import pytest

from app.models import DatePrecision, MeetingStatus
from tests.conftest import walk
from tests.factories import make_article, make_meeting, make_person
from tests.problems import assert_problem


@pytest.fixture
def meetings(db_session):
    source = make_article(db_session, body="Jane Roe met John Doe in Oslo. They discussed air defense.")
    jane = make_person(db_session, "Jane Roe", aliases=("Roe",))
    john = make_person(db_session, "John Doe")
    max_ = make_person(db_session, "Max Mustermann")
    oslo = make_meeting(
        db_session,
        participants=((jane, "Secretary General of NATO"), (john, "President of Ukraine")),
        day=date(2024, 3, 14),
        location=("Government House", "Oslo", "Norway"),
        topics=("air defense", "invitation to join NATO"),
        groups=("officers",),
        summary="Jane Roe met John Doe in Oslo.",
        source=source,
    )
    berlin = make_meeting(
        db_session,
        participants=((john, "President of Ukraine"), (max_, "Chancellor")),
        day=date(2024, 6, 1),
        precision=DatePrecision.month,
        status=MeetingStatus.planned,
        location=(None, "Berlin", "Germany"),
        topics=("victory plan",),
        unnamed=(("Prime Minister", None, "United Kingdom"), ("Secretary-General", "NATO", None)),
    )
    kyiv = make_meeting(
        db_session,
        participants=((jane, None), (max_, None)),
        day=date(2023, 1, 10),
        location=(None, None, "Ukraine"),
    )
    return {"oslo": oslo.id, "berlin": berlin.id, "kyiv": kyiv.id, "source": source}


def test_list_gives_meetings_newest_first_with_every_field(client, meetings):
    response = client.get("/v1/meetings")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [m["id"] for m in items] == [meetings["berlin"], meetings["oslo"], meetings["kyiv"]]
    source = meetings["source"]
    quote = "Jane Roe met John Doe in Oslo"
    assert items[1] == {
        "id": meetings["oslo"],
        "date": "2024-03-14",
        "date_precision": "day",
        "status": "held",
        "location": {"name": "Government House", "city": "Oslo", "country": "Norway"},
        "participants": [
            {"id": "jane-roe", "name": "Jane Roe", "role": "Secretary General of NATO"},
            {"id": "john-doe", "name": "John Doe", "role": "President of Ukraine"},
        ],
        "unnamed_participants": [],
        "participant_groups": ["officers"],
        "topics": ["air defense", "invitation to join NATO"],
        "summary": "Jane Roe met John Doe in Oslo.",
        "sources": [{"article_id": source.id, "quote": quote, "part": "body", "start": 0, "end": len(quote)}],
    }
    assert items[0]["date_precision"] == "month"
    assert items[0]["status"] == "planned"
    assert items[0]["unnamed_participants"] == [
        {"role": "Prime Minister", "organization": None, "country": "United Kingdom"},
        {"role": "Secretary-General", "organization": "NATO", "country": None},
    ]
    assert items[2]["location"] == {"name": None, "city": None, "country": "Ukraine"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"participant": "jane-roe"}, ["oslo", "kyiv"]),
        ({"participant": "ROE"}, ["oslo", "kyiv"]),
        ({"participant": "John Doe"}, ["berlin", "oslo"]),
        ({"participant": "Jane"}, []),
        ({"date_from": "2024-01-01"}, ["berlin", "oslo"]),
        ({"date_to": "2024-03-14"}, ["oslo", "kyiv"]),
        ({"date_from": "2024-03-14", "date_to": "2024-03-14"}, ["oslo"]),
        ({"location": "oslo"}, ["oslo"]),
        ({"location": "germany"}, ["berlin"]),
        ({"location": "government"}, ["oslo"]),
        ({"status": "planned"}, ["berlin"]),
        ({"status": "held"}, ["oslo", "kyiv"]),
        ({"topic": "air"}, ["oslo"]),
        ({"topic": "join nato"}, ["oslo"]),
        ({"participant": "max-mustermann", "status": "held"}, ["kyiv"]),
    ],
)
def test_list_filters(client, meetings, params, expected):
    response = client.get("/v1/meetings", params=params)
    assert response.status_code == 200, response.text
    assert [m["id"] for m in response.json()["items"]] == [meetings[name] for name in expected]


def test_pagination_walks_every_meeting_exactly_once(client, meetings):
    assert [m["id"] for m in walk(client, "/v1/meetings")] == [meetings[k] for k in ("berlin", "oslo", "kyiv")]
    assert [m["id"] for m in walk(client, "/v1/meetings", participant="jane-roe")] == [
        meetings["oslo"],
        meetings["kyiv"],
    ]


def test_detail_and_its_404(client, meetings):
    response = client.get(f"/v1/meetings/{meetings['berlin']}")
    assert response.status_code == 200
    body = response.json()
    assert body["participants"][1] == {
        "id": "max-mustermann",
        "name": "Max Mustermann",
        "role": "Chancellor",
    }
    assert body["unnamed_participants"] == [
        {"role": "Prime Minister", "organization": None, "country": "United Kingdom"},
        {"role": "Secretary-General", "organization": "NATO", "country": None},
    ]
    assert client.get(f"/v1/meetings/{meetings['kyiv']}").json()["unnamed_participants"] == []

    listed = {m["id"]: m for m in walk(client, "/v1/meetings")}
    assert body == listed[meetings["berlin"]]  # the detail is the meeting as listed
    assert_problem(client.get("/v1/meetings/nope"), 404, "no meeting with id 'nope'")


@pytest.mark.parametrize("params", [{"status": "cancelled"}, {"date_from": "2024-13-01"}, {"limit": 201}])
def test_bad_filters_are_422_problems(client, params):
    response = client.get("/v1/meetings", params=params)
    assert_problem(response, 422, loc=f"query.{next(iter(params))}")


def test_the_api_document_describes_unnamed_participants_with_an_example(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]

    meeting = schemas["MeetingRead"]
    assert "unnamed_participants" in meeting["required"]
    # FastAPI leaves nulls out of the examples it publishes: organization is absent, not null, here.
    assert meeting["examples"][0]["unnamed_participants"] == [{"role": "Prime Minister", "country": "United Kingdom"}]
    assert set(schemas["UnnamedParticipantRead"]["properties"]) == {"role", "organization", "country"}
