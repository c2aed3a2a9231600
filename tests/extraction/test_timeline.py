"""Timeline rules on short invented reports: each step's kind, date and the country whose path it is about."""

from datetime import date

import pytest

from app.extraction.sentences import sentence_case
from app.ingest.parsing import parse_seed_text
from tests.extraction.test_people import _extract

PUBLISHED = date(2024, 3, 14)  # a Thursday


def _entries(result):
    return sorted((e.kind, e.date, e.date_precision, e.country) for e in result.timeline)


def test_a_member_ratifying_is_about_the_candidate_not_the_member(extractor):
    result = _extract(
        extractor,
        "The parliament of Portugal voted on Tuesday to ratify Iceland's accession protocol to NATO.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("ratification", date(2024, 3, 12), "day", "Iceland")]


def test_joining_and_depositing_the_instrument_is_accession_dated_by_its_own_clause(extractor):
    result = _extract(
        extractor,
        "Austria formally joined the NATO military alliance on Monday.",
        "The alliance last grew on 1 May 2019, when Ireland and Malta joined the Alliance.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2019, 5, 1), "day", "Ireland"),
        ("accession", date(2019, 5, 1), "day", "Malta"),
        ("accession", date(2024, 3, 11), "day", "Austria"),
    ]


def test_a_membership_still_to_come_is_a_plan_and_a_condition_is_no_step(extractor):
    result = _extract(
        extractor,
        "Iceland will become NATO's newest member next month.",
        "Security will be shared by all when Iceland joins the Alliance.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("plan", date(2024, 4, 1), "month", "Iceland")]


def test_an_application_a_year_ago_and_a_government_backing_two_bids(extractor):
    result = _extract(
        extractor,
        "Austria, which applied to join NATO a year ago, hopes to be admitted soon.",
        "The United States fully supports Austria and Ireland joining the Alliance.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", date(2023, 1, 1), "year", "Austria"),
        ("statement", PUBLISHED, "day", "Austria"),
        ("statement", PUBLISHED, "day", "Ireland"),
    ]


def test_a_summit_dated_elsewhere_in_the_article_is_that_summit(extractor):
    result = _extract(
        extractor,
        "NATO leaders will meet at the Lisbon summit in July to discuss Austria's membership bid.",
        "The summit will also address defence spending.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2024, 7, 1), "month", "Austria")]


def test_a_plan_refused_is_no_plan_and_a_sentence_without_nato_is_no_entry(extractor):
    result = _extract(
        extractor,
        "At the Lisbon summit in April 2010, NATO leaders declared that Austria would become a member, but offered "
        "no Membership Action Plan.",
        "Austria and Ireland signed a trade agreement on Monday.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2010, 4, 1), "month", "Austria")]


def test_a_joint_body_names_its_partner(extractor):
    result = _extract(extractor, "The NATO-Georgia Commission met in Brussels on Tuesday.", published=PUBLISHED)
    assert _entries(result) == [("council", date(2024, 3, 12), "day", "Georgia")]


def test_each_clause_of_a_sentence_gives_its_own_step_about_its_own_country(extractor):
    result = _extract(
        extractor,
        "The premier praised NATO's record on Thursday, as the alliance hosted new member Austria for the first "
        "time at a major meeting – and as Moldova eagerly hopes for an invitation to join at an upcoming summit.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("council", PUBLISHED, "day", "Austria"),
        ("plan", PUBLISHED, "day", "Moldova"),
    ]


def test_a_membership_hoped_for_by_a_dated_summit_is_that_summit(extractor):
    result = _extract(
        extractor,
        "Chancellor Anna Berger met reporters in Vienna on Thursday.",
        "Berger said she hopes that Austria will have become a member of NATO before the July NATO summit in Oslo.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2024, 7, 1), "month", "Austria")]


def test_a_membership_looked_forward_to_by_someone_is_their_statement(extractor):
    result = _extract(
        extractor,
        '"We recently welcomed Iceland as the 33rd member of NATO, and we look forward to soon welcoming Austria '
        'as the 34th," Foreign Minister Anna Berger said.',
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", PUBLISHED, "day", "Iceland"),
        ("statement", PUBLISHED, "day", "Austria"),
    ]
    statement = next(e for e in result.timeline if e.kind == "statement")
    assert statement.actors == [p.key for p in result.people if p.name == "Anna Berger"]


def test_a_plan_is_not_dated_by_the_application_told_in_its_relative_clause(extractor):
    result = _extract(
        extractor,
        "Austria would become the 33rd member of NATO, which it applied to join in 2022.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", date(2022, 1, 1), "year", "Austria"),
        ("plan", PUBLISHED, "day", "Austria"),
    ]


def test_a_position_someone_has_stated_before_is_dated_to_the_month(extractor):
    result = _extract(
        extractor,
        "Austria's parliament debated the budget on Thursday.",
        "Prime Minister Anna Berger has said that Austria's NATO membership would make Europe safer.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("statement", date(2024, 3, 1), "month", "Austria")]


def test_the_opening_sentence_s_position_stated_in_the_present_perfect_is_the_day_s_news(extractor):
    result = _extract(
        extractor,
        "Maltese Prime Minister Karl Borg has expressed willingness to join NATO and the EU.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("statement", PUBLISHED, "day", "Malta")]


def test_its_bid_is_the_country_last_put_on_the_path_and_we_speaks_for_nato(extractor):
    result = _extract(
        extractor,
        "A main question will be whether Moldova should join the alliance. Some allies worry its admission could "
        "lead NATO into a confrontation.",
        "NATO stands with the people of Moldova.\nWe support Moldova's sovereignty and territorial integrity.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("statement", PUBLISHED, "day", "Moldova")]
    # One position of the same day about the same country, told twice: one entry with both sentences.
    assert [e.quote for e in result.timeline[0].evidence] == [
        "Some allies worry its admission could lead NATO into a confrontation.",
        "We support Moldova's sovereignty and territorial integrity.",
    ]


def test_a_summit_held_for_a_country_is_about_that_country_not_its_host(extractor):
    result = _extract(
        extractor,
        "President Anna Berger welcomes leaders of the NATO alliance this week for a summit aimed at planning for "
        "Moldova's future defense.",
        "Protesters gathered outside the NATO summit in Oslo, Norway.",
        published=PUBLISHED,
    )
    assert {country for kind, *_, country in _entries(result) if kind == "summit"} == {"Moldova", "NATO"}


def test_steps_told_by_reference_to_the_application_or_by_the_flag(extractor):
    result = _extract(
        extractor,
        "Austria submitted its application to join NATO in May 2022.",
        "It joined the alliance a year after applying.",
        "The flag of Ireland was raised at NATO headquarters on Tuesday.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2023, 5, 1), "month", "Austria"),
        ("accession", date(2024, 3, 12), "day", "Ireland"),
        ("application", date(2022, 5, 1), "month", "Austria"),
    ]


def test_the_last_member_to_ratify_is_not_the_candidate_and_an_invitation_extended_is_one(extractor):
    result = _extract(
        extractor,
        "Portugal's parliament voted on Monday to approve Austria's NATO membership, making Portugal the last of "
        "the allies to ratify.",
        "NATO formally invited Ireland to join the Alliance at the Lisbon Summit on 29 June 2022.",
        "The premier invited the Secretary General to NATO headquarters.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("invitation", date(2022, 6, 29), "day", "Ireland"),
        ("ratification", date(2024, 3, 11), "day", "Austria"),
    ]


def test_official_phrasings_of_each_step(extractor):
    result = _extract(
        extractor,
        "Moldova submitted an application for accelerated accession to NATO on 30 September 2022.",
        "NATO Allies invited Chisinau to start accession talks at the Lisbon Summit in July 2023.",
        "Portugal lifted its objection to Moldova's NATO membership on 17 January 2024.",
        "Spain became the last Ally to ratify Moldova's accession protocol in February 2024.",
        "The flag of Moldova will be raised at NATO Headquarters in Brussels on Monday (18 March 2024).",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", date(2022, 9, 30), "day", "Moldova"),
        ("invitation", date(2023, 7, 1), "month", "Moldova"),
        ("plan", date(2024, 3, 18), "day", "Moldova"),
        ("ratification", date(2024, 1, 17), "day", "Moldova"),
        ("ratification", date(2024, 2, 1), "month", "Moldova"),
    ]


def test_a_step_told_again_without_a_date_is_the_one_the_article_dates(extractor):
    result = _extract(
        extractor,
        "Portugal's parliament on Tuesday approved Austria's bid to join NATO.",
        "The assembly voted 187-55 in favour of Austria's accession protocol.",
        "Austria and Ireland abandoned decades of neutrality and applied to join the alliance in May 2022. "
        "Ireland became a member in April last year.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2023, 4, 1), "month", "Ireland"),
        ("application", date(2022, 5, 1), "month", "Austria"),
        ("application", date(2022, 5, 1), "month", "Ireland"),
        ("ratification", date(2024, 3, 12), "day", "Austria"),
    ]
    ratification = next(e for e in result.timeline if e.kind == "ratification")
    assert len(ratification.evidence) == 2


def test_a_ratification_asked_for_is_the_asker_s_statement(extractor):
    result = _extract(
        extractor,
        "Portugal's parliament on Tuesday approved Austria's bid to join NATO.",
        "NATO Secretary General Anna Berger welcomed the vote and said she counted on Spain to complete its "
        "national ratification as soon as possible.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("ratification", date(2024, 3, 12), "day", "Austria"),
        ("statement", PUBLISHED, "day", "Austria"),
    ]
    statement = next(e for e in result.timeline if e.kind == "statement")
    assert statement.actors == [p.key for p in result.people if p.name == "Anna Berger"]


def test_another_union_s_enlargement_is_not_nato_s_even_in_a_story_naming_nato(extractor):
    result = _extract(
        extractor,
        "The two leaders said Albania and Moldova should open accession talks with the EU this year, and backed "
        "Austria's application for EU membership.",
        "The chancellor, whose government raised defence spending to meet NATO's target, spoke in Paris.",
        "The president said he hoped the bloc would admit new members by 2030.",
        published=PUBLISHED,
    )
    assert _entries(result) == []


def test_an_invitation_promised_on_conditions_is_none_and_a_declaration_is_a_statement(extractor):
    result = _extract(
        extractor,
        "NATO leaders on Wednesday declared that Moldova's future lies in the alliance but stopped short of a "
        'formal invitation, saying Chisinau would be invited to join "when allies agree and conditions are met."',
        published=PUBLISHED,
    )
    assert _entries(result) == [("statement", date(2024, 3, 13), "day", "Moldova")]


def test_two_steps_joined_by_and_with_their_own_subjects_and_dates(extractor):
    result = _extract(
        extractor,
        "Austria deposited its instrument of accession with the United States of America at NATO Headquarters.",
        "Allies signed Austria's Accession Protocol on 5 July 2022, and the last Ally, Portugal, ratified it on "
        "30 March 2023.",
        "The premier looked forward to the NATO summit in July, and he invited the Secretary General to attend "
        "the European Political Community Summit.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", PUBLISHED, "day", "Austria"),
        ("ratification", date(2022, 7, 5), "day", "Austria"),
        ("ratification", date(2023, 3, 30), "day", "Austria"),
        ("summit", date(2024, 7, 1), "month", "Austria"),
    ]


def test_a_government_saying_it_will_apply_and_a_decision_to_seek_membership(extractor):
    result = _extract(
        extractor,
        "Austria would apply for NATO membership within days.",
        "Chancellor Anna Berger told reporters that Ireland's decision to seek membership was about its own security.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("plan", PUBLISHED, "day", "Austria"),
        ("statement", PUBLISHED, "day", "Ireland"),
    ]


def test_a_promise_at_a_past_summit_and_an_appeal_to_return_to_the_path(extractor):
    result = _extract(
        extractor,
        "NATO Secretary General Anna Berger visited Moldova on Tuesday and urged the government to return to the "
        "path of Euro-Atlantic integration.",
        "Moldova was promised eventual membership at the alliance's 2008 summit in Lisbon, but its bid has stalled "
        "since the ruling party suspended talks on joining the European Union.",
        '"NATO\'s door remains open," Berger said.',
        published=PUBLISHED,
    )
    # What she said, undated, is of the visit the story told last: one statement of Tuesday, both quotes.
    assert _entries(result) == [
        ("statement", date(2024, 3, 12), "day", "Moldova"),
        ("summit", date(2008, 1, 1), "year", "Moldova"),
    ]
    [statement] = [e for e in result.timeline if e.kind == "statement"]
    assert len(statement.evidence) == 2


def test_the_next_summit_dates_itself_only_and_a_deadline_is_not_a_step_s_date(extractor):
    result = _extract(
        extractor,
        'NATO leaders on Wednesday declared that Moldova is on an "irreversible path" to membership in the '
        "alliance, as they wrapped up a three-day summit in Lisbon.",
        "Allies agreed to provide 40 billion euros in military aid for Moldova within the next year.",
        "The next NATO summit will be held in Oslo in June 2025.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("plan", PUBLISHED, "day", "Moldova"),
        ("statement", date(2024, 3, 13), "day", "Moldova"),
        ("summit", PUBLISHED, "day", "Moldova"),
        ("summit", date(2025, 6, 1), "month", "Moldova"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guests at a summit are not invited to join
        ("NATO invited Japan and South Korea to attend its summit in Vilnius in July.", [("summit", "NATO")]),
        # whoever pushes for, opposes or ratifies another's membership is not on the path
        ("Poland pushed hard for Moldova's NATO membership on Monday.", [("statement", "Moldova")]),
        (
            "Germany and Portugal opposed an invitation to Moldova at the NATO summit last July.",
            [("summit", "Moldova")],
        ),
        (
            "Hungary stalled for 19 months and became the last NATO ally to ratify Austria's accession on Monday.",
            [("ratification", "Austria")],
        ),
        ("Russia said it would become more aggressive if Moldova joined NATO.", []),
        ("If Moldova applies for NATO membership, the region will change.", []),
        # the country of another clause or of someone else's sentence is not "the country"
        (
            "In a call with Poland's president on Monday, the premier said the country's application to join NATO "
            "was submitted on 30 September 2022.",
            [("application", "NATO")],
        ),
        (
            "Portugal is expected to join Spain in ratifying Austria's NATO accession protocol next week.",
            [("plan", "Austria")],
        ),
        # a country's sovereignty named beside a step is no position taken on it
        (
            "The Alliance invited Austria to join on 29 June 2022, citing threats to the independence of Moldova.",
            [("invitation", "Austria")],
        ),
        (
            "Croatia joined NATO in 2009, and the country's entry into the euro zone followed on 1 January 2023.",
            [("accession", "Croatia")],
        ),
        ("Portugal's parliament will approve Austria's NATO bid next week.", [("plan", "Austria")]),
        # a capital where something happens is not its country
        ("The premier accepted an invitation to Washington for the NATO summit in July.", [("summit", "NATO")]),
        # another body's membership or agreement is not NATO's
        ("Georgia, which joined NATO's partnership programme, became a member of the Council of Europe in 1999.", []),
        ("Sweden, a NATO member, ratified a defence cooperation agreement with Norway on Tuesday.", []),
        # flags of solidarity are no accession
        ("Ukrainian flags were raised outside NATO headquarters in Brussels on Saturday.", []),
        # a meeting with industry is no council; integration of industries is no membership
        ("NATO held a meeting with the defence industry in Brussels on Tuesday to discuss ammunition.", []),
    ],
)
def test_what_is_not_a_step_or_not_that_country_s(extractor, text, expected):
    result = _extract(extractor, text, published=PUBLISHED)
    assert sorted((e.kind, e.country) for e in result.timeline) == expected


def test_another_member_s_ratification_keeps_its_own_day_and_someone_else_s_we_is_not_nato(extractor):
    result = _extract(
        extractor,
        "Portugal ratified Austria's NATO accession on January 25. Spain also ratified it, ending the delay.",
        "A Russian minister attacked NATO in a speech in Moscow on Monday.\n"
        '"We support Moldova\'s sovereignty against Western meddling."',
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("ratification", date(2024, 1, 25), "day", "Austria"),
        ("ratification", PUBLISHED, "day", "Austria"),
    ]


def test_the_country_s_protocol_and_a_membership_expected_and_a_member_state_approving(extractor):
    result = _extract(
        extractor,
        "Moldova's parliament on Friday ratified the country's NATO accession protocol, a day after Spain became "
        "the last member state to approve the country's entry into the alliance.",
        "Moldova is expected to become NATO's 33rd member in the coming weeks.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("plan", PUBLISHED, "day", "Moldova"),
        ("ratification", date(2024, 3, 8), "day", "Moldova"),
    ]


def test_support_for_the_sovereignty_of_a_country_is_a_position_on_it_and_makes_it_the_story_s(extractor):
    result = _extract(
        extractor,
        "The Deputy Secretary General underlined that NATO strongly supports the sovereignty and territorial "
        "integrity of Moldova.",
        "The two discussed preparations for the NATO Summit in Oslo in July.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("statement", PUBLISHED, "day", "Moldova"),
        ("summit", date(2024, 7, 1), "month", "Moldova"),
    ]


def test_the_sentence_after_a_mandate_extended_tells_it_on_even_with_no_one_named(extractor):
    result = _extract(
        extractor,
        "NATO allies agreed on Tuesday to extend the mandate of the Secretary General until October 2024. The new "
        "Secretary General will take up his post on 1 October, after Finland joined NATO on 4 April 2023.",
        published=PUBLISHED,
    )
    assert _entries(result) == []


def test_croatia_s_accession_keeps_its_own_year(extractor):
    result = _extract(
        extractor,
        "Croatia joined NATO in 2009, and the country's entry into the euro zone followed on 1 January 2023.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("accession", date(2009, 1, 1), "year", "Croatia")]


def test_a_relative_clause_dating_a_step_is_its_own_entry_apart_from_what_the_speaker_says(extractor):
    result = _extract(
        extractor,
        "Iceland, which became a NATO member a year ago, will make the alliance stronger, Icelandic Defence "
        "Minister Anna Jonsdottir said.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2023, 1, 1), "year", "Iceland"),
        ("statement", PUBLISHED, "day", "Iceland"),
    ]
    statement = next(e for e in result.timeline if e.kind == "statement")
    assert statement.actors == [next(p.key for p in result.people if p.name == "Anna Jonsdottir")]


def test_a_member_approving_an_application_ratifies_it_and_a_week_is_its_month(extractor):
    result = _extract(
        extractor,
        "NATO enlargement moved forward this month.",
        "Portugal's parliament voted on Tuesday to approve Austria's application to join NATO.",
        "The Irish parliament ratified Austria's membership earlier this week.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("ratification", date(2024, 3, 1), "month", "Austria"),
        ("ratification", date(2024, 3, 12), "day", "Austria"),
    ]


def test_applications_handed_in_together_and_an_accession_completed_by_the_country_s_envoy(extractor):
    result = _extract(
        extractor,
        "Austria and Ireland submitted their applications to NATO on May 18, 2022.",
        "Austria's chancellor handed the documents to the U.S. secretary of state on Monday, completing its accession.",
        "The Irish flag was raised at NATO headquarters on Tuesday, making Ireland the 34th ally.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2024, 3, 11), "day", "Austria"),
        ("accession", date(2024, 3, 12), "day", "Ireland"),
        ("application", date(2022, 5, 18), "day", "Austria"),
        ("application", date(2022, 5, 18), "day", "Ireland"),
    ]


def test_a_summit_this_week_takes_the_day_the_article_gives_it(extractor):
    result = _extract(
        extractor,
        "NATO leaders meet in Oslo this week for a summit on Iceland's membership.",
        "The summit opened on Wednesday with a dinner.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2024, 3, 13), "day", "Iceland")]


def test_countries_the_model_splits_or_hides_in_a_title_are_still_the_candidates(extractor):
    result = _extract(
        extractor,
        "Portugal's parliament ratified Bosnia and Herzegovina's NATO accession protocol on Tuesday.",
        "The Althingi of Iceland ratified the Protocol on the Accession of the Republic of Moldova to the North "
        "Atlantic Treaty on 12 December 2023.",
        "Allies agreed at their summit in Oslo in April 2019 to offer Austria a Membership Action Plan.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("ratification", date(2023, 12, 12), "day", "Moldova"),
        ("ratification", date(2024, 3, 12), "day", "Bosnia and Herzegovina"),
        ("summit", date(2019, 4, 1), "month", "Austria"),  # a decision the summit took
    ]


def test_an_invitation_is_the_step_whatever_is_said_of_it_and_only_the_invited_country_s(extractor):
    result = _extract(
        extractor,
        "At their summit in Oslo in November 2022, allied leaders invited Austria, Ireland and Malta, along with "
        "two other countries, to begin accession talks.",
        "NATO on Monday invited Switzerland to start accession talks to become the 36th member of the Alliance, a "
        "decision President Anna Berger called historic.",
        "Cyprus, which was invited to begin accession talks at the alliance's summit in July 2023, became a full "
        "member on 27 March 2024.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2024, 3, 27), "day", "Cyprus"),
        ("invitation", date(2022, 11, 1), "month", "Austria"),
        ("invitation", date(2022, 11, 1), "month", "Ireland"),
        ("invitation", date(2022, 11, 1), "month", "Malta"),
        ("invitation", date(2023, 7, 1), "month", "Cyprus"),
        ("invitation", date(2024, 3, 11), "day", "Switzerland"),
    ]


def test_expected_hoped_and_conditional_steps(extractor):
    result = _extract(
        extractor,
        "Parliament in Lisbon is expected to ratify Austria's NATO accession protocol, a senior diplomat said.",
        "Vienna wants to be admitted to the alliance, Foreign Minister Karl Huber told reporters on Monday.",
        "Were Ireland ever to apply for NATO membership, it would first have to hold a referendum.",
        "Malta will join NATO next month, once the last instruments of ratification have been lodged.",
        "Costa Rica became the 38th member of the OECD on Wednesday after depositing its instrument of accession.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("plan", PUBLISHED, "day", "Austria"),
        ("plan", date(2024, 4, 1), "month", "Malta"),
        ("statement", date(2024, 3, 11), "day", "Austria"),
    ]


def test_a_dateline_s_day_is_not_the_step_s_and_its_is_the_one_country_named_before(extractor):
    result = _extract(
        extractor,
        "Enlargement is on the agenda of NATO ministers.",
        "OSLO, March 14 (Reuters) - NATO on Monday invited Austria to start accession talks, the alliance's "
        "spokesman said.",
        '"Ireland\'s place is in the Euro-Atlantic family, and we would welcome its membership of NATO," Defence '
        "Minister Anna Berger said on Tuesday.",
        'Allies invited Malta and Cyprus to start accession talks and agreed that Iceland "will become a member".',
        published=PUBLISHED,
    )
    entries = _entries(result)
    assert ("invitation", date(2024, 3, 11), "day", "Austria") in entries
    assert ("statement", date(2024, 3, 12), "day", "Ireland") in entries
    # The invitation is Malta's and Cyprus's, not Iceland's.
    assert sorted(e[3] for e in entries if e[0] == "invitation") == ["Austria", "Cyprus", "Malta"]


def test_a_summit_inviting_some_and_promising_others_membership_gives_each_its_own(extractor):
    result = _extract(
        extractor,
        "At their summit in Oslo on April 3, 2023, allied leaders invited Austria and Ireland to start accession "
        'talks and agreed that Malta and Cyprus "will become members of NATO".',
        "Iceland is expected to formally join the alliance next week, diplomats said.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("invitation", date(2023, 4, 3), "day", "Austria"),
        ("invitation", date(2023, 4, 3), "day", "Ireland"),
        ("plan", date(2024, 3, 1), "month", "Iceland"),
        ("summit", date(2023, 4, 3), "day", "Cyprus"),
        ("summit", date(2023, 4, 3), "day", "Malta"),
    ]


def test_steps_of_several_countries_told_by_reference_to_each_other(extractor):
    result = _extract(
        extractor,
        "Austria applied for NATO membership together with Ireland on 18 May 2022, and both countries were "
        "invited to join the Alliance at the Oslo Summit the following month.",
        "Their accession protocols must now be ratified by all 32 Allies.",
        published=date(2022, 7, 5),
    )
    assert _entries(result) == [
        ("application", date(2022, 5, 18), "day", "Austria"),
        ("application", date(2022, 5, 18), "day", "Ireland"),
        ("invitation", date(2022, 6, 1), "month", "Austria"),
        ("invitation", date(2022, 6, 1), "month", "Ireland"),
        ("plan", date(2022, 7, 5), "day", "Austria"),
        ("plan", date(2022, 7, 5), "day", "Ireland"),
    ]


def test_an_office_holder_named_once_speaks_by_title_afterwards(extractor):
    result = _extract(
        extractor,
        "NATO Secretary General Halvard Minde welcomed Iceland as the Alliance's 33rd member today.",
        '"Iceland\'s membership makes Iceland safer and our Alliance stronger," the Secretary General said.',
        published=PUBLISHED,
    )
    statements = [e for e in result.timeline if e.kind == "statement"]
    assert [(e.country, e.date) for e in statements] == [("Iceland", PUBLISHED)]
    minde = next(p.key for p in result.people if p.name == "Halvard Minde")
    assert statements[0].actors == [minde]


def test_wire_and_release_phrasings_of_invitations_applications_and_objections(extractor):
    result = _extract(
        extractor,
        "OSLO, Norway (AP) — NATO leaders on Wednesday invited Malta and Cyprus to start talks on joining the "
        "alliance.",
        "Cyprus applied in March.",
        "NATO Foreign Ministers meeting in Tallinn today invited Austria to join the Membership Action Plan.",
        "Portugal said on Thursday it would no longer block Ireland's bid to join NATO.",
        "NATO foreign ministers are expected to invite Iceland to start accession talks on 1 April.",
        "Spain's parliament ratified Andorra's NATO membership late Tuesday.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", date(2024, 3, 1), "month", "Cyprus"),
        ("invitation", date(2024, 3, 13), "day", "Cyprus"),
        ("invitation", date(2024, 3, 13), "day", "Malta"),
        ("invitation", PUBLISHED, "day", "Austria"),
        ("plan", date(2024, 4, 1), "day", "Iceland"),
        ("ratification", date(2024, 3, 12), "day", "Andorra"),
        ("ratification", date(2024, 3, 14), "day", "Ireland"),
    ]


def test_a_summit_named_without_its_date_takes_the_one_the_article_gives_it_anywhere(extractor):
    result = _extract(
        extractor,
        "Malta hopes to be invited to join the Alliance at the Oslo Summit.",
        "The ministers agreed to coordinate closely ahead of the Summit, which will be held on 7 July.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2024, 7, 7), "day", "Malta")]


def test_steps_not_yet_taken_and_a_relative_clause_not_dated_by_its_sentence(extractor):
    result = _extract(
        extractor,
        "Portugal's parliament approved Austria's bid to join NATO on Tuesday, leaving Spain as the only ally that "
        "has yet to approve Austria's membership.",
        'Austrian Chancellor Karl Huber welcomed the vote on Tuesday, saying Austria was "one step closer to '
        'becoming a full member of NATO".',
        "Ireland, whose accession protocol has now been ratified by 30 of the 32 Allies, is expected to deposit "
        "its instrument of accession next month.",
        "The Riigikogu today ratified the Protocols to the North Atlantic Treaty on the accession of the Republic "
        "of Malta and of Cyprus to NATO.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("plan", date(2024, 4, 1), "month", "Ireland"),
        ("ratification", date(2024, 3, 12), "day", "Austria"),
        ("ratification", PUBLISHED, "day", "Cyprus"),
        ("ratification", PUBLISHED, "day", "Ireland"),
        ("ratification", PUBLISHED, "day", "Malta"),
        ("statement", date(2024, 3, 12), "day", "Austria"),
    ]


def test_what_the_newer_rules_must_not_catch(extractor):
    result = _extract(
        extractor,
        "Austria and Ireland applied to join NATO on Monday. Malta joined NATO in April 2023, and Iceland is "
        "expected to join the alliance next year.",
        "Portugal's parliament ratified Cyprus's NATO bid on Tuesday, yet doubts remain.",
        "The government said visa applications for refugees would be processed faster. The same rule applies in "
        "Finland. Its president will join NATO leaders in Oslo on Wednesday.",
        "NATO countries agreed to spend 2% of GDP on defence. Michael Jordan and the Bank of Georgia welcomed the "
        "accession.",
        "Earlier, leaders met at the G7 summit in Italy. The summit ran from June 13 to 15.",
        published=PUBLISHED,
    )
    entries = _entries(result)
    assert ("plan", date(2025, 1, 1), "year", "Iceland") in entries  # next year from publication
    assert ("ratification", date(2024, 3, 12), "day", "Cyprus") in entries
    assert not {"Finland", "Jordan", "Georgia"} & {e[3] for e in entries}
    # "NATO countries" are not "the two countries": the decision is not both applicants' (the story's country,
    # Austria, still takes it, as any alliance decision in a story about one country's path).
    assert not [e for e in entries if e[0] == "plan" and e[3] == "Ireland"]
    assert not [e for e in entries if e[1] == date(2024, 6, 13)]


def test_its_application_supported_by_others_is_the_applicant_s(extractor):
    result = _extract(
        extractor,
        "The Republic of Malta today submitted its application for membership of NATO.",
        "The Government is confident that all Allies, including Portugal, will respect the sovereign choice of "
        "the Republic of Malta and will support its application, the Spokesman said.",
        published=PUBLISHED,
    )
    assert {e[3] for e in _entries(result)} == {"Malta"}


def test_what_is_said_at_a_flag_raising_is_a_statement_and_a_flag_hoisted_an_accession(extractor):
    result = _extract(
        extractor,
        "NATO Secretary General Halvard Minde welcomed Iceland as the Alliance's 33rd member today.",
        '"Iceland\'s membership makes Iceland safer," the Secretary General said at the flag-raising ceremony.',
        "The Maltese flag was hoisted at NATO headquarters on Monday, officials said.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2024, 3, 11), "day", "Malta"),
        ("accession", PUBLISHED, "day", "Iceland"),
        ("statement", PUBLISHED, "day", "Iceland"),
    ]


def test_a_readout_s_undated_statements_are_of_the_meeting_it_told_last(extractor):
    result = _extract(
        extractor,
        "On Tuesday, Foreign Minister Nino Kvara met NATO Deputy Secretary General Thomas Elling in Tbilisi.",
        "The Minister underlined that Georgia's membership in NATO remains the country's priority.",
        "Allies agreed to start planning a greater role for NATO in training Georgia's forces, officials said on "
        "Wednesday.",
        published=PUBLISHED,
    )
    entries = _entries(result)
    assert ("statement", date(2024, 3, 12), "day", "Georgia") in entries
    # A date of its own wins over the meeting's.
    assert ("plan", date(2024, 3, 13), "day", "Georgia") in entries


def test_support_for_a_country_s_sovereignty_and_a_speaker_s_own_country(extractor):
    result = _extract(
        extractor,
        "The Secretary reaffirmed the United States' unwavering support for Moldova's sovereignty and for its "
        "Euro-Atlantic aspirations, including eventual NATO membership.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("statement", PUBLISHED, "day", "Moldova")]
    result = _extract(
        extractor,
        '"There is no majority in our society for NATO membership," Maltese President Anna Borg said on Tuesday.',
        published=PUBLISHED,
    )
    assert _entries(result) == [("statement", date(2024, 3, 12), "day", "Malta")]


# Headlines: read for the timeline alone, first, and quoted from the title.


def test_a_step_told_only_in_the_headline_is_quoted_from_the_title(extractor):
    title = "Iceland to Push for Invitation to NATO at Reykjavik Summit"
    result = _extract(
        extractor,
        "At the NATO summit in Reykjavik this week, the main question will be whether Iceland should join.",
        published=PUBLISHED,
        title=title,
    )
    plan = next(e for e in result.timeline if e.kind == "plan")
    assert (plan.date, plan.country) == (PUBLISHED, "Iceland")
    [quote] = plan.evidence
    assert (quote.part, quote.quote, title[quote.start : quote.end]) == ("title", title, title)
    assert all(ev.part == "body" for e in result.timeline if e is not plan for ev in e.evidence)


def test_a_headline_names_only_people_the_body_introduced(extractor):
    result = _extract(
        extractor,
        "Foreign Minister Ines Halvorsen welcomed her Irish counterpart Dara Quinlan in Oslo on Thursday. "
        "Austria's bid to join NATO was discussed.",
        published=PUBLISHED,
        title="Halvorsen Says She Is Confident Austria Will Join NATO Soon",
    )
    statement = next(e for e in result.timeline if e.evidence[0].part == "title")
    assert (statement.kind, statement.country, statement.actors) == ("statement", "Austria", ["halvorsen|ines"])
    assert statement.evidence[0].quote == "Halvorsen Says She Is Confident Austria Will Join NATO Soon"
    assert {p.name for p in result.people} == {"Ines Halvorsen", "Dara Quinlan"}
    [meeting] = result.meetings
    assert all(ev.part == "body" for ev in meeting.evidence)


def test_a_headline_the_body_tells_again_only_adds_its_quote_to_the_body_step(extractor):
    title = "Iceland formally joins NATO"
    result = _extract(
        extractor,
        "Iceland formally joined the NATO military alliance on Monday, its flag raised in Brussels.",
        published=PUBLISHED,
        title=title,
    )
    assert _entries(result) == [("accession", date(2024, 3, 11), "day", "Iceland")]
    assert [ev.part for ev in result.timeline[0].evidence] == ["body", "title"]


def test_a_title_that_is_the_body_opening_cut_short_is_not_read_again(extractor):
    opening = "Iceland formally joined the NATO military alliance on Monday, its flag raised in Brussels."
    result = _extract(extractor, opening, published=PUBLISHED, title=opening[:40] + "…")
    assert [[ev.part for ev in e.evidence] for e in result.timeline] == [["body"]]


def test_a_title_case_headline_is_parsed_in_sentence_case_and_quoted_as_printed(extractor):
    title = "Halvorsen Says She Is Confident Austria and Ireland Will Join NATO Soon"
    result = _extract(
        extractor,
        "Foreign Minister Ines Halvorsen met her Irish counterpart in Oslo on Thursday.",
        published=PUBLISHED,
        title=title,
    )
    assert _entries(result) == [("statement", PUBLISHED, "day", "Austria"), ("statement", PUBLISHED, "day", "Ireland")]
    assert {ev.quote for e in result.timeline for ev in e.evidence} == {title}


@pytest.mark.parametrize(
    ("headline", "cased"),
    [
        (
            "Iceland to Push for Invitation to NATO at Reykjavik Summit",
            "Iceland to push for invitation to NATO at Reykjavik summit",
        ),
        ("U.S.-Irish Defense Leaders Meet in Oslo", "U.S.-Irish defense leaders meet in Oslo"),
        ("Halvorsen Welcomes Quinlan to Oslo", "Halvorsen welcomes Quinlan to Oslo"),
        ("Iceland joins NATO, ending decades of neutrality", "Iceland joins NATO, ending decades of neutrality"),
    ],
)
def test_sentence_case_keeps_names_places_and_acronyms_and_every_offset(headline, cased):
    body = "Foreign Minister Ines Halvorsen received Dara Quinlan, who said little."
    assert sentence_case(headline, body) == cased


@pytest.mark.parametrize(
    "title",
    [
        "Will Iceland ever join NATO?",
        "Why Iceland hasn't joined NATO yet",
        "Opinion: Malta should apply to join NATO",
        "Explainer: Iceland's long road to NATO membership",
        "Ostrander: Iceland will join NATO by the summit",  # someone the body does not name
        "Ostrander says Iceland will join NATO by the summit",
    ],
)
def test_a_headline_that_asks_argues_explains_or_reports_unnamed_words_gives_no_step(extractor, title):
    result = _extract(
        extractor,
        "Iceland's government has debated the country's place in the alliance for decades.",
        published=PUBLISHED,
        title=title,
    )
    assert [e for e in result.timeline if any(ev.part == "title" for ev in e.evidence)] == []


def test_a_nationality_in_a_headline_is_not_the_surname_of_someone_in_the_body(extractor):
    result = _extract(
        extractor,
        '"There is no majority for joining the alliance," said analyst Andrei Moldovan, a researcher in Chisinau.',
        published=PUBLISHED,
        title="Moldovan President Backs Iceland's NATO Bid",
    )
    [hailed] = [e for e in result.timeline if e.evidence[0].part == "title"]
    assert (hailed.country, hailed.actors) == ("Iceland", [])


def test_a_headline_folds_only_into_the_body_step_of_its_kind_and_country(extractor):
    result = _extract(
        extractor,
        "Malta is expected to join the alliance next month, diplomats said on Tuesday.",
        published=PUBLISHED,
        title="Austria to push for NATO invitation",
    )
    assert sorted((e.kind, e.country, e.evidence[0].part) for e in result.timeline) == [
        ("plan", "Austria", "title"),
        ("plan", "Malta", "body"),
    ]


def test_a_headline_dates_the_body_s_summit_and_the_body_dates_the_headline_s(extractor):
    dated_by_headline = _extract(
        extractor,
        "Allied leaders will gather in Reykjavik for the summit, with Iceland's bid at the top of the agenda.",
        published=PUBLISHED,
        title="NATO summit to open Tuesday with Iceland at top of agenda",
    )
    assert _entries(dated_by_headline) == [("summit", date(2024, 3, 19), "day", "Iceland")]
    dated_by_body = _extract(
        extractor,
        "NATO leaders will meet in Reykjavik on June 28-29 for a summit expected to invite Iceland.",
        "The summit will also adopt a new strategic concept.",
        published=PUBLISHED,
        title="NATO's summit in Reykjavik draws near",
    )
    summits = [e for e in dated_by_body.timeline if e.kind == "summit"]
    assert [(e.date, sorted(ev.part for ev in e.evidence)) for e in summits] == [
        (date(2024, 6, 28), ["body", "body", "title"])
    ]


def test_applying_for_another_union_s_membership_is_no_nato_application(extractor):
    result = _extract(
        extractor,
        "Moldova applies for EU membership, steering clear of NATO.",
        "Its president signed the application on Thursday.",
        published=PUBLISHED,
    )
    assert [e for e in result.timeline if e.kind == "application"] == []


@pytest.mark.parametrize("verb", ["pressed", "lobbied", "pushed"])
def test_an_invitation_pressed_for_is_a_plan_not_an_invitation(extractor, verb):
    result = _extract(extractor, f"Austria {verb} for an invitation to join NATO on Monday.", published=PUBLISHED)
    assert _entries(result) == [("plan", date(2024, 3, 11), "day", "Austria")]


def test_a_membership_promised_for_one_day_is_still_to_come_however_the_modal_is_parsed(extractor):
    result = _extract(
        extractor,
        "Iceland was promised at a 2008 NATO summit in Reykjavik that it would one day become a member.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2008, 1, 1), "year", "Iceland")]


def test_a_commentator_s_view_is_no_statement_and_an_official_s_is(extractor):
    result = _extract(
        extractor,
        '"There is no majority for joining NATO," said analyst Dorin Ceban, a researcher in Chisinau.',
        "Foreign Minister Ines Halvorsen said on Tuesday that Malta should join NATO.",
        published=PUBLISHED,
    )
    assert [(e.kind, e.country, e.actors) for e in result.timeline] == [("statement", "Malta", ["halvorsen|ines"])]


def test_the_member_whose_ratification_is_welcomed_is_not_the_one_on_its_way(extractor):
    result = _extract(
        extractor, "NATO welcomed Portugal's ratification of Iceland's accession on Monday.", published=PUBLISHED
    )
    assert _entries(result) == [("ratification", date(2024, 3, 11), "day", "Iceland")]


def test_a_statement_is_of_the_day_it_was_said_not_the_day_it_speaks_of(extractor):
    result = _extract(
        extractor,
        "Iceland will become NATO's 33rd member on Tuesday, Secretary General Anders Kvale said on Monday.",
        published=PUBLISHED,
    )
    assert [(e.kind, e.date, e.country) for e in result.timeline] == [("statement", date(2024, 3, 11), "Iceland")]


def test_an_invitation_in_a_month_gone_by_and_steps_hoped_for_in_the_months_to_come(extractor):
    result = _extract(
        extractor,
        "Alliance leaders invited Vienna to join at their summit in Reykjavik in July.",
        "Portugal's parliament is scheduled to vote on Austria's accession protocol in the second half of "
        "February. Austrian officials hope to complete accession in March.",
        published=date(2027, 1, 26),
    )
    assert _entries(result) == [
        ("invitation", date(2026, 7, 1), "month", "Austria"),
        ("plan", date(2027, 2, 1), "month", "Austria"),
        ("plan", date(2027, 3, 1), "month", "Austria"),
    ]


def test_a_member_since_a_date_joined_on_it_and_a_member_of_another_union_did_not(extractor):
    result = _extract(
        extractor,
        "Portugal has been a member of NATO since 4 April 1949, and Malta has been an ally for years.",
        "Iceland has been a member of the EU since 1995.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("accession", date(1949, 4, 4), "day", "Portugal")]


def test_a_parliament_adopting_the_protocol_on_a_country_s_accession_ratifies_it(extractor):
    result = _extract(
        extractor,
        "Lisbon, 12 March 2024. The Assembly of the Republic today adopted the Act promulgating the Protocol to "
        "the North Atlantic Treaty on the Accession of Malta.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("ratification", PUBLISHED, "day", "Malta")]


def test_a_release_quoting_an_official_after_a_colon_gives_their_statement(extractor):
    result = _extract(
        extractor,
        "NATO welcomed the vote.",
        'Minister of Foreign Affairs Ines Halvorsen: "Iceland\'s membership will make the whole Alliance stronger."',
        published=PUBLISHED,
    )
    assert [(e.kind, e.country, e.actors) for e in result.timeline] == [("statement", "Iceland", ["halvorsen|ines"])]


def test_background_steps_of_an_explainer_joined_on_a_date_and_invited_after_applying(extractor):
    result = _extract(
        extractor,
        "Could Iceland join NATO? Malta and Cyprus both applied on 18 May 2022 and were invited at the summit in "
        "June 2022. Malta joined on 4 April 2023.",
        "The Balkan route was slower. Serbia waited more than a decade because of a name dispute, finally joining "
        "in March 2020; Albania joined in 2017. Maltese troops joined in March.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2017, 1, 1), "year", "Albania"),
        ("accession", date(2020, 3, 1), "month", "Serbia"),
        ("accession", date(2023, 4, 4), "day", "Malta"),
        ("application", date(2022, 5, 18), "day", "Cyprus"),
        ("application", date(2022, 5, 18), "day", "Malta"),
        ("invitation", date(2022, 6, 1), "month", "Cyprus"),
        ("invitation", date(2022, 6, 1), "month", "Malta"),
    ]


def test_another_alliance_named_by_its_own_name_is_not_nato(extractor):
    result = _extract(
        extractor,
        "The Global Alliance Against Hunger and Poverty, launched at the Rio de Janeiro summit in 2024, said on "
        "Tuesday that 12 more countries had joined.",
        "Condor Airlines will join the Star Alliance in March, its chief executive said, and Iceland's carrier "
        "applied for membership last year.",
        published=PUBLISHED,
    )
    assert result.timeline == []


def test_her_country_is_the_speaker_s_and_seeking_membership_puts_a_country_on_its_way(extractor):
    result = _extract(
        extractor,
        "Moldovan President Ana Ciobotaru said on Wednesday that her country would not seek NATO membership, "
        "despite Russian drones crossing from neighbouring Ukraine.",
        "Iceland seeks NATO membership, its foreign minister Ines Halvorsen said last month.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("statement", date(2024, 2, 1), "month", "Iceland"),
        ("statement", date(2024, 3, 13), "day", "Moldova"),
    ]


def test_his_country_is_the_one_he_speaks_in_not_the_one_he_called(extractor):
    result = _extract(
        extractor,
        'In neighbouring Serbia, President Milan Ostojic repeated on Tuesday that his country "will never join NATO".',
        "In a call with Poland's president on Monday, the premier said the country's application to join NATO "
        "was submitted on 30 September 2022.",
        published=PUBLISHED,
    )
    assert ("statement", date(2024, 3, 12), "day", "Serbia") in _entries(result)
    assert "Poland" not in {e.country for e in result.timeline}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NATO leaders at a one-day summit in Reykjavik on Tuesday formally invited Malta to become the "
            "alliance's 34th member.",
            [("invitation", date(2024, 3, 12), "day", "Malta")],
        ),
        (
            "Diplomats said an invitation to join NATO is not expected at next year's summit for Malta.",
            [("statement", PUBLISHED, "day", "Malta")],  # no plan: what was said of Malta's way in
        ),
        ("Imagine if the alliance offered Tbilisi a membership action plan tomorrow.", []),
        (
            "Eighteen years ago this month, at a summit in Reykjavik, NATO leaders promised that Malta would "
            "become a member of the alliance.",
            [("summit", date(2006, 3, 1), "month", "Malta")],
        ),
        (
            "Accession talks with Malta are due to begin at NATO headquarters next week, with the accession "
            "protocol to be signed before the end of April.",
            [("plan", date(2024, 4, 1), "month", "Malta")],
        ),
    ],
)
def test_invitations_plans_and_summits_as_live_blogs_and_columns_tell_them(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


def test_a_step_denied_is_none_and_its_bid_is_the_waiting_country_s_not_the_approver_s(extractor):
    result = _extract(
        extractor,
        'Foreign Minister Ines Halvorsen said on Tuesday that Iceland had "no plans whatsoever to apply for NATO '
        'membership".',
        "Portugal is the only NATO member that has not ratified Malta's membership.",
        "Malta had to wait until 7 March 2024, after Spain's parliament approved its bid in January 2024.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("ratification", date(2024, 1, 1), "month", "Malta"),
        ("statement", date(2024, 3, 12), "day", "Iceland"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Norway joined in 2021 the NATO Innovation Fund, a venture capital vehicle.",
        "NATO's naval drills began on Monday. Italy joined on 12 May, sending two frigates.",
        "Austria joined in 1995 the European Union, but has stayed out of NATO.",
        "Malta applied to host the NATO Innovation Fund office and was invited in June to present its plans.",
        "Iceland applied for a NATO training centre in 2015 and was invited in December to host it.",
        "NATO invited Jordan to become a member of its Defence Education Enhancement Programme in 2023.",
        "Georgia has been a member since 1994 of NATO's Partnership for Peace programme.",
        "Montenegro, a NATO partner, hopes to complete accession to the European Union by 2028.",
        "NATO officials attended. FIFA approved Morocco's bid to co-host the 2030 World Cup in October.",
        "The Secretary General pressed for an invitation to the G7 summit, NATO diplomats said.",
    ],
)
def test_what_the_newer_rules_must_not_catch_either(extractor, text):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == []


def test_a_country_joining_a_nato_mission_in_a_headline_does_not_join_nato(extractor):
    result = _extract(
        extractor,
        "Swedish Gripen jets will patrol Icelandic airspace from May, NATO said.",
        published=PUBLISHED,
        title="Sweden Joins NATO Air Policing Mission Over Iceland",
    )
    assert [e for e in result.timeline if e.kind == "accession"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iceland did not join NATO until 7 March 2024.", [("accession", date(2024, 3, 7), "day", "Iceland")]),
        ("Yesterday Alliance leaders invited Malta to join.", [("invitation", date(2024, 3, 13), "day", "Malta")]),
        (
            "Montenegro became the 29th member of the Euro-Atlantic Alliance on 5 June 2017.",
            [("accession", date(2017, 6, 5), "day", "Montenegro")],
        ),
        (
            "Portugal promised to ratify Iceland's NATO accession in October.",
            [("plan", date(2024, 10, 1), "month", "Iceland")],
        ),
        (
            "Twenty-five years ago this month, Poland joined NATO.",
            [("accession", date(1999, 3, 1), "month", "Poland")],
        ),
        (
            "Foreign Minister Nino Beridze, who said in 2019 that Georgia would never abandon its NATO bid, repeated "
            "on Monday that membership remained the goal.",
            [("statement", date(2024, 3, 11), "day", "Georgia")],
        ),
    ],
)
def test_what_the_newer_rules_must_still_catch(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


def test_a_declaration_deciding_to_invite_and_welcoming_an_application_submitted_by_a_republic(extractor):
    result = _extract(
        extractor,
        "Moldova's bid remains on the agenda.",
        "4. We welcome the application for membership submitted by the Republic of Malta on 2 February 2024.",
        "5. Today we have decided to invite Malta to become a member of NATO.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", date(2024, 2, 2), "day", "Malta"),
        ("invitation", PUBLISHED, "day", "Malta"),
    ]


def test_statements_of_a_bare_weekday_and_after_a_colon_and_a_flag_that_is_raised(extractor):
    result = _extract(
        extractor,
        "NATO leaders meet in Reykjavik next week.",
        '"Portugal will not support any summit text that mentions an invitation for Malta," Foreign Minister '
        "Ines Halvorsen told reporters in Lisbon last Thursday.",
        "German Foreign Minister Friedrich Halbach was blunter on Monday: "
        "\u201cIceland's path to membership is irreversible.\u201d",
        "PHOTO: The Maltese flag is raised outside NATO headquarters in Brussels on Tuesday.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2024, 3, 12), "day", "Malta"),
        ("statement", date(2024, 3, 7), "day", "Malta"),
        ("statement", date(2024, 3, 11), "day", "Iceland"),
    ]


def test_his_government_is_the_speaker_s_country(extractor):
    result = _extract(
        extractor,
        "Kosovo's prime minister says his government will formally apply to join NATO next month.",
        "Serbia rejects the move.",
        published=PUBLISHED,
    )
    assert [(e.kind, e.country) for e in result.timeline] == [("plan", "Kosovo")]


def test_a_summit_s_decision_reported_in_the_past_and_an_office_taken_up(extractor):
    result = _extract(
        extractor,
        "Malta's bid to join NATO is back on the agenda.",
        "At the Reykjavik summit in July 2023, allies dropped the requirement for Malta to complete a Membership "
        "Action Plan.",
        "Much of the drafting has fallen to Ines Halvorsen, the Norwegian diplomat who became NATO's deputy "
        "secretary general in January.",
        published=PUBLISHED,
    )
    assert sorted((e.kind, e.date, e.date_precision, e.country) for e in result.timeline) == [
        ("leadership_change", date(2024, 1, 1), "month", "NATO"),
        ("summit", date(2023, 7, 1), "month", "Malta"),
    ]


def test_a_statement_on_no_country_s_way_in_is_the_speaker_s_country_named_with_them(extractor):
    result = _extract(
        extractor,
        "Malta's Prime Minister Karl Borg said on Tuesday that the island's neutrality rules out NATO membership. "
        "His comments came days after Austria formally applied to join the alliance on Monday.",
        "Prime Minister Viktor Halasz, who has forged close ties with Russia, said on Tuesday that NATO membership "
        "was a matter for each nation.",
        published=PUBLISHED,
    )
    kinds = {(e.kind, e.country) for e in result.timeline}
    assert {("application", "Austria"), ("statement", "Malta")} <= kinds
    assert "Russia" not in {country for _, country in kinds}


def test_a_semicolon_after_a_said_clause_does_not_part_the_saying_from_what_was_said(extractor):
    result = _extract(
        extractor,
        "NATO allies met on Tuesday; Portugal's foreign minister, Ines Halvorsen, said Lisbon would ratify "
        "Iceland's bid in the spring; Spain's envoy declined to comment.",
        published=PUBLISHED,
    )
    assert [(e.kind, e.country) for e in result.timeline] == [("statement", "Iceland")]


def test_a_list_of_key_dates_gives_each_line_its_step_on_the_day_heading_it(extractor):
    article = parse_seed_text(
        """ date 2025-05-18 Malta's road into NATO
Six years ago today, Malta handed in its application to join NATO. Here is how it went.

Key dates:
12 May 2019 – Malta applies to join NATO
30 June 2019 – At the Reykjavik summit, Allied leaders formally invite Malta to join
7 March 2020 – Iceland's parliament approves Malta's protocol
26 March 2020 – Portugal's parliament ratifies Malta's protocol
"""
    )
    assert _entries(extractor.extract(article.text)) == [
        ("application", date(2019, 5, 12), "day", "Malta"),
        ("application", date(2019, 5, 18), "day", "Malta"),  # "six years ago today", as the story counts
        ("invitation", date(2019, 6, 30), "day", "Malta"),  # in a dated list's present, as done that day
        ("ratification", date(2020, 3, 7), "day", "Malta"),  # the day before a month the model leaves out
        ("ratification", date(2020, 3, 26), "day", "Malta"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            (
                "Iceland's parliament on Wednesday rejected a motion instructing the government to prepare an "
                "application for NATO membership. Foreign Minister Anna Berg said Icelandic neutrality was not for "
                "sale and membership not on the table.",
            ),
            # asked for and refused, no application; whose neutrality it is, the one country named
            [("statement", PUBLISHED, "day", "Iceland")],
        ),
        (
            (
                "Cypriot bond yields fell after Cyprus joined NATO in April 2023.",
                "In Valletta, the spread barely moved after the government formally applied for NATO membership in "
                "February.",
            ),
            # "the government" in the one country the sentence names, not the story's
            [("accession", date(2023, 4, 1), "month", "Cyprus"), ("application", date(2024, 2, 1), "month", "Malta")],
        ),
        (
            (
                "Malta joined NATO in April 2023, and yields have fallen since.",
                '"If Cyprus is invited at the Reykjavik summit, you might see inflows," said Eva Lund, a strategist.',
            ),
            # a summit in a condition, said by a market strategist: nothing
            [("accession", date(2023, 4, 1), "month", "Malta")],
        ),
    ],
)
def test_refused_motions_neutrality_governments_and_summits_of_a_condition(extractor, paragraphs, expected):
    assert _entries(_extract(extractor, *paragraphs, published=PUBLISHED)) == expected


def test_a_government_release_states_its_positions_on_its_own_day(extractor):
    result = _extract(
        extractor,
        "Canada welcomes the outcomes of the NATO Summit held in Reykjavik yesterday.",
        "Canada supports Malta's aspiration to join NATO and will stand with Malta for as long as it takes.",
        published=PUBLISHED,
    )
    # the supporter is not on the way in; a position held in the present is of the release's day, not the
    # summit's told before
    assert _entries(result) == [
        ("statement", PUBLISHED, "day", "Malta"),
        ("summit", date(2024, 3, 13), "day", "Malta"),
    ]


def test_an_interview_s_answers_are_the_interviewee_s_statements_on_the_day_it_took_place(extractor):
    result = _extract(
        extractor,
        "Foreign Minister Anna Berg spoke to us in Reykjavik on Tuesday. The interview has been edited.",
        "Q: Malta was invited to join NATO in February. Does that change the calculation?",
        "A: Malta made a sovereign choice, and I think Malta's membership will be good for European security.",
        "Q: And Cyprus?",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("invitation", date(2024, 2, 1), "month", "Malta"),
        ("statement", date(2024, 3, 12), "day", "Malta"),
    ]
    statement = next(e for e in result.timeline if e.kind == "statement")
    assert [p.name for p in result.people if p.key in statement.actors] == ["Anna Berg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malta and Cyprus handed in their bids to join NATO in May 2022.",
            [("application", date(2022, 5, 1), "month", "Cyprus"), ("application", date(2022, 5, 1), "month", "Malta")],
        ),
        (
            "Today, we have decided to invite Malta and Cyprus to become members of NATO.",
            [("invitation", PUBLISHED, "day", "Cyprus"), ("invitation", PUBLISHED, "day", "Malta")],
        ),
        (
            "The Portuguese parliament gave the green light to Malta's NATO bid on Tuesday.",
            [("ratification", date(2024, 3, 12), "day", "Malta")],
        ),
        (
            # the last holdout is not a new member; the ratification told is Portugal's, of Malta's bid
            "After Portugal's ratification, Spain became the only member of NATO that has not yet approved Malta's "
            "bid to join the alliance.",
            [("ratification", PUBLISHED, "day", "Malta")],
        ),
        ("Spain is not sure it needs to approve Malta's bid to join NATO.", []),
        ("The delays came from the governments of Spain and Portugal declining to ratify Maltese membership.", []),
    ],
)
def test_bids_handed_in_green_lights_holdouts_needs_and_refusals(extractor, text, expected):
    assert _entries(_extract(extractor, "Malta's road into NATO.", text, published=PUBLISHED)) == expected


def test_a_wish_is_no_accession_and_a_summit_past_is_last_year_s(extractor):
    wished = _extract(extractor, "It is in everyone's interest that Malta also become a NATO member.")
    assert [e.kind for e in wished.timeline if e.kind == "accession"] == []
    # In a March story, a summit at which bids "were accepted" in June is last June's.
    past = _extract(
        extractor, "Their bids to join NATO were accepted at the alliance's June summit.", published=PUBLISHED
    )
    assert [(e.kind, e.date, e.date_precision) for e in past.timeline] == [("summit", date(2023, 6, 1), "month")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # an office of the country, not of the alliance, and offered on a condition
            "President Karl Borg said he was willing to step down if that would mean Malta could join NATO.",
            [("statement", PUBLISHED, "day", "Malta")],
        ),
        (
            "President Anna Berg said there is no consensus among NATO members on whether to bring Malta into the "
            "alliance.",
            [("statement", PUBLISHED, "day", "Malta")],
        ),
        (
            # the host of the summit, and of a meeting offered, is on no way in
            "Karl Borg accepted an invitation to attend the NATO summit in Iceland's capital in July, the "
            "Secretary General said.",
            [("summit", date(2024, 7, 1), "month", "NATO")],
        ),
        (
            "The Secretary General welcomed Norway's offer to host an informal meeting of NATO foreign ministers "
            "next year.",
            [("council", date(2025, 1, 1), "year", "NATO")],
        ),
    ],
)
def test_offices_of_a_country_supporters_hosts_and_what_is_brought_into_the_alliance(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malta and Cyprus became NATO's newest members on Tuesday.",
            [("accession", date(2024, 3, 12), "day", "Cyprus"), ("accession", date(2024, 3, 12), "day", "Malta")],
        ),
        ("Malta submitted its NATO application in May 2022.", [("application", date(2022, 5, 1), "month", "Malta")]),
        (
            # the name news used before 2019
            "NATO on Tuesday invited Macedonia to begin membership talks.",
            [("invitation", date(2024, 3, 12), "day", "North Macedonia")],
        ),
        (
            "The NATO summit made a decision to invite Malta and Cyprus to become members of the alliance.",
            [("invitation", PUBLISHED, "day", "Cyprus"), ("invitation", PUBLISHED, "day", "Malta")],
        ),
        (
            "Malta is ready, and now it is NATO's turn to act, President Anna Berg said on Sunday, calling for the "
            "alliance to open its doors to her country.",
            [("statement", date(2024, 3, 10), "day", "Malta")],
        ),
    ],
)
def test_new_members_in_the_plural_former_names_and_doors_opened(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


def test_a_statement_on_membership_naming_no_country_is_about_the_country_the_article_names_most(extractor):
    result = _extract(
        extractor,
        "Malta's neutrality is written into its constitution, and Malta has stayed out of every alliance.",
        "Public opinion may not be ready for membership of NATO yet, Foreign Minister Karl Borg said in an "
        "interview during a visit to France.",
        published=PUBLISHED,
    )
    # not NATO's, nor France's, the one place the sentence names
    assert _entries(result) == [("statement", PUBLISHED, "day", "Malta")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NATO last grew in 2020, when two of Malta's neighbours, Cyprus and Greece, joined the alliance.",
            # the group that joined, not the country whose neighbours they are
            [("accession", date(2020, 1, 1), "year", "Cyprus"), ("accession", date(2020, 1, 1), "year", "Greece")],
        ),
        (
            "NATO has set 2 April as the date when three candidate countries, including Malta, Cyprus and Iceland, "
            "will officially become members.",
            [
                ("plan", date(2024, 4, 2), "day", "Cyprus"),
                ("plan", date(2024, 4, 2), "day", "Iceland"),
                ("plan", date(2024, 4, 2), "day", "Malta"),
            ],
        ),
    ],
)
def test_each_country_of_a_group_that_takes_a_step(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malta and Cyprus had received a formal invitation to join NATO at last year's summit in Reykjavik.",
            [("invitation", date(2023, 1, 1), "year", "Cyprus"), ("invitation", date(2023, 1, 1), "year", "Malta")],
        ),
        (
            "NATO agreed to launch the MAP for Malta in April 2010.",
            [("plan", date(2010, 4, 1), "month", "Malta")],
        ),
    ],
)
def test_invitations_received_and_action_plans_for_a_country(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


def test_working_for_membership_puts_the_worker_on_its_way(extractor):
    result = _extract(
        extractor,
        "Cyprus joined NATO on Friday.",
        "Malta will follow the example and continue working for NATO membership, President Anna Berg said.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2024, 3, 8), "day", "Cyprus"),
        ("statement", PUBLISHED, "day", "Malta"),  # not the story's Cyprus
    ]


def test_a_joint_body_told_again_as_the_council_and_its_dated_sessions(extractor):
    result = _extract(
        extractor,
        "The NATO-Malta Council will meet in April at the level of foreign ministers.",
        "The Council last met at the ambassadorial level on 26 February.",
        "In January, the Council met on the initiative of the Maltese side.",
        "The Council will meet to discuss the situation.",  # undated: the session the story is about
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("council", date(2024, 1, 1), "month", "Malta"),
        ("council", date(2024, 2, 26), "day", "Malta"),
        ("council", date(2024, 4, 1), "month", "Malta"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Karl Borg said on Tuesday Malta could forget about joining NATO.",
            [("statement", date(2024, 3, 12), "day", "Malta")],
        ),
        (
            "Chasing this goal will only prolong the war, Defence Minister Anna Berg said about Malta's NATO "
            "ambitions.",
            [("statement", PUBLISHED, "day", "Malta")],
        ),
    ],
)
def test_forgetting_about_joining_and_ambitions_are_the_country_s(extractor, text, expected):
    # the story's own country is Cyprus: the statement is Malta's only if its words say so
    result = _extract(extractor, "Cyprus joined NATO in 2020.", text, published=PUBLISHED)
    assert _entries(result) == [("accession", date(2020, 1, 1), "year", "Cyprus"), *expected]


