from datetime import date

from pydantic import BaseModel, ConfigDict


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
