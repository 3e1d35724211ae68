"""The reader's view as URL query parameters: parsed leniently (with a notice for anything ignored) and written back."""
from dataclasses import replace
from datetime import date

from rutte_race.view_state import Bounds, EventSpan, ViewState  # noqa: F401  (EventSpan: imported from here by older code)

MAX_VALUE_LENGTH = 400
PARAMS = ("from", "to", "countries", "as_of", "speakers", "event")


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def _clamp(day: date, bounds: Bounds) -> date:
    return min(max(day, bounds.first), bounds.last)


def parse(params: dict[str, list[str]], bounds: Bounds) -> tuple[ViewState, list[str]]:
    """The view a link asks for, and one plain-language notice per value that was ignored or adjusted."""
    notices: list[str] = []
    state = bounds.default()

    for key in params:
        if key not in PARAMS:
            notices.append(f"Ignored the unknown link setting “{_short(key)}”.")

    def single(key: str) -> str | None:
        values = [v for v in params.get(key, []) if v != ""]
        if not values:
            return None
        if len(values) > 1:
            notices.append(f"The link gave “{key}” {len(values)} times; used the first.")
        if len(values[0]) > MAX_VALUE_LENGTH:
            notices.append(f"Ignored “{key}”: the value is too long.")
            return None
        return values[0]

    def day(key: str) -> date | None:
        value = single(key)
        if value is None:
            return None
        parsed = _date(value)
        if parsed is None:
            notices.append(f"Ignored “{key}={_short(value)}”: not a date in the form YYYY-MM-DD.")
            return None
        if _clamp(parsed, bounds) != parsed:
            notices.append(f"Moved “{key}” {parsed} into the data's range ({bounds.first} to {bounds.last}).")
        return _clamp(parsed, bounds)

    def members(key: str, known: frozenset[str], normal) -> tuple[str, ...]:
        raw = [part.strip() for v in params.get(key, []) for part in v.split(",")]
        if any(len(p) > MAX_VALUE_LENGTH for p in raw):
            notices.append(f"Ignored a value of “{key}” that is too long.")
        raw = [normal(p) for p in raw if p and len(p) <= MAX_VALUE_LENGTH]
        kept = tuple(dict.fromkeys(p for p in raw if p in known))
        unknown = [p for p in dict.fromkeys(raw) if p not in known]
        if unknown:
            shown = ", ".join(_short(u) for u in unknown[:5]) + (" …" if len(unknown) > 5 else "")
            notices.append(f"Ignored unknown {key}: {shown}.")
        return kept

    start, end = day("from"), day("to")
    start, end = start or state.start, end or state.end
    if start > end:
        notices.append(f"The link's dates were reversed; showing {end} to {start}.")
        start, end = end, start
    as_of = day("as_of")
    if as_of is not None and not start <= as_of <= end:
        notices.append(f"Moved “as_of” {as_of} into the chosen dates ({start} to {end}).")
        as_of = min(max(as_of, start), end)
    countries = members("countries", bounds.countries, str.upper)
    speakers = members("speakers", bounds.speakers, str)
    view = ViewState(start, end, tuple(sorted(countries)), as_of, speakers)
    event = single("event")
    if event is not None and event not in bounds.events:
        notices.append(f"Ignored the unknown event “{_short(event)}”.")
    elif event is not None and not bounds.events[event].shown_in(view):
        notices.append(f"Ignored “event={_short(event)}”: that event is outside the chosen dates and countries.")
    else:
        view = replace(view, event=event)
    return view, notices


def to_params(state: ViewState, bounds: Bounds) -> dict[str, str]:
    """Query parameters for `state`, leaving out whatever equals the default so links stay short."""
    default = bounds.default()
    params = {}
    if state.start != default.start:
        params["from"] = state.start.isoformat()
    if state.end != default.end:
        params["to"] = state.end.isoformat()
    if state.countries:
        params["countries"] = ",".join(state.countries)
    if state.as_of is not None:
        params["as_of"] = state.as_of.isoformat()
    if state.speakers:
        params["speakers"] = ",".join(state.speakers)
    if state.event is not None:
        params["event"] = state.event
    return params