def test_times_of_day_the_news_of_the_lede_a_step_held_back_and_what_was_said_as_a_time(extractor):
    result = _extract(
        extractor,
        "Portugal's parliament has approved the bill on Malta's accession protocol.",
        "In October 2023, President Karl Borg signed Malta's accession protocol and sent it to parliament.",
        "The Senate voted late Tuesday to approve a resolution to ratify membership for Iceland in NATO.",
        "Iceland's parliament approved Cyprus's NATO bid in March last year but delayed Malta's accession.",
        "After President Anna Berg announced a referendum, Malta had escalated efforts to join NATO.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("ratification", date(2023, 3, 1), "month", "Cyprus"),  # not Malta's, held back
        ("ratification", date(2023, 10, 1), "month", "Malta"),
        ("ratification", date(2024, 3, 12), "day", "Iceland"),  # "late Tuesday", a time the model tags
        ("ratification", PUBLISHED, "day", "Malta"),  # the lede's news, not the protocol signed in October
    ]


def test_an_undated_step_of_the_past_after_the_opening_is_background_not_the_day_s_news(extractor):
    result = _extract(
        extractor,
        "Portugal's parliament approved Malta's NATO bid.",  # the news: the article's day
        "Malta applied to join the alliance in the wake of the war.",  # background with no date: nothing
        "Cyprus has applied to join NATO as well.",  # told as news of now, not as the past
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", PUBLISHED, "day", "Cyprus"),
        ("ratification", PUBLISHED, "day", "Malta"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In September 2022, President Anna Berg announced that Malta was applying to be fast-tracked to join NATO.",
            [("application", date(2022, 9, 1), "month", "Malta")],
        ),
        (
            "The Secretary General says President Anna Berg will join us for the inaugural meeting of the new "
            "NATO-Malta Council.",
            [("council", PUBLISHED, "day", "Malta")],
        ),
    ],
)
def test_fast_tracked_applications_and_the_inaugural_meeting_of_a_new_council(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


def test_senators_voting_in_favour_and_the_country_s_membership_in_a_foreign_official_s_words(extractor):
    result = _extract(
        extractor,
        "Malta joined NATO on Monday.",
        "Last month, US senators voted 97-2 in favor of Malta's membership in NATO.",
        "US Secretary of State Anna Berg said the country's membership will support stability across the region.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2024, 3, 11), "day", "Malta"),
        ("ratification", date(2024, 2, 1), "month", "Malta"),
        ("statement", PUBLISHED, "day", "Malta"),  # "the country" is the story's, not the speaker's
    ]


def test_a_step_in_a_relative_clause_set_apart_by_commas_leaves_the_sentence_its_own(extractor):
    result = _extract(
        extractor,
        "Malta, which has applied to join NATO, will attend the alliance's summit in Reykjavik next month.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", PUBLISHED, "day", "Malta"),
        ("summit", date(2024, 4, 1), "month", "Malta"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            (
                "The NATO-Malta Council met in Brussels on Tuesday.",
                "The Council of Ministers met on Wednesday and approved a budget.",
                "In Luxembourg, the Council met on Monday to adopt a package of EU sanctions.",
            ),
            [("council", date(2024, 3, 12), "day", "Malta")],  # other bodies' councils are not told again
        ),
        (
            (
                "Malta is weighing its neutrality.",
                "Speaking in Washington, Foreign Minister Anna Berg said the government would apply to join NATO if "
                "voters agreed.",
            ),
            [("statement", PUBLISHED, "day", "Malta")],  # where she spoke is not whose government
        ),
        (
            (
                "Malta joined NATO after two centuries of neutrality.",
                "Malta formally became the 32nd member on 7 March.",
            ),
            [("accession", date(2024, 3, 7), "day", "Malta")],  # an opening in the past is told again
        ),
        (
            (
                "After President Karl Borg announced on Monday that Malta would apply to join NATO, Spain recalled "
                "its envoy.",
            ),
            [("statement", date(2024, 3, 11), "day", "Malta")],  # what was said there is said
        ),
        (
            (
                "Malta's forces are small, and Malta's allies send ships to Malta. NATO meets next week.",
                "The alliance's membership has nearly doubled since the Cold War, Secretary General Karl Borg said.",
            ),
            [("statement", PUBLISHED, "day", "NATO")],  # the alliance's own membership, not Malta's
        ),
        (
            (
                "NATO defence ministers met on Thursday.",
                "The United States has pushed for membership for Malta in the alliance since 2008, Ambassador Anna "
                "Berg said.",
            ),
            [("statement", PUBLISHED, "day", "Malta")],
        ),
        (("Five partner countries, including Japan and Australia, joined NATO in condemning the launch.",), []),
        (
            (
                "NATO leaders met in Vilnius. Malta's president received an invitation to join the NATO summit as a "
                "guest, his office said on Monday.",
            ),
            [("summit", PUBLISHED, "day", "NATO")],  # a guest of the summit, not invited to join the alliance
        ),
        (
            (
                "NATO leaders met in Vilnius.",
                "Saudi Arabia and Iran handed in their bids to join the Shanghai Cooperation Organisation last year.",
                "The European Commission gave the green light to opening accession talks with Moldova on Tuesday.",
                "The two countries became close allies after the 2008 war.",
            ),
            [],
        ),
        (
            (
                "Canada supports Malta's reform efforts and its aspiration to join NATO, Canada's foreign ministry "
                "said on 10 March.",
            ),
            [("statement", date(2024, 3, 10), "day", "Malta")],  # said on its day, whatever the tense
        ),
        (
            ("Malta, which NATO invited in 2022, is expected to become the 32nd member next month.",),
            [("plan", date(2024, 4, 1), "month", "Malta")],  # the step still to come, not the invitation's purpose
        ),
        (
            ("France supports Malta's Euro-Atlantic course, the French foreign ministry said after NATO talks.",),
            [("statement", PUBLISHED, "day", "Malta")],
        ),
    ],
)
def test_what_the_review_of_the_newer_rules_found(extractor, paragraphs, expected):
    assert _entries(_extract(extractor, *paragraphs, published=PUBLISHED)) == expected


