"""The reader's view of the race, built from its filters, each declared once in FILTERS: the ViewState fields it
holds, how a link gives it (URL keys, parsing, notices), how it is written back, and the rule by which it keeps
rows. ViewState, the link's keys, the rule (filter_events) and the charts' cache key all follow from FILTERS, so
adding a filter is one entry there.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields, make_dataclass
from datetime import date

import numpy as np
import pandas as pd

from tracker.data.formatting import day_text
from tracker.reader.link_values import LinkValues, short

REQUIRED = object()  # a field every view must give (no default)
EVENT_SPAN_COLUMNS = ["event_id", "date_start", "date_end", "country_iso3"]


@dataclass(frozen=True)
class Bounds:
    """What a valid view may hold: the data's date range, the default range, known countries, speakers and events."""

    first: date
    last: date
    default_start: date
    default_end: date
    countries: frozenset[str]
    speakers: frozenset[str] = field(default_factory=frozenset)
    # Each ally's code by its names as a link may write them (country_key: 'turkiye', 'turkey', 'us', 'netherlands').
    country_names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Each event's period (date_start to the day before date_end) and country, for the rule: a link may focus an
    # event only when the filters show it.
    events: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=EVENT_SPAN_COLUMNS), compare=False, hash=False
    )

    def default(self) -> "ViewState":
        return ViewState(self.default_start, self.default_end)


@dataclass(frozen=True)
class Filter:
    """One filter of the view."""

    name: str
    fields: tuple[tuple[str, type, object], ...]  # the ViewState fields it holds: (name, type, default or REQUIRED)
    url_keys: tuple[str, ...]
    read: Callable[[LinkValues, dict, Bounds], dict]  # the link's values → its fields, given the fields read before it
    write: Callable[[object, object], dict[str, str]]  # (view, default view) → link values; leave out the defaults
    keeps: Callable[[pd.DataFrame, object], np.ndarray] | None = None  # the rows it lets through (a boolean mask)
    rows: str = "events"  # what `keeps` applies to: "events" (every chart's rows) or "quotes" (the quotes page)


def _read_dates(link: LinkValues, before: dict, bounds: Bounds) -> dict:
    start = link.day("from", bounds.first, bounds.last) or bounds.default_start
    end = link.day("to", bounds.first, bounds.last) or bounds.default_end
    if start > end:
        link.notices.append(f"The link's dates were reversed; showing {day_text(end)} to {day_text(start)}.")
        start, end = end, start
    return {"start": start, "end": end}


def _write_dates(view, default) -> dict[str, str]:
    return {
        key: day.isoformat()
        for key, day, usual in (("from", view.start, default.start), ("to", view.end, default.end))
        if day != usual
    }


def _overlaps_dates(rows: pd.DataFrame, view) -> np.ndarray:
    """Overlap, not the best-estimate date: an event known only as 'in 2023' belongs to any range touching 2023."""
    start, end = (np.datetime64(day, "ns") for day in (view.start, view.end))
    return (rows["date_start"].to_numpy() <= end) & (rows["date_end"].to_numpy() > start)


def _read_as_of(link: LinkValues, before: dict, bounds: Bounds) -> dict:
    """The backer map's date, moved into the chosen dates (inside the data's): one notice, in words, not the link's
    key (editor round 30 read “as_of” as an internal name; round 38 got two notices for one date)."""
    name = "date for the backer map"
    return {"as_of": link.day("as_of", before["start"], before["end"], name=name, within="the chosen dates")}


def _read_event(link: LinkValues, before: dict, bounds: Bounds) -> dict:
    event = link.single("event")
    if event is None:
        return {"event": None}
    if event not in set(bounds.events["event_id"]):
        link.notices.append(f"Ignored the unknown event “{short(event)}”.")
        return {"event": None}
    if event not in set(filter_rows(bounds.events, ViewState(**before))["event_id"]):
        link.notices.append(f"Ignored “event={short(event)}”: that event is outside the chosen dates and countries.")
        return {"event": None}
    return {"event": event}


