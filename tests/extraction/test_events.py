"""Meeting and timeline rules on short invented reports, one phrasing at a time."""

from datetime import date

from tests.extraction.test_people import _extract

PUBLISHED = date(2024, 3, 14)  # a Thursday


def _meetings(result):
    names = {p.key: p.name for p in result.people}
    return [
        (
            sorted(names[k] for k, _ in m.participants),
            m.date,
            m.status,
            m.location_city,
            m.location_country,
            m.topics,
        )
        for m in result.meetings
    ]


def test_sitting_down_with_someone_is_a_meeting(extractor):
    result = _extract(
        extractor,
        "Latvian Foreign Minister Ilze Ozola sat down with Estonian Foreign Minister Karl Tamm in Riga on Tuesday "
        "to discuss drone production.",
        published=PUBLISHED,
    )
    assert _meetings(result) == [(["Ilze Ozola", "Karl Tamm"], date(2024, 3, 12), "held", "Riga", "Latvia", ["drones"])]


def test_signing_together_is_a_meeting_about_what_was_signed(extractor):
    result = _extract(
        extractor,
        "Latvian Prime Minister Ilze Ozola and Estonian Prime Minister Karl Tamm signed a defence pact in Tallinn "
        "on Wednesday.",
        "Estonian Prime Minister Karl Tamm signed a decree on Thursday.",
        published=PUBLISHED,
    )
    assert _meetings(result) == [
        (["Ilze Ozola", "Karl Tamm"], date(2024, 3, 13), "held", "Tallinn", "Estonia", ["defence pact"])
    ]


def test_a_date_the_meeting_was_held_on_is_not_a_topic(extractor):
    result = _extract(
        extractor,
        "On 12 March, Foreign Minister Ilze Ozola held a meeting with Foreign Minister Karl Tamm in Vilnius.",
        "The parties discussed the reconstruction of bridges.",
        published=PUBLISHED,
    )
    assert _meetings(result) == [
        (["Ilze Ozola", "Karl Tamm"], date(2024, 3, 12), "held", "Vilnius", "Lithuania", ["reconstruction"])
    ]


def test_a_conference_named_after_its_city_places_the_meeting(extractor):
    result = _extract(
        extractor,
        "President Anna Kovalenko met Chancellor Tomas Varga on the sidelines of the Munich Security Conference "
        "on Wednesday.",
        published=PUBLISHED,
    )
    [(_, _, _, city, country, topics)] = _meetings(result)
    assert (city, country) == ("Munich", "Germany")
    assert topics == ["Munich Security Conference"]


def test_the_summit_named_before_places_a_later_meeting_and_is_not_nato_s(extractor):
    result = _extract(
        extractor,
        "Leaders gathered for the Group of Seven summit in southern Italy on Wednesday.",
        "President Anna Kovalenko and Prime Minister Tomas Varga signed a security agreement on the sidelines "
        "of the summit.",
        "Varga said NATO membership remained the goal.",
        published=PUBLISHED,
    )
    [(names, _, _, city, country, topics)] = _meetings(result)
    assert (names, city, country, topics) == (["Anna Kovalenko", "Tomas Varga"], None, "Italy", ["security agreement"])
    assert [(e.kind, e.summary) for e in result.timeline] == [
        ("statement", "Varga said NATO membership remained the goal.")
    ]


def test_nato_as_british_outlets_spell_it_is_nato(extractor):
    result = _extract(
        extractor,
        "Mr Tom Ashby, the defence secretary, said Ukraine's path to Nato membership was irreversible.",
        published=PUBLISHED,
    )
    assert [(e.kind, e.date, [p for p in e.actors]) for e in result.timeline] == [
        ("statement", PUBLISHED, [result.people[0].key])
    ]


def test_travelling_to_a_city_for_talks_places_the_planned_meeting(extractor):
    result = _extract(
        extractor,
        "Prime Minister Ilze Ozola will travel to Warsaw on Monday for talks with Prime Minister Karl Tamm.",
        "President Anna Kovalenko is expected to visit Kyiv later this month to meet President Tomas Varga.",
        published=PUBLISHED,
    )
    assert [(n, d, s, c) for n, d, s, c, _, _ in _meetings(result)] == [
        (["Ilze Ozola", "Karl Tamm"], date(2024, 3, 18), "planned", "Warsaw"),
        (["Anna Kovalenko", "Tomas Varga"], date(2024, 3, 1), "planned", "Kyiv"),
    ]
    assert [m.date_precision for m in result.meetings] == ["day", "month"]


def test_a_given_name_spelled_like_a_month_and_a_counterpart_named_by_country_alone(extractor):
    result = _extract(
        extractor,
        "Czech Foreign Minister Jan Novotny met Slovak Foreign Minister Karl Tamm in Prague on Monday.",
        "Defence Minister May Ozola met her Polish counterpart in Warsaw on Tuesday.",
        published=PUBLISHED,
    )
    assert _meetings(result)[0][:4] == (["Jan Novotny", "Karl Tamm"], date(2024, 3, 11), "held", "Prague")
    counterpart = result.meetings[1]
    assert [p.name for p in result.people if p.key == counterpart.participants[0][0]] == ["May Ozola"]
    assert [(u.role, u.country) for u in counterpart.unnamed_participants] == [("Defence Minister", "Poland")]
    assert (counterpart.date, counterpart.location_city) == (date(2024, 3, 12), "Warsaw")


def test_what_someone_said_after_meeting_a_counterpart_names_both_sides(extractor):
    result = _extract(
        extractor,
        "Maltese Foreign Minister Anna Berg said on Tuesday after meeting with her Cypriot counterpart Karl Borg "
        "that the two countries would work together.",
        published=PUBLISHED,
    )
    assert [(sorted(names), day, status) for names, day, status, *_ in _meetings(result)] == [
        (["Anna Berg", "Karl Borg"], date(2024, 3, 12), "held")
    ]


def test_the_office_named_again_the_same_evening_and_a_guest_received_by_a_host(extractor):
    result = _extract(
        extractor,
        "The Secretary-General of NATO, Anna Berg, visited Valletta to observe training. She landed in Valletta on "
        "11 March. The Secretary-General met with the Prime Minister of Malta, Karl Borg, the same evening for "
        "dinner.",
        "Cypriot President Jon Ek arrived in Valletta on Wednesday and was received by Prime Minister Karl Borg at "
        "the palace.",
        published=PUBLISHED,
    )
    meetings = [(names, day, status) for names, day, status, *_ in _meetings(result)]
    assert meetings == [
        (["Anna Berg", "Karl Borg"], date(2024, 3, 11), "held"),
        (["Jon Ek", "Karl Borg"], date(2024, 3, 13), "held"),
    ]
    assert all(m.unnamed_participants == [] for m in result.meetings)


def test_failing_to_meet_someone_is_no_meeting(extractor):
    result = _extract(
        extractor,
        "Irish Prime Minister Sean Kelly said on Monday after failing to meet Austrian Chancellor Karl Huber that he "
        "would try again.",
        published=PUBLISHED,
    )
    assert result.meetings == []