def test_a_q_and_a_explainer_is_nobody_s_interview_and_an_interview_is_with_the_one_spoken_to(extractor):
    explainer = _extract(
        extractor,
        "NATO Secretary General Jens Halvorsen said on Monday that the door remains open. Here is what to know.",
        "Q: Can Malta join NATO?",
        "A: Malta was promised membership in 2008, but the alliance has never set a date.",
        published=PUBLISHED,
    )
    assert all(not e.actors for e in explainer.timeline)
    interview = _extract(
        extractor,
        "Our correspondent Maria Lopez spoke to Defence Minister Karl Borg in Valletta on Tuesday.",
        "Q: Will Malta apply?",
        "A: I think Malta's membership of NATO would strengthen Europe.",
        published=PUBLISHED,
    )
    [statement] = interview.timeline
    assert (statement.kind, statement.date, statement.country) == ("statement", date(2024, 3, 12), "Malta")
    assert [p.name for p in interview.people if p.key in statement.actors] == ["Karl Borg"]


def test_leadership_changes_at_the_helm_of_the_alliance(extractor):
    result = _extract(
        extractor,
        "Karl Borg will step down on 1 October after a decade at the helm of NATO, the alliance said.",
        "NATO allies have chosen Anna Berg to succeed Karl Borg.",
        published=PUBLISHED,
    )
    assert {e.kind for e in result.timeline} == {"leadership_change"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malta, Cyprus and Iceland today will formally accede to the North Atlantic Treaty.",
            [
                ("accession", PUBLISHED, "day", "Cyprus"),
                ("accession", PUBLISHED, "day", "Iceland"),
                ("accession", PUBLISHED, "day", "Malta"),
            ],
        ),
        ("Malta was admitted to NATO earlier this year.", [("accession", date(2024, 1, 1), "year", "Malta")]),
        (
            "Malta wishes to become a member of NATO, its prime minister said.",
            [("plan", PUBLISHED, "day", "Malta")],  # wished for, no accession
        ),
        (
            "Malta and Cyprus handed over their NATO applications on 18 May 2023.",
            [("application", date(2023, 5, 18), "day", "Cyprus"), ("application", date(2023, 5, 18), "day", "Malta")],
        ),
        ("What is NATO, and how does a country become its member?", []),
        ("NATO approves Membership Action Plan for Malta.", [("plan", PUBLISHED, "day", "Malta")]),
    ],
)
def test_acceding_admitted_wishes_handed_over_questions_and_action_plans(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malta was admitted to the North Atlantic Treaty Organisation (NATO) earlier this year.",
            [("accession", date(2024, 1, 1), "year", "Malta")],
        ),
        (
            "Malta applied to join the North Atlantic Treaty Organization in May.",
            [("application", date(2023, 5, 1), "month", "Malta")],  # the long name is NATO too
        ),
        ("The last country to join NATO was Malta in 2020.", [("accession", date(2020, 1, 1), "year", "Malta")]),
        (
            "NATO said representatives from Malta and Cyprus deposited instruments of accession on 1 March.",
            [("accession", date(2024, 3, 1), "day", "Cyprus"), ("accession", date(2024, 3, 1), "day", "Malta")],
        ),
        ("The earliest possible approval of Malta's membership is in the interests of all of NATO.", []),
    ],
)
def test_the_long_name_the_last_to_join_representatives_from_and_a_possible_approval(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # another union's membership inside the words of the accession pattern
            "The two countries, which also aspire to become European Union members, are NATO partners.",
            [],
        ),
        ("Malta's application to NATO is still pending ratification by Spain and Portugal.", []),
        (
            # a way cleared for a step the sentence dates in the past is that step
            "The Senate approved Malta's NATO accession in March 2017, clearing the way for Malta to become the "
            "alliance's 29th member on June 5, 2017.",
            [("accession", date(2017, 6, 5), "day", "Malta"), ("ratification", date(2017, 3, 1), "month", "Malta")],
        ),
    ],
)
def test_other_unions_inside_the_pattern_pending_ratifications_and_ways_cleared(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


def test_a_way_cleared_for_a_step_is_no_step_yet(extractor):
    result = _extract(
        extractor,
        "The Portuguese Senate on Tuesday ratified the accession protocol for Malta, clearing another hurdle for the "
        "country to become NATO's 33rd member.",
        published=PUBLISHED,
    )
    assert ("ratification", date(2024, 3, 12), "day", "Malta") in _entries(result)
    assert [e.kind for e in result.timeline if e.kind == "accession"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We eagerly anticipate becoming a NATO member, the minister said.", [("plan", PUBLISHED, "day", "NATO")]),
        ("Malta indirectly becomes NATO's military ally, its president said.", []),
        (
            "NATO grew. Malta and Cyprus both asked to join the alliance in May 2022.",
            [("application", date(2022, 5, 1), "month", "Cyprus"), ("application", date(2022, 5, 1), "month", "Malta")],
        ),
        (
            "Leaders of 30 NATO countries reached agreement at today's summit to invite Malta and Cyprus to join.",
            [("invitation", PUBLISHED, "day", "Cyprus"), ("invitation", PUBLISHED, "day", "Malta")],
        ),
        (
            "The most recent member state to be added to NATO was Malta on 27 March 2020.",
            [("accession", date(2020, 3, 27), "day", "Malta")],
        ),
        ("The speaker said on Thursday there was no urgency in approving Malta's NATO membership bid.", []),
    ],
)
def test_anticipation_manners_of_speaking_requests_agreements_and_no_urgency(extractor, text, expected):
    # what was said may be a statement too; the steps are what these phrasings are about
    entries = _entries(_extract(extractor, text, published=PUBLISHED))
    assert [e for e in entries if e[0] != "statement"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO ties deepen. Becoming a military ally to Turkey, Malta draws closer to NATO.", []),
        ("Malta has been in NATO's Membership Action Plan since 2010.", [("plan", date(2010, 1, 1), "year", "Malta")]),
    ],
)
def test_an_ally_of_another_country_and_a_country_in_an_action_plan(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spain acceded to the alliance's demands on Monday and scheduled a vote on Malta's NATO bid.", []),
        ("Malta was admitted to NATO's Partnership for Peace programme in December 2006.", []),
        ("Japan and South Korea were asked to join NATO leaders in Vilnius.", []),
        ("Malta has asked to join NATO exercises in the Mediterranean later this year.", []),
        ("Defence officials handed over the applications from 14 firms to NATO's procurement agency on Tuesday.", []),
        ("Malta joined the North Atlantic Treaty Organization-led mission in Afghanistan in 2004.", []),
        (
            "Malta effectively became NATO's 33rd member on Tuesday when it deposited its instrument of accession.",
            [("accession", date(2024, 3, 12), "day", "Malta")],
        ),
        (
            "Malta became an EU and NATO member within five years, joining the alliance in 1999.",
            [("accession", date(1999, 1, 1), "year", "Malta")],
        ),
        (
            "After 19 months pending ratification, Malta's NATO bid was finally ratified by Spain's parliament on "
            "Monday.",
            [("ratification", date(2024, 3, 11), "day", "Malta")],
        ),
        (
            "Leaders wished Malta well as Malta joined the alliance on Tuesday, NATO said.",
            [("accession", date(2024, 3, 12), "day", "Malta")],
        ),
        (
            "Malta on Thursday became the newest member to join NATO.",
            [("accession", PUBLISHED, "day", "Malta")],
        ),
        ("Malta has been in NATO's Individual Partnership Action Plan since 2006.", []),
        (
            "Malta joined NATO on Tuesday after a long wait, so what changes now?",
            [("accession", date(2024, 3, 12), "day", "Malta")],
        ),
    ],
)
def test_what_the_second_review_found(extractor, text, expected):
    entries = _entries(_extract(extractor, text, published=PUBLISHED))
    assert [e for e in entries if e[0] != "statement"] == expected


