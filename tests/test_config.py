import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import SettingsError, load_settings
from tests.conftest import PROJECT_ROOT


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///./x.db")
    monkeypatch.setenv("SEEDS_DIR", "/srv/seeds")
    monkeypatch.setenv("INGEST_ON_STARTUP", "false")
    monkeypatch.setenv("API_KEYS", "one, two,,")
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example,https://b.example")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("TELEMETRY", "true")

    settings = load_settings()

    assert settings.database_url == "sqlite:///./x.db"
    assert settings.seeds_dir == Path("/srv/seeds")
    assert settings.ingest_on_startup is False
    assert settings.api_keys == ["one", "two"]
    assert settings.cors_origins == ["https://a.example", "https://b.example"]
    assert settings.log_level == "DEBUG"
    assert settings.telemetry is True


def test_fastapi_telemetry_is_off_unless_asked_for(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TELEMETRY", raising=False)

    from app.application import create_app

    quiet, traced = create_app(load_settings()), create_app(load_settings(telemetry=True))

    telemetry = getattr(quiet, "_telemetry", None)
    if telemetry is None:
        pytest.skip("this FastAPI has no telemetry to turn off")
    assert (telemetry["tracing"], telemetry["metrics"], telemetry["logs"]) == (False, False, False)
    assert traced._telemetry["tracing"] is True


@pytest.mark.parametrize(
    ("variable", "value"),
    [("LOG_LEVEL", "LOUD"), ("INGEST_ON_STARTUP", "maybe"), ("DATABASE_URL", "mysql://x/y")],
)
def test_an_invalid_setting_fails_with_a_message_naming_the_variable(monkeypatch, tmp_path, variable, value):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=f"invalid setting {variable}"):
        load_settings()


def test_the_server_refuses_to_start_on_an_invalid_setting(tmp_path):
    env = {**os.environ, "LOG_LEVEL": "LOUD", "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", "0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "invalid setting LOG_LEVEL" in result.stderr
    assert "Traceback" not in result.stderr