def _in(column: str, field_name: str):
    """The rule of a list filter: rows whose `column` is one of the chosen values, or every row when none is chosen."""

    def keeps(rows: pd.DataFrame, view) -> np.ndarray:
        chosen = set(getattr(view, field_name))
        return np.array([value in chosen for value in rows[column]], dtype=bool) if chosen else np.ones(len(rows), bool)

    return keeps


def _write_list(key: str, field_name: str):
    return lambda view, default: {key: ",".join(getattr(view, field_name))} if getattr(view, field_name) else {}


def country_key(name: str) -> str:
    """A country's name as links and searches may write it, reduced to compare: 'Türkiye', 'Turkiye' and 'turkiye'
    are 'turkiye'; 'the Netherlands' is 'netherlands'; 'U.S.' is 'us'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.strip().lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z ]", "", plain).removeprefix("the ").strip()


FILTERS: list[Filter] = [
    Filter(
        "dates",
        (("start", date, REQUIRED), ("end", date, REQUIRED)),
        ("from", "to"),
        _read_dates,
        _write_dates,
        keeps=_overlaps_dates,
    ),
    Filter(
        "countries",
        (("countries", tuple[str, ...], ()),),
        ("countries",),  # empty: every country
        lambda link, before, bounds: {
            "countries": tuple(
                sorted(
                    link.members(
                        "countries", bounds.countries, lambda v: bounds.country_names.get(country_key(v), v.upper())
                    )
                )
            )
        },
        _write_list("countries", "countries"),
        keeps=_in("country_iso3", "countries"),
    ),
    Filter(
        "as_of",
        (("as_of", date | None, None),),
        ("as_of",),
        _read_as_of,  # the backer map's date; None: its default
        lambda view, default: {"as_of": view.as_of.isoformat()} if view.as_of is not None else {},
    ),
    Filter(
        "speakers",
        (("speakers", tuple[str, ...], ()),),
        ("speakers",),  # the quotes page's; empty: everyone
        lambda link, before, bounds: {"speakers": link.members("speakers", bounds.speakers)},
        _write_list("speakers", "speakers"),
        keeps=_in("actor", "speakers"),
        rows="quotes",
    ),
    Filter(
        "event",
        (("event", str | None, None),),
        ("event",),
        _read_event,  # the timeline's focus; None: the first shown
        lambda view, default: {"event": view.event} if view.event is not None else {},
    ),
]


def view_state_class(filters: list[Filter]) -> type:
    """The frozen dataclass whose fields are the filters' fields, in order."""
    cls = make_dataclass(
        "ViewState",
        [
            (name, kind) if default is REQUIRED else (name, kind, field(default=default))
            for f in filters
            for name, kind, default in f.fields
        ],
        frozen=True,
    )
    cls.__module__ = __name__  # so a view pickles and hashes like any class of this module
    return cls


ViewState = view_state_class(FILTERS)
ViewState.__doc__ = (
    "The reader's view: one field per filter field of FILTERS (dates, countries, map date, speakers, focus)."
)


def row_filters(kind: str = "events") -> list:
    """The filters that keep rows of `kind` in or out."""
    return [f for f in FILTERS if f.keeps is not None and f.rows == kind]


def filter_rows(rows: pd.DataFrame, view, kind: str = "events") -> pd.DataFrame:
    """The rows every filter of `kind` lets through."""
    keep = np.ones(len(rows), dtype=bool)  # numpy, not pandas: a new view filters a few times per rerun
    for f in row_filters(kind):
        keep &= f.keeps(rows, view)
    return rows[keep]


def rows_key(view, kind: str = "events") -> tuple:
    """The fields the filters of `kind` read, named: views with the same key keep the same rows (filter_rows)."""
    return tuple((name, getattr(view, name)) for f in row_filters(kind) for name, _, _ in f.fields)


def cache_key(view, ignore: tuple[str, ...] = ()) -> tuple:
    """Every field of the view but those in `ignore`, named: a filter added to FILTERS is in every key."""
    return tuple((f.name, getattr(view, f.name)) for f in fields(view) if f.name not in ignore)