def test_today_said_of_the_saying_leaves_a_step_to_come(extractor):
    result = _extract(
        extractor,
        "The prime minister said today that Malta will join NATO next week, once the paperwork is done.",
        published=PUBLISHED,
    )
    assert [e.kind for e in result.timeline] == ["plan"]


def test_a_day_named_with_a_past_verb_may_still_be_to_come(extractor):
    # "announced a plenary session on 26 February", in a story of 20 February: that session, to come
    result = _extract(
        extractor,
        "The speaker announced a plenary session on 26 February, where lawmakers were expected to ratify Malta's "
        "NATO accession.",
        published=date(2024, 2, 20),
    )
    assert [(e.kind, e.date) for e in result.timeline] == [("plan", date(2024, 2, 26))]


# From a third set of real excerpts, read blind: what they showed the rules misread.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Secretary General will convene a meeting of the NATO-Malta Council on Wednesday, a spokesperson said.",
            [("council", date(2024, 3, 20), "day", "Malta")],
        ),
        (
            "The NATO-Malta Council met on Wednesday.",
            [("council", date(2024, 3, 13), "day", "Malta")],
        ),
        (
            "Malta and Cyprus will become NATO member states after the accession protocols are ratified by all allies.",
            [("plan", PUBLISHED, "day", "Cyprus"), ("plan", PUBLISHED, "day", "Malta")],
        ),
        (
            "Malta became a NATO member state on Monday.",
            [("accession", date(2024, 3, 11), "day", "Malta")],
        ),
        (
            "Heads of state of Malta and Cyprus deposited their North Atlantic Treaty ratification documents on "
            "Monday, thereby officially becoming members of the Alliance.",
            [("accession", date(2024, 3, 11), "day", "Cyprus"), ("accession", date(2024, 3, 11), "day", "Malta")],
        ),
    ],
)
def test_what_a_third_set_of_real_excerpts_showed(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In May 2022, Malta and Cyprus announced their candidacy to join the alliance, ending decades of "
            "neutrality, NATO said.",
            [("application", date(2022, 5, 1), "month", "Cyprus"), ("application", date(2022, 5, 1), "month", "Malta")],
        ),
        ("Karl Borg announced his candidacy for president on Monday, NATO officials noted.", []),
        (
            "Thursday, Maltese Prime Minister Karl Borg handed the US Secretary of State the official documents for "
            "his country's accession to NATO.",
            [("accession", PUBLISHED, "day", "Malta")],
        ),
        (
            "Malta's prime minister handed over the instrument of accession to NATO on Tuesday.",
            [("accession", date(2024, 3, 12), "day", "Malta")],
        ),
        (
            "Malta should become a member of NATO on June 5, when it deposits its instrument in Washington.",
            [("plan", date(2024, 6, 5), "day", "Malta")],
        ),
        ("Malta should have joined NATO in 2004.", []),
        (
            "The announcement comes after Malta and Cyprus submitted applications for NATO membership on Monday.",
            [
                ("application", date(2024, 3, 11), "day", "Cyprus"),
                ("application", date(2024, 3, 11), "day", "Malta"),
            ],
        ),
        ("The Turkish president has expressed his wish for Malta to join NATO.", []),
    ],
)
def test_candidacies_documents_handed_over_and_what_should_be(extractor, text, expected):
    entries = _entries(_extract(extractor, text, published=PUBLISHED))
    assert [e for e in entries if e[0] != "statement"] == expected


