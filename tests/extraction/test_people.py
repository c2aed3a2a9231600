from datetime import date

from app.extraction import ArticleText
from app.extraction.people import name_key


def _extract(extractor, *paragraphs: str, published=date(2024, 3, 14), kinds=None, title=None):
    body = "\n\n".join(paragraphs)
    spans, start = [], 0
    for i, text in enumerate(paragraphs):
        spans.append({"kind": (kinds or {}).get(i, "text"), "start": start, "end": start + len(text)})
        start += len(text) + 2
    return extractor.extract(ArticleText(body, spans, published, title))


def _roles(extraction, name):
    person = next(p for p in extraction.people if p.name == name)
    return [(r.title, r.organization, r.country, r.valid_from, r.valid_to) for r in person.roles]


def test_titles_before_and_after_a_name_give_roles_with_organisation_and_country(extractor):
    result = _extract(
        extractor,
        "Permanent Representative of Estonia to NATO Kristjan Prikk met Lithuanian Foreign Minister "
        "Rasa Vaitkute in Brussels on Tuesday.",
        "The talks were welcomed by Piotr Nowak, the Polish ambassador, who attended.",
    )
    assert _roles(result, "Kristjan Prikk") == [("Permanent Representative", "NATO", "Estonia", None, None)]
    assert _roles(result, "Rasa Vaitkute") == [("Foreign Minister", None, "Lithuania", None, None)]
    assert _roles(result, "Piotr Nowak") == [("Ambassador", None, "Poland", None, None)]


def test_former_and_stepping_down_set_the_validity_of_a_role(extractor):
    result = _extract(
        extractor,
        "Former Danish Prime Minister Lars Rasmussen spoke in Copenhagen.",
        "Meanwhile Deputy Secretary General Mircea Geoana is stepping down as NATO Deputy Secretary General "
        "next month.",
        published=date(2024, 3, 14),
    )
    assert _roles(result, "Lars Rasmussen") == [("Prime Minister", None, "Denmark", None, date(2024, 3, 14))]
    assert ("Deputy Secretary General", "NATO", None, None, date(2024, 4, 1)) in _roles(result, "Mircea Geoana")


def test_surnames_and_spelling_variants_resolve_to_one_person(extractor):
    result = _extract(
        extractor,
        "Ukrainian Foreign Minister Dmytro Kuleba met his Polish counterpart Radoslaw Sikorski in Warsaw.",
        "Kuleba said the talks were useful. Dmitro Kuleba later left for Vilnius.",
    )
    kuleba = [p for p in result.people if name_key(p.name.split()[-1]) == name_key("Kuleba")]
    assert len(kuleba) == 1
    assert kuleba[0].name == "Dmytro Kuleba"
    assert {"Kuleba", "Dmitro Kuleba"} <= kuleba[0].aliases


def test_photo_credits_and_unknown_single_names_are_not_people(extractor):
    result = _extract(
        extractor,
        "Two ministers shake hands in Riga on May 2, 2024. (Janis Berzins / AFP)",
        "Defence Minister Andris Spruds welcomed the visit.",
        kinds={0: "caption"},
    )
    names = {p.name for p in result.people if p.full_name_known}
    assert names == {"Andris Spruds"}


def test_every_evidence_quote_sits_at_its_offsets(extractor):
    paragraphs = (
        "Ukrainian President Anna Koval met NATO Secretary General Erik Lund in Kyiv on Monday.",
        "Koval said Ukraine's place is in NATO.",
    )
    result = _extract(extractor, *paragraphs)
    body = "\n\n".join(paragraphs)
    facts = [*result.meetings, *result.timeline]
    assert result.meetings
    assert result.timeline
    for fact in facts:
        for evidence in fact.evidence:
            assert body[evidence.start : evidence.end] == evidence.quote
    for person in result.people:
        assert body[person.evidence.start : person.evidence.end] == person.evidence.quote


def test_an_article_without_nato_yields_no_timeline_entry(extractor):
    result = _extract(
        extractor,
        "Spanish Prime Minister Pedro Sanchez met Portuguese Prime Minister Luis Montenegro in Madrid on Friday "
        "to discuss water management and rail links.",
        "Sanchez said the two countries would build a new high-speed line.",
    )
    assert len(result.meetings) == 1
    assert result.meetings[0].topics
    assert result.timeline == []


