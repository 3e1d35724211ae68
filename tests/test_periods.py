"""The date control's presets come from the data, and its range is the race unless the view reaches past it."""

from datetime import date

import pandas as pd
import pytest

from tracker.model.load import load
from tracker.reader import periods
from tracker.reader.filters import bounds_of


@pytest.fixture(scope="module")
def ds():
    return load()


def test_presets_are_the_race_its_first_half_year_since_the_last_holdout_after_the_appointment_and_everything(ds):
    got = [(p.name, p.label, p.start, p.end) for p in periods.presets(ds, bounds_of(ds))]
    assert got == [
        ("race", "Jul 2023–Oct 2024", date(2023, 7, 7), date(2024, 10, 1)),
        ("run-up", "Jan–Jun 2024", date(2024, 1, 1), date(2024, 6, 30)),
        ("holdout", "Since Türkiye's backing", date(2024, 4, 29), date(2024, 10, 1)),
        ("decided", "After the appointment", date(2024, 6, 26), date(2024, 10, 1)),
        ("background", "Everything, from 2010", date(2010, 10, 14), date(2024, 10, 1)),
    ]


NAMES = {"HUN": "Hungary", "TUR": "Türkiye", "USA": "United States"}


def stance_periods(rows):
    """Stance periods (views.stance_periods) of rows (iso3, stance, date, derived) in date order per ally."""
    frame = pd.DataFrame(rows, columns=["iso3", "status", "start", "derived"])
    frame = frame.assign(start=pd.to_datetime(frame["start"]), name=frame["iso3"].map(NAMES), precision="day")
    frame = frame.assign(last=frame["start"], last_precision="day")  # each stance reported on its first day only
    return frame.assign(end=frame.groupby("iso3")["start"].shift(-1))


@pytest.mark.parametrize(
    "rows,expected",
    [
        (
            [
                ("HUN", "opposes", "2024-03-05", False),
                ("TUR", "reservations", "2024-03-31", False),
                ("TUR", "backs", "2024-04-29", False),
                ("HUN", "backs", "2024-06-18", False),
            ],
            ("Hungary", date(2024, 6, 18)),
        ),
        (
            [
                ("TUR", "reservations", "2024-03-31", False),
                ("TUR", "backs", "2024-04-29", False),
                ("USA", "backs", "2024-05-01", False),
            ],
            ("Türkiye", date(2024, 4, 29)),
        ),  # the US never held out
        (
            [("HUN", "opposes", "2024-03-05", False), ("HUN", "backs", "2024-06-26", True)],
            None,
        ),  # only the derived consensus
    ],
)
def test_last_holdout_backing(ds, rows, expected):
    assert periods.last_holdout_backing(stance_periods(rows)) == expected


@pytest.mark.parametrize(
    "start,end,expected",
    [
        (date(2023, 7, 7), date(2024, 10, 1), (date(2023, 7, 7), date(2024, 10, 1))),
        (date(2024, 4, 29), date(2024, 4, 29), (date(2023, 7, 7), date(2024, 10, 1))),
        (date(2023, 7, 6), date(2024, 1, 1), (date(2010, 10, 14), date(2024, 10, 1))),  # a link from before the race
        (date(2012, 1, 1), date(2012, 12, 31), (date(2010, 10, 14), date(2024, 10, 1))),
    ],
)
def test_the_control_offers_the_race_unless_the_view_reaches_before_it(ds, start, end, expected):
    assert periods.control_range(bounds_of(ds), start, end) == expected


def test_matching_finds_the_preset_of_exact_dates_only(ds):
    presets = periods.presets(ds, bounds_of(ds))
    assert periods.matching(presets, date(2024, 1, 1), date(2024, 6, 30)).name == "run-up"
    assert periods.matching(presets, date(2024, 1, 1), date(2024, 6, 29)) is None
