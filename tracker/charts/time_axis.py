"""Time axes that follow the reader's dates: a domain from the first chosen day to the end of the last, and
unique ticks at natural boundaries (month starts; weeks in a short range; the day itself for a single day).

The timeline also draws a long, nearly empty stretch at its start narrower than the rest, and says so.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

QUIET_SHARE = 0.12  # of the width, for a quiet stretch drawn narrower
QUIET_EVENTS = 0.12  # a stretch is quiet when it holds at most this share of the events...
QUIET_SPAN = 0.3  # ...and would take more than this share of a linear axis


def domain(start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the start of `start` to the end of `end` (the next midnight), so a single day has a width."""
    return pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize() + pd.Timedelta(days=1)


def ticks(start, end) -> list[tuple[pd.Timestamp, str]]:
    """Tick dates and their labels inside [start, end]: month starts, or weekly in a range under two months,
    or the single day. Labels never repeat."""
    first, last = domain(start, end)
    days = (last - first).days
    if days <= 2:
        return [(first, f"{first:%-d %b %Y}")]
    if days <= 62:
        dates = [d for d in pd.date_range(first, last - pd.Timedelta(days=1), freq="D") if d.day in (1, 8, 15, 22)]
        return [(d, f"{d:%-d %b}") for d in dates]
    dates = list(pd.date_range(first + pd.offsets.MonthBegin(0), last - pd.Timedelta(days=1), freq="MS"))
    return [(d, f"{d:%b %Y}") for d in dates]


def temporal_axis(start, end, **options) -> tuple[dict, dict]:
    """A temporal scale over the chosen dates and an axis with `ticks` (labels from a one-line format per range)."""
    first, last = domain(start, end)
    marks = ticks(start, end)
    values = [{"year": d.year, "month": d.month, "date": d.day} for d, _ in marks]
    days = (last - first).days
    label_format = "%-d %b %Y" if days <= 2 else "%-d %b" if days <= 62 else "%b %Y"
    scale = {"domain": [first.isoformat(), last.isoformat()]}
    # "parity": when labels crowd, every other one goes, so those left stay evenly spaced ("greedy" dropped a
    # month here and there, which read as a gap in time).
    axis = {"values": values, "format": label_format, "labelOverlap": "parity", "labelBound": True, "labelFlush": True}
    return scale, {**axis, **options}


BREAK_MARK = "//"  # drawn across the axis where a squeezed stretch ends, as print charts mark a break


@dataclass(frozen=True)
class Positions:
    """Dates placed along 0..1; a quiet stretch at the start, when there is one, takes QUIET_SHARE of the width."""

    first: pd.Timestamp
    last: pd.Timestamp
    split: pd.Timestamp | None  # the end of the quiet stretch, or None when the axis is linear

    def __call__(self, dates) -> np.ndarray:
        """The position of each of `dates` (numpy's datetimes: a timeline's view is drawn from scratch, and
        pandas' Series arithmetic cost most of it)."""
        first, last = self.first.to_datetime64(), self.last.to_datetime64()
        dates = np.clip(np.asarray(dates, dtype="datetime64[ns]"), first, last)
        if self.split is None:
            return (dates - first) / (last - first)
        split = self.split.to_datetime64()
        quiet = (dates - first) / (split - first) * QUIET_SHARE
        busy = QUIET_SHARE + (dates - split) / (last - split) * (1 - QUIET_SHARE)
        return np.where(dates < split, quiet, busy)

    def ticks(self) -> list[tuple[float, str]]:
        """(position, label) of each tick; in a quiet stretch only its first month start, by its year, so labels
        never crowd."""
        marks = ticks(self.first, self.last - pd.Timedelta(days=1))
        monthly = (self.last - self.first).days > 62
        if self.split is not None:
            # The squeezed band by its year alone ('2023'), and every third month after it from its first: on a
            # phone the axis then has room for that first month, whose label its thinning dropped (editor round
            # 32: the first backing's January 2024 went unlabelled).
            quiet = [(day, f"{day:%Y}") for day, _ in marks if day < self.split][:1]
            busy = [(day, label) for day, label in marks if day >= self.split]
            marks = quiet + (busy[::3] if monthly and len(busy) > 6 else busy)
        return [
            (round(float(p), 6), label)
            for p, label in zip(self([d.to_datetime64() for d, _ in marks]), [lab for _, lab in marks])
        ]

    def note(self) -> str:
        if self.split is None:
            return ""
        before = self.split - pd.Timedelta(days=1)
        months = (
            f"{self.first:%b}–{before:%b %Y}"
            if self.first.year == before.year
            else f"{self.first:%b %Y}–{before:%b %Y}"
        )
        return f"{BREAK_MARK} Axis break: {months} squeezed into the grey band"


def positions(start, end, dates: pd.Series) -> Positions:
    """The timeline's placement of dates for a view from `start` to `end` holding events on `dates`."""
    first, last = domain(start, end)
    inside = pd.to_datetime(dates).clip(first, last).sort_values()
    if inside.empty:
        return Positions(first, last, None)
    split = inside.quantile(QUIET_EVENTS).to_period("M").to_timestamp()  # the month start after the quiet stretch
    if split <= first or (split - first) <= QUIET_SPAN * (last - first) or (inside < split).mean() > QUIET_EVENTS:
        return Positions(first, last, None)
    return Positions(first, last, split)


def position_axis(places: Positions, **options) -> dict:
    """An axis for a quantitative x of `places` positions, with the date labels of `places.ticks()`."""
    marks = places.ticks()
    lookup = "{" + ", ".join(f"'{_js_number(p)}': '{label}'" for p, label in marks) + "}"
    # Labels near an edge hang inward, so the first and last are drawn rather than dropped at the bounds; the first
    # after an axis break starts at the break, clear of the label before it (centred, Vega found the two overlapping
    # and dropped every other label: the first backing's January went unlabelled, editor round 32).
    after_break = f" || datum.value == {_js_number(QUIET_SHARE)}" if places.split is not None else ""
    align = {
        "condition": [
            {"test": f"datum.value < 0.06{after_break}", "value": "left"},
            {"test": "datum.value > 0.94", "value": "right"},
        ],
        "value": "center",
    }
    return {
        "values": [p for p, _ in marks],
        "labelExpr": f"{lookup}[toString(datum.value)]",
        "labelOverlap": "parity",
        "labelBound": True,
        "labelAlign": align,
        **options,
    }


def _js_number(value: float) -> str:
    """`value` as JavaScript's String() writes it (no '.0' on whole numbers), to look a tick's label up."""
    return str(int(value)) if float(value).is_integer() else repr(value)
