"""The date control's periods: presets computed from the data (the race, its first half-year, since the last
holdout came round, after the appointment, and everything with the background), and the range the control offers."""

import calendar
from dataclasses import dataclass
from datetime import date

import pandas as pd

from tracker.data import kinds
from tracker.model import views
from tracker.model.load import Dataset
from tracker.reader.view_state import Bounds

BACKGROUND = "background"  # the name of the one preset that reaches before the race


@dataclass(frozen=True)
class Period:
    name: str  # stable, for tests and code
    label: str  # what the reader taps
    start: date
    end: date


def last_holdout_backing(periods: pd.DataFrame) -> tuple[str, date] | None:
    """The last ally named as holding out that was then named as backing Rutte (not only counted at the decision),
    and that day, from its stance periods (views.stance_periods); None when no holdout came round in the rows."""
    came_round = [h for h in views.holdouts(periods) if h.end is not None and not h.end_derived]
    if not came_round:
        return None
    last = max(came_round, key=lambda h: h.end)
    return last.name, last.end.date()


def presets(ds: Dataset, bounds: Bounds) -> list[Period]:
    """The presets in the order the control shows them; each one only when the data gives its dates."""
    race_start, race_end = bounds.default_start, bounds.default_end
    # Named by its dates: "Whole race" hid the background before it, and the quotes dated there.
    out = [Period("race", f"{race_start:%b %Y}–{race_end:%b %Y}", race_start, race_end)]
    appointments = ds.events.loc[ds.events["kind"] == kinds.the_kind(kinds.DECISION), "date"]
    if not appointments.empty:
        day = appointments.min().date()
        month_end = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        run_up = Period("run-up", f"Jan–{day:%b} {day.year}", max(date(day.year, 1, 1), race_start), month_end)
        if run_up.start < run_up.end:
            out.append(run_up)
    holdout = last_holdout_backing(views.stance_periods(ds))
    if holdout is not None:
        out.append(Period("holdout", f"Since {holdout[0]}'s backing", holdout[1], race_end))
    if not appointments.empty:
        out.append(Period("decided", f"After the {ds.race.decision.noun}", appointments.min().date(), race_end))
    if bounds.first < race_start:
        out.append(Period(BACKGROUND, f"Everything, from {bounds.first.year}", bounds.first, bounds.last))
    return out


def matching(periods: list[Period], start: date, end: date) -> Period | None:
    return next((p for p in periods if (p.start, p.end) == (start, end)), None)


def control_range(bounds: Bounds, start: date, end: date) -> tuple[date, date]:
    """The dates the control offers: the race, unless the view already reaches before or after it (a link, or
    the background preset), then every date of the data."""
    if bounds.default_start <= start and end <= bounds.default_end:
        return bounds.default_start, bounds.default_end
    return bounds.first, bounds.last
