from datetime import date

from pydantic import BaseModel, ConfigDict

from app.exports import CsvColumns, joined


class RoleRead(BaseModel):
    title: str
    organization: str | None
    country: str | None
    valid_from: date | None
    valid_to: date | None


class PersonRef(BaseModel):
    id: str
    name: str


class PersonRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "jane-doe",
                    "name": "Jane Doe",
                    "aliases": ["Doe"],
                    "roles": [
                        {
                            "title": "Secretary General",
                            "organization": "NATO",
                            "country": None,
                            "valid_from": None,
                            "valid_to": "2024-10-01",
                        }
                    ],
                    "article_count": 2,
                    "meeting_count": 3,
                }
            ]
        }
    )

    id: str
    name: str
    aliases: list[str]
    roles: list[RoleRead]
    article_count: int
    meeting_count: int


def _role_text(role: RoleRead) -> str:
    where = ", ".join(part for part in (role.organization, role.country) if part)
    span = f"{role.valid_from or ''}..{role.valid_to or ''}" if role.valid_from or role.valid_to else ""
    return " ".join(part for part in (role.title, f"({where})" if where else "", span) if part)


PERSON_CSV = CsvColumns[PersonRead](
    (
        ("id", lambda p: p.id),
        ("name", lambda p: p.name),
        ("aliases", lambda p: joined(p.aliases)),
        ("roles", lambda p: joined([_role_text(role) for role in p.roles])),
        ("article_count", lambda p: p.article_count),
        ("meeting_count", lambda p: p.meeting_count),
    )
)