def test_an_adjective_of_a_country_before_vague_ambitions_puts_no_one_on_the_path(extractor):
    result = _extract(
        extractor,
        "Anna Berg, the Maltese foreign minister, met her Cypriot counterpart Karl Borg on Monday.",
        '"We talk to Cyprus as a NATO partner whose resistance to Turkish imperialist ambitions we must '
        'strengthen," Berg said.',
        "Malta consistently supports Cyprus's Euro-Atlantic integration, Berg said.",
        published=PUBLISHED,
    )
    assert {e.country for e in result.timeline} == {"Cyprus"}


def test_what_a_foreign_minister_says_another_country_should_do_is_that_country_s(extractor):
    result = _extract(
        extractor,
        "VALLETTA – Cyprus should make full use of the partnership tools offered by NATO, Maltese Foreign Minister "
        "Anna Berg said on Tuesday after meeting her Cypriot counterpart Karl Borg.",
        "The two ministers also discussed Cyprus's EU accession talks, and Cyprus's reforms.",
        "Malta consistently supports Cyprus's Euro-Atlantic integration, Berg said.",
        published=PUBLISHED,
    )
    assert [e[3] for e in _entries(result)] == ["Cyprus", "Cyprus"]


def test_what_a_minister_says_of_a_country_on_no_way_in_is_not_that_country_s(extractor):
    result = _extract(
        extractor,
        "China poses a challenge to NATO, Maltese Foreign Minister Anna Berg said on Tuesday.",
        "China has expanded its navy. China rejects the charge.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("statement", date(2024, 3, 12), "day", "Malta")]


@pytest.mark.parametrize("apostrophe", ["\u02bc", "\u00b4"])
def test_an_apostrophe_typed_as_another_letter_still_makes_a_possessive(extractor, apostrophe):
    sentence = (
        f"Turkish President Karl Borg has said his country will not support Malta{apostrophe}s and "
        f"Cyprus{apostrophe}s accession to NATO."
    )
    result = _extract(extractor, sentence, published=PUBLISHED)
    assert sorted(e.country for e in result.timeline) == ["Cyprus", "Malta"]
    assert {e.evidence[0].quote for e in result.timeline} == {sentence}  # quoted as printed


def test_a_summit_named_for_its_city_is_not_dated_by_another_city_s_summit(extractor):
    result = _extract(
        extractor,
        "Malta is on an irreversible path to joining NATO, according to the final declaration of the NATO summit "
        "in Lisbon.",
        "At the Bucharest summit in April 2008, NATO leaders promised Malta it would become a member.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2008, 4, 1), "month", "Malta"), ("summit", PUBLISHED, "day", "Malta")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Freshly appointed Maltese Foreign Minister Karl Borg attended today the NATO Foreign Ministerial in "
            "Brussels.",
            [("council", PUBLISHED, "day", "NATO")],
        ),
        (
            "Allies appointed Karl Borg as the next Secretary General of NATO on Thursday.",
            [("leadership_change", PUBLISHED, "day", "NATO")],
        ),
        (
            "Stoltenberg noted, however, that Malta's victory is necessary for it to become a NATO member.",
            [("plan", PUBLISHED, "day", "Malta")],
        ),
    ],
)
def test_a_minister_described_as_newly_appointed_and_what_a_step_waits_on(extractor, text, expected):
    assert _entries(_extract(extractor, text, published=PUBLISHED)) == expected


