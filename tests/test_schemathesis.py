"""Schema fuzzing: schemathesis' every phase (examples, coverage, fuzzing, stateful) and every check, run
against a real server over the seeds. Any failure of any operation fails its test here.

schemathesis' own pytest plugin does not work with pytest 9 yet, so its command line runs once for the
module, writing a JUnit report, and each operation's test reads its own result from it.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.application import create_app
from app.config import Settings
from tests.conftest import PROJECT_ROOT
from tests.databases import fresh_database
from tests.servers import running_server

KEY = "fuzz-key"
SPEC = create_app(Settings()).openapi()
OPERATIONS = sorted(f"{method.upper()} {path}" for path, operations in SPEC["paths"].items() for method in operations)
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict[str, list[str]]:
    """Each operation's failures (empty when it passed), from one run of every phase and check."""
    folder = tmp_path_factory.mktemp("fuzz")
    junit = folder / "junit.xml"
    with (
        fresh_database(folder) as url,
        running_server(url, API_KEYS=KEY, INGEST_ON_STARTUP="true", SEEDS_DIR="seeds") as base,
    ):
        run = subprocess.run(
            [
                str(SCHEMATHESIS),
                f"--config-file={PROJECT_ROOT / 'tests' / 'schemathesis.toml'}",
                "run",
                f"{base}/openapi.json",
                "--checks=all",
                "--phases=examples,coverage,fuzzing,stateful",
                "--mode=all",
                "--max-examples=30",
                "--seed=17",
                "--workers=1",
                "--request-timeout=60",
                "--continue-on-failure",
                "--generation-database=none",
                f"--header=Authorization: Bearer {KEY}",
                "--report=junit",
                f"--report-junit-path={junit}",
                "--no-color",
            ],
            # In the test's folder: schemathesis keeps a cache of crashes in its working directory.
            cwd=folder,
            env={**os.environ, "SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks", "PYTHONPATH": str(PROJECT_ROOT)},
            capture_output=True,
            text=True,
            timeout=1200,
        )
    assert junit.exists(), run.stdout + run.stderr
    failures: dict[str, list[str]] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):  # noqa: S314 (the report schemathesis just wrote)
        problems = [*case.iter("failure"), *case.iter("error")]
        failures[case.get("name", "")] = [(problem.get("message") or "") + (problem.text or "") for problem in problems]
    failures["<run>"] = [] if run.returncode == 0 else [run.stdout[-20_000:]]
    return failures


def test_every_operation_is_fuzzed(report):
    assert len(OPERATIONS) >= 16
    assert set(OPERATIONS) <= set(report), sorted(set(OPERATIONS) - set(report))
    assert report["<run>"] == [] or any(report[label] for label in OPERATIONS), report["<run>"]


@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_passes_every_check(report, label):
    assert report.get(label) == [], "\n\n".join(report.get(label) or ["not tested"])
