"""Schema fuzzing: every operation of the OpenAPI document, a bounded number of examples each, sent to a
real server. No response may be a 5xx, and every response must conform to its documented schema.

schemathesis' own pytest plugin does not work with pytest 9 yet, so the operations are parametrized
here and each one's Hypothesis strategy is run directly.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.application import create_app
from app.config import Settings
from tests.databases import fresh_database
from tests.servers import running_server

KEY = "fuzz-key"
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings()).openapi())
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with (
        fresh_database(tmp_path_factory.mktemp("fuzz")) as url,
        running_server(url, API_KEYS=KEY, INGEST_ON_STARTUP="true", SEEDS_DIR="seeds") as base,
    ):
        yield base


def test_every_operation_is_fuzzed():
    assert len(OPERATIONS) >= 14


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_operation_answers_within_its_schema_and_never_5xx(base_url, label):
    @given(case=OPERATIONS[label].as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def fuzz(case):
        case.call_and_validate(
            base_url=base_url,
            headers={"Authorization": f"Bearer {KEY}"},
            timeout=60,
            # Some valid-looking input is refused on purpose: an opaque cursor that is not one of ours,
            # a date before 1900 (JSON Schema cannot bound a date). Every other check stays on.
            excluded_checks=[positive_data_acceptance],
        )

    fuzz()
