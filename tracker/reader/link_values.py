"""Reading one value of a link leniently: each problem becomes a plain-language notice, never an error."""

from datetime import date

from tracker.data.formatting import day_text

MAX_VALUE_LENGTH = 400


def short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


class LinkValues:
    """The query parameters of a link, read one key at a time; `notices` collects what was ignored or moved."""

    def __init__(self, params: dict[str, list[str]]):
        self.params = params
        self.notices: list[str] = []

    def single(self, key: str) -> str | None:
        values = [v for v in self.params.get(key, []) if v != ""]
        if not values:
            return None
        if len(values) > 1:
            self.notices.append(f"The link gave “{key}” {len(values)} times; used the first.")
        if len(values[0]) > MAX_VALUE_LENGTH:
            self.notices.append(f"Ignored “{key}”: the value is too long.")
            return None
        return values[0]

    def day(self, key: str, first: date, last: date, name: str = "", within: str = "the data's range") -> date | None:
        """A YYYY-MM-DD date, moved into first..last (with a notice naming it, `name` or its key, and the range,
        `within`) when outside."""
        value = self.single(key)
        if value is None:
            return None
        parsed = _date(value)
        if parsed is None:
            self.notices.append(f"Ignored “{key}={short(value)}”: not a date in the form YYYY-MM-DD.")
            return None
        moved = min(max(parsed, first), last)
        if moved != parsed:
            self.notices.append(
                f"The link's {name or f'“{key}” date'}, {day_text(parsed)}, is outside {within} ({day_text(first)} "
                f"to {day_text(last)}); showing {day_text(moved)}."
            )
        return moved

    def members(self, key: str, known: frozenset[str], normal=str) -> tuple[str, ...]:
        """The known values of a comma-separated list, in the order given, each once."""
        raw = [part.strip() for v in self.params.get(key, []) for part in v.split(",")]
        if any(len(p) > MAX_VALUE_LENGTH for p in raw):
            self.notices.append(f"Ignored a value of “{key}” that is too long.")
        raw = [normal(p) for p in raw if p and len(p) <= MAX_VALUE_LENGTH]
        kept = tuple(dict.fromkeys(p for p in raw if p in known))
        unknown = [p for p in dict.fromkeys(raw) if p not in known]
        if unknown:
            shown = ", ".join(short(u) for u in unknown[:5]) + (" …" if len(unknown) > 5 else "")
            self.notices.append(f"Ignored unknown {key}: {shown}.")
        return kept
