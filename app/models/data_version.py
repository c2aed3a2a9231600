import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class DataVersion(SQLModel, table=True):
    """One row whose number goes up with every write: the key of response caches and ETags."""

    __tablename__ = "data_version"
    __table_args__ = (sa.CheckConstraint("id = 1", name="ck_data_version_single_row"),)

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_type=sa.BigInteger)
