"""The reader's view of the race (ViewState), what a valid view may hold (Bounds), and the view as a cache key."""
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class ViewState:
    start: date
    end: date
    countries: tuple[str, ...] = ()  # empty: every country
    as_of: date | None = None  # the backer map's date; None: its default
    speakers: tuple[str, ...] = ()  # the quotes page's speaker filter; empty: everyone
    event: str | None = None  # the timeline's focused event (an event_id); None: the first one shown


@dataclass(frozen=True)
class EventSpan:
    """Where an event falls for the filters: its period, from `start` to the day before `end`, and its country."""

    start: date
    end: date
    country: str = ""

    def shown_in(self, view: ViewState) -> bool:
        """The rule of filters.filter_events: the period overlaps the dates and, if countries are chosen, it is about one."""
        return self.start <= view.end and self.end > view.start and (not view.countries or self.country in view.countries)


@dataclass(frozen=True)
class Bounds:
    """What a valid view may hold: the data's date range, the default range, known countries, speakers and events."""

    first: date
    last: date
    default_start: date
    default_end: date
    countries: frozenset[str]
    speakers: frozenset[str] = field(default_factory=frozenset)
    events: Mapping[str, EventSpan] = field(default_factory=dict, hash=False)  # by event_id

    def default(self) -> ViewState:
        return ViewState(self.default_start, self.default_end)


def cache_key(view: ViewState, ignore: tuple[str, ...] = ()) -> tuple:
    """Every field of the view but those in `ignore`, named: a field added to ViewState is in every key."""
    return tuple((f.name, getattr(view, f.name)) for f in fields(view) if f.name not in ignore)