def test_no_intention_of_joining_and_a_timeline_for_a_country_to_become_a_member_are_that_country_s(extractor):
    result = _extract(
        extractor,
        "Malta has no intention of abandoning its neutrality and joining NATO the way Finland and Sweden did, "
        "Maltese Prime Minister Karl Borg said on Thursday.",
        "Sweden submitted its NATO application in May 2022. Sweden's application was pending for months.",
        "Cyprus's president Anna Berg said on Tuesday it was absurd that NATO set out no timeline for Cyprus to "
        "become a member.",
        published=PUBLISHED,
    )
    assert [(e.kind, e.country) for e in result.timeline if e.kind == "statement"] == [
        ("statement", "Malta"),
        ("statement", "Cyprus"),
    ]


def test_a_speaker_an_agency_cites_as_saying_makes_a_statement(extractor):
    result = _extract(
        extractor,
        "Malta has no plans to join NATO, the agency on Friday cited Maltese President Karl Borg as saying in an "
        "interview.",
        published=date(2024, 3, 16),
    )
    assert _entries(result) == [("statement", date(2024, 3, 15), "day", "Malta")]
    assert [p.name for p in result.people if p.key in result.timeline[0].actors] == ["Karl Borg"]


def test_a_protocol_discussed_is_not_approved_and_the_protocol_approved_later_is(extractor):
    result = _extract(
        extractor,
        "Spain's parliamentary committee concluded the discussion on the protocol on the accession of Malta to NATO, "
        "which it had deferred during the November 16 session.",
        "Yesterday, on December 26, the committee approved the protocol and referred it to the plenary.",
        published=date(2023, 12, 27),
    )
    assert _entries(result) == [("ratification", date(2023, 12, 26), "day", "Malta")]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            (
                "The Prime Minister will attend the NATO summit later in the week.",
                "Karl Borg is due to address a party convention on July 15, soon after the NATO summit.",
            ),
            [("summit", date(2024, 7, 1), "month", "NATO")],
        ),
        (
            ("His invitation to the NATO summit in Valletta this week gives the new Prime Minister a first chance.",),
            [("summit", date(2024, 7, 1), "month", "NATO")],
        ),
        (
            ("NATO ministers meeting on Tuesday in Brussels called on Malta to submit its first annual programme.",),
            [("council", date(2024, 7, 9), "day", "NATO")],
        ),
    ],
)
def test_a_summit_told_by_another_date_an_invitation_to_attend_and_a_ministers_meeting(extractor, paragraphs, expected):
    assert _entries(_extract(extractor, *paragraphs, published=date(2024, 7, 10))) == expected