def test_initials_a_name_tagged_as_an_organisation_and_a_counterpart_are_people(extractor):
    result = _extract(
        extractor,
        "US Vice-President JD Carrow met Anna Kovalenko in Geneva on Tuesday.",
        "Kovalenko said the talks went well.",
        "Britain's defence secretary Tom Ashby sat down with his Latvian counterpart Ilze Ozola.",
    )
    names = {p.name for p in result.people}
    assert {"JD Carrow", "Anna Kovalenko", "Tom Ashby", "Ilze Ozola"} <= names
    assert _roles(result, "JD Carrow") == [("Vice President", None, "United States", None, None)]
    # Only Britain and the United States call their ministers secretaries.
    assert _roles(result, "Ilze Ozola") == [("Defence Minister", None, "Latvia", None, None)]


def test_a_byline_style_minister_for_portfolio_keeps_the_portfolio(extractor):
    result = _extract(extractor, "The Minister for Foreign Affairs of Ireland Ciara Doyle met Anna Kovalenko.")
    assert _roles(result, "Ciara Doyle") == [("Minister for Foreign Affairs", None, "Ireland", None, None)]


def test_a_past_step_down_dates_the_end_of_the_role_backwards(extractor):
    result = _extract(
        extractor,
        "Tomas Varga stepped down as NATO's deputy secretary general on Monday.",
        published=date(2024, 3, 14),  # a Thursday
    )
    assert _roles(result, "Tomas Varga") == [("Deputy Secretary General", "NATO", None, None, date(2024, 3, 11))]
    [entry] = result.timeline
    assert (entry.kind, entry.date) == ("leadership_change", date(2024, 3, 11))


def test_names_as_real_text_writes_them(extractor):
    result = _extract(
        extractor,
        "Secretary of Defense Harold J. Brandt III hosted Jordan's King Faisal II at the Pentagon.",
        "Commission President Ingrid von der Berg and Defense Minister Israel Navon met Chairman of the Joint "
        "Chiefs of Staff Army Gen. Mark A. Holloway.",
        "Later, Pentagon Press Secretary Air Force Brig. Gen. Dana Whitfield said Prime Minister Okafor would "
        "visit in May.",
    )
    names = {p.name for p in result.people}
    assert {
        "Harold J. Brandt III",
        "Faisal II",
        "Ingrid von der Berg",
        "Israel Navon",
        "Mark A. Holloway",
        "Dana Whitfield",
        "Okafor",
    } <= names
    whitfield = next(p for p in result.people if p.name == "Dana Whitfield")
    assert [r.title for r in whitfield.roles] == ["Press Secretary"]
    okafor = next(p for p in result.people if p.name == "Okafor")
    assert [r.title for r in okafor.roles] == ["Prime Minister"]


def test_one_person_under_a_full_name_an_initial_and_a_surname(extractor):
    result = _extract(
        extractor,
        "Secretary of State Martin J. Ellery met Foreign Minister Petra Lind in Oslo.",
        "Ellery said the talks went well, and J. Ellery later flew home.",
    )
    ellery = [p for p in result.people if "Ellery" in p.name and not p.key.startswith("?")]
    assert [p.name for p in ellery] == ["Martin J. Ellery"]
    assert ellery[0].key == "eleri|martin"


def test_hyphenated_given_names_and_surnames_are_kept_whole(extractor):
    result = _extract(
        extractor,
        "Foreign Minister Jean-Pierre Dubois-Martin met Anna Smith-Jones in Paris on Monday.",
        "Dubois-Martin said the talks went well.",
    )
    people = {p.name: p for p in result.people}
    # The surname alone later is the same person, not a third.
    assert set(people) == {"Jean-Pierre Dubois-Martin", "Anna Smith-Jones"}
    [meeting] = result.meetings
    assert sorted(people_key for people_key, _ in meeting.participants) == sorted(p.key for p in people.values())


def test_a_romanised_given_name_keeps_its_lower_case_half(extractor):
    result = _extract(
        extractor,
        "Foreign Minister Park Min-ji met her Polish counterpart Jan Nowak in Warsaw on Monday.",
        "The Jan Nowak-led delegation then left.",
    )
    assert {p.name for p in result.people} == {"Park Min-ji", "Jan Nowak"}


def test_a_name_the_model_takes_for_an_organisation_is_a_person_when_it_meets_one(extractor):
    # The small model tags "Baiba Braze" ORG here; the meeting's other side is a person it knows.
    result = _extract(extractor, "Baiba Braze met Margus Tsahkna in Riga on Monday.")
    assert {p.name for p in result.people} == {"Baiba Braze", "Margus Tsahkna"}
    [meeting] = result.meetings
    assert len(meeting.participants) == 2
    assert meeting.unnamed_participants == []


def test_the_name_of_a_party_is_no_person(extractor):
    result = _extract(
        extractor,
        "In Tuesday's vote the Justice and Development Party (AKP) and the Nationalist Movement Party (MHP), joined "
        'by the opposition Republican People\'s Party (CHP), said "Yes." The Felicity Party said "No."',
    )
    assert result.people == []
