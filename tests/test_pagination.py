import contextlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.pagination import InvalidCursorError, decode_cursor, encode_cursor
from app.timeline.service import _KEYSETS
from tests.factories import make_timeline_entry
from tests.problems import CURSOR_REFUSED, assert_problem

LISTS = ["/v1/articles", "/v1/people", "/v1/meetings", "/v1/timeline"]


def test_a_cursor_round_trips_and_any_change_to_it_is_refused():
    keyset = _KEYSETS["asc"]
    cursor = encode_cursor(keyset.scope, (date(2024, 1, 2), "abc"))
    assert decode_cursor(keyset, cursor) == (date(2024, 1, 2), "abc")

    accepted = {}
    for index in range(len(cursor)):
        flipped = cursor[:index] + ("A" if cursor[index] != "A" else "B") + cursor[index + 1 :]
        with contextlib.suppress(InvalidCursorError):
            accepted[index] = decode_cursor(keyset, flipped)
    # The signature's last base64 digit carries unused bits: a change there alone can spell the same bytes.
    assert set(accepted) <= {len(cursor) - 1}
    assert set(accepted.values()) <= {(date(2024, 1, 2), "abc")}


def test_a_well_signed_cursor_with_values_of_the_wrong_type_is_refused():
    keyset = _KEYSETS["asc"]
    for values in ((5, "abc"), ("2024-01-02", 7), ("not a date", "abc"), ("2024-01-02",)):
        with pytest.raises(InvalidCursorError):
            decode_cursor(keyset, encode_cursor(keyset.scope, values))


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("limit", ["0", "-1", "201", "1000000000", "ten", "1.5"])
def test_bad_limits_are_422_problems(client, url, limit):
    response = client.get(url, params={"limit": limit})
    assert_problem(response, 422, loc="query.limit")


@pytest.mark.parametrize("url", LISTS)
def test_a_cursor_from_another_list_is_refused(client, db_session, url):
    make_timeline_entry(db_session, day=date(2024, 1, 1))
    make_timeline_entry(db_session, day=date(2024, 1, 2))
    foreign = client.get("/v1/timeline", params={"limit": 1, "order": "desc"}).json()["next_cursor"]
    response = client.get(url, params={"cursor": foreign})
    assert_problem(response, 422, CURSOR_REFUSED, loc="query.cursor")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cursor=st.text(min_size=1, max_size=120), url=st.sampled_from(LISTS))
def test_garbage_cursors_are_422_never_5xx(client, cursor, url):
    response = client.get(url, params={"cursor": cursor})
    assert_problem(response, 422, CURSOR_REFUSED, loc="query.cursor")
