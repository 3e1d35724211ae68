"""Jumping through the race: where First, Previous, Next and Latest lead, and which events are the latest
developments."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import pandas as pd

from tracker.data.kinds import QUIET, with_role

T = TypeVar("T")


@dataclass(frozen=True)
class Jumps(Generic[T]):
    """Where each control leads; None where it would not move (the control is then disabled)."""

    first: T | None
    previous: T | None
    next: T | None
    latest: T | None


def jumps(stops: Sequence[T], here: T) -> Jumps[T]:
    """From `here` to the stops around it. `here` need not be a stop: the map's date may fall between two changes."""
    stops = sorted(set(stops))
    earlier, later = [s for s in stops if s < here], [s for s in stops if s > here]
    return Jumps(
        first=stops[0] if stops and stops[0] != here else None,
        previous=earlier[-1] if earlier else None,
        next=later[0] if later else None,
        latest=stops[-1] if stops and stops[-1] != here else None,
    )


def steps(ids: Sequence[str], here: str) -> Jumps[str]:
    """jumps() through items in reading order, named by id (`here` must be one of them)."""
    at = jumps(range(len(ids)), list(ids).index(here))
    return Jumps(*(None if i is None else ids[i] for i in (at.first, at.previous, at.next, at.latest)))


def in_order(events: pd.DataFrame) -> pd.DataFrame:
    """Events in the order the controls step through them: by date, the data's own order within a day."""
    return events.sort_values("date", kind="stable")


def first_milestone(ordered: pd.DataFrame, milestones: dict[str, str]) -> str | None:
    """The first of `ordered` events (in_order) that is a milestone of the race, where a reader starts; None if none."""
    return next((event_id for event_id in ordered["event_id"] if event_id in milestones), None)


def latest(events: pd.DataFrame, published: dict, count: int = 5) -> pd.DataFrame:
    """The newest developments among `events`, newest first: no background or context, nothing an article only
    announces ahead (dated after the article, by `published`: article id to its date), one row per fact (the first
    report of it), and on the same date the rows dated to the day before the estimates."""
    # In plain Python over row positions: pandas' sorts and copies of the whole frame cost ms for each new view.
    row_kinds, facts, dates, articles = (events[c].tolist() for c in ("kind", "fact_id", "date", "article_id"))
    quiet = set(with_role(QUIET))  # not developments of the race
    exact = [str(p) == "day" for p in events["date_precision"]]
    news = sorted(
        (i for i in range(len(events)) if str(row_kinds[i]) not in quiet and dates[i] <= published[articles[i]]),
        key=dates.__getitem__,
    )
    seen: set[str] = set()
    first_reports = []
    for i in news:
        if facts[i] == "" or facts[i] not in seen:
            first_reports.append(i)
        seen.add(facts[i])
    newest = sorted(first_reports, key=lambda i: (dates[i], exact[i]), reverse=True)  # stable: ties keep their order
    return events.iloc[newest[:count]]
