"""The data package descriptor (data/datapackage.json): the one place columns and vocabularies are defined."""

import dataclasses
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DESCRIPTOR = "datapackage.json"
# corrections.csv's kinds of line that the code reads by name (the descriptor lists them all): an article's error, a
# change to a row, and the withdrawal of an article_error line found not to be an error after all.
ARTICLE_ERROR, DATA_CHANGE, WITHDRAWAL = "article_error", "data_change", "withdrawal"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    unique: bool
    enum: tuple[str, ...] | None
    pattern: str | None


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    fields: tuple[Field, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]  # (field, other table, other field)
    schema: dict = dataclasses.field(compare=False, repr=False)  # the Table Schema as the descriptor gives it

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _table(resource: dict) -> Table:
    schema = resource["schema"]
    fields = []
    for f in schema["fields"]:
        c = f.get("constraints", {})
        enum = tuple(c["enum"]) if "enum" in c else None
        fields.append(
            Field(f["name"], f["type"], c.get("required", False), c.get("unique", False), enum, c.get("pattern"))
        )
    fks = tuple(
        (fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
        for fk in schema.get("foreignKeys", [])
    )
    return Table(resource["name"], resource["path"], tuple(fields), fks, schema)


def tables(descriptor: Path) -> dict[str, Table]:
    """Tabular resources of the descriptor, by name, in the order they are listed."""
    stat = Path(descriptor).stat()
    # Keyed by modification time and size too, so an edited descriptor is read again in a running app.
    return _tables(Path(descriptor), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _tables(descriptor: Path, mtime_ns: int, size: int) -> dict[str, Table]:
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    return {r["name"]: _table(r) for r in package["resources"] if "schema" in r}