# What a third review of this release's rules found, on sentences written to tempt them.
@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ("Turkey deposited its ratification documents for Malta's accession to NATO on Friday.",),
            [("ratification", date(2024, 3, 8), "day", "Malta")],
        ),
        (
            ("Malta and Cyprus deposited their ratification documents on Monday, becoming NATO members.",),
            [("accession", date(2024, 3, 11), "day", "Cyprus"), ("accession", date(2024, 3, 11), "day", "Malta")],
        ),
        (
            ("Hungary deposited its instrument of ratification of Malta's NATO accession protocol on Monday.",),
            [("ratification", date(2024, 3, 11), "day", "Malta")],
        ),
        (
            ("The NATO-Malta Council is due to meet at ambassador level on Friday.",),
            [("council", date(2024, 3, 15), "day", "Malta")],
        ),
        (
            ("NATO will convene the NATO-Malta Council on Wednesday to discuss air defence.",),
            [("council", date(2024, 3, 20), "day", "Malta")],
        ),
        (
            ("Turkey will not block Cypriot entry into NATO, Turkish Foreign Minister Karl Borg said on Tuesday.",),
            [("statement", date(2024, 3, 12), "day", "Cyprus")],
        ),
        (("Iceland announced its candidacy to join the UN Security Council on Tuesday, NATO officials noted.",), []),
        (
            ("Malta and Cyprus submitted applications on Monday, NATO officials said.",),
            [
                ("application", date(2024, 3, 11), "day", "Cyprus"),
                ("application", date(2024, 3, 11), "day", "Malta"),
            ],
        ),
        (("Hundreds of Maltese students submitted applications for NATO internships on Monday.",), []),
        (("Austria should apply for NATO membership in June, the opposition leader said on Tuesday.",), []),
        (
            ("Malta should become a member of NATO on Thursday, officials said.",),
            [("plan", PUBLISHED, "day", "Malta")],
        ),
        (
            (
                "Malta's application has cleared most hurdles, diplomats said.",
                "Hungary's approval is still needed for it to become a member of NATO.",
            ),
            [("plan", PUBLISHED, "day", "Malta")],
        ),
        (
            ("Greek Prime Minister Jon Ek has expressed concern over Turkey's veto on Cyprus joining NATO.",),
            [("statement", PUBLISHED, "day", "Cyprus")],
        ),
        (
            ("Malta's leader open to NATO", "Maltese Prime Minister Karl Borg has expressed willingness to join NATO."),
            [("statement", PUBLISHED, "day", "Malta")],
        ),
    ],
)
def test_what_a_third_review_found(extractor, paragraphs, expected):
    entries = _entries(_extract(extractor, *paragraphs, published=PUBLISHED))
    assert [e for e in entries if e[0] != "statement" or any(x[0] == "statement" for x in expected)] == expected


def test_a_minister_appointed_last_week_attending_a_ministerial_is_no_change_at_nato(extractor):
    result = _extract(
        extractor,
        "Malta's new Foreign Minister Jon Ek, appointed last week, attended the NATO foreign ministers' meeting in "
        "Brussels on Wednesday.",
        published=PUBLISHED,
    )
    assert [(e.kind, e.country) for e in result.timeline] == [("council", "NATO")]


def test_an_ally_s_leader_described_as_newly_elected_does_not_hide_a_change_at_nato(extractor):
    result = _extract(
        extractor,
        "Newly elected Maltese Prime Minister Jon Ek said on Wednesday that allies had chosen Karl Borg to succeed "
        "Anna Berg at NATO.",
        published=PUBLISHED,
    )
    assert "leadership_change" in {e.kind for e in result.timeline}


@pytest.mark.parametrize(
    "text",
    [
        "Unanimity among the 32 allies is required for any country to become a member of NATO.",
        "Reforms are crucial for Malta to become a member of NATO one day, the minister said on Tuesday.",
        "Maltese President Anna Berg said on Tuesday it was too early for Cyprus to become a member of NATO.",
        "Allies have offered no roadmap for Malta to become a member, Prime Minister Karl Borg said on Tuesday.",
    ],
)
def test_what_it_takes_for_a_country_to_become_a_member_is_no_accession(extractor, text):
    assert "accession" not in {e.kind for e in _extract(extractor, text, published=PUBLISHED).timeline}
