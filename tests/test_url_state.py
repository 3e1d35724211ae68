"""URL state: every link parses to a valid view, with a notice for whatever was ignored, and writes back short."""

from datetime import date

import pandas as pd
import pytest

from tracker.model.load import load
from tracker.reader.filters import bounds_of, filter_events
from tracker.reader.url_state import parse, to_params
from tracker.reader.view_state import Bounds, ViewState

BOUNDS = Bounds(
    first=date(2010, 10, 14),
    last=date(2024, 10, 1),
    default_start=date(2023, 7, 7),
    default_end=date(2024, 10, 1),
    countries=frozenset({"TUR", "HUN", "EST", "USA"}),
    speakers=frozenset({"Jens Stoltenberg", "Mark Rutte"}),
    events=pd.DataFrame(
        {
            "event_id": ["turkey-backs", "appointed", "interest-2023"],
            "date_start": pd.to_datetime(["2024-04-29", "2024-06-26", "2023-01-01"]),
            "date_end": pd.to_datetime(["2024-04-30", "2024-06-27", "2024-01-01"]),
            "country_iso3": ["TUR", "", "EST"],
        }
    ),
)
DEFAULT = BOUNDS.default()


@pytest.mark.parametrize(
    "params,expected,notice",
    [
        ({}, DEFAULT, None),
        ({"from": ["2024-01-01"]}, ViewState(date(2024, 1, 1), DEFAULT.end), None),
        ({"from": ["2024-13-01"]}, DEFAULT, "not a date in the form YYYY-MM-DD"),
        ({"from": ["<script>alert(1)</script>"]}, DEFAULT, "not a date"),
        ({"from": ["2024-06-01"], "to": ["2024-01-01"]}, ViewState(date(2024, 1, 1), date(2024, 6, 1)), "reversed"),
        ({"from": ["1900-01-01"]}, ViewState(BOUNDS.first, DEFAULT.end), "1 January 1900, is outside the data's range"),
        ({"countries": ["tur,XXX"]}, ViewState(DEFAULT.start, DEFAULT.end, ("TUR",)), "unknown countries: XXX"),
        ({"countries": ["TUR", "HUN,TUR"]}, ViewState(DEFAULT.start, DEFAULT.end, ("HUN", "TUR")), None),
        ({"from": ["2024-01-01", "2024-02-01"]}, ViewState(date(2024, 1, 1), DEFAULT.end), "2 times; used the first"),
        ({"from": ["x" * 5000]}, DEFAULT, "too long"),
        (
            {"countries": ["TUR," + "x" * 401]},
            ViewState(DEFAULT.start, DEFAULT.end, ("TUR",)),
            "“countries” that is too long",
        ),  # found by Hypothesis
        ({"as_of": ["2024-04-30"]}, ViewState(DEFAULT.start, DEFAULT.end, as_of=date(2024, 4, 30)), None),
        (
            {"to": ["2024-03-01"], "as_of": ["2024-04-30"]},
            ViewState(DEFAULT.start, date(2024, 3, 1), as_of=date(2024, 3, 1)),
            "date for the backer map, 30 April 2024, is outside the chosen dates",
        ),
        (
            {"speakers": ["Jens Stoltenberg,Nobody"]},
            ViewState(DEFAULT.start, DEFAULT.end, speakers=("Jens Stoltenberg",)),
            "unknown speakers: Nobody",
        ),
        ({"page": ["../../etc/passwd"]}, DEFAULT, "unknown link setting"),
        ({"event": ["appointed"]}, ViewState(DEFAULT.start, DEFAULT.end, event="appointed"), None),
        (
            {"event": ["turkey-backs"], "countries": ["TUR"]},
            ViewState(DEFAULT.start, DEFAULT.end, ("TUR",), event="turkey-backs"),
            None,
        ),
        (
            {"event": ["interest-2023"]},
            ViewState(DEFAULT.start, DEFAULT.end, event="interest-2023"),
            None,
        ),  # a year overlapping the dates
        ({"event": ["no-such-event"]}, DEFAULT, "unknown event “no-such-event”"),
        ({"event": ["<script>alert(1)</script>"]}, DEFAULT, "unknown event"),
        (
            {"event": ["turkey-backs"], "countries": ["HUN"]},
            ViewState(DEFAULT.start, DEFAULT.end, ("HUN",)),
            "outside the chosen dates and countries",
        ),
        (
            {"event": ["appointed"], "to": ["2024-06-25"]},
            ViewState(DEFAULT.start, date(2024, 6, 25)),
            "outside the chosen dates",
        ),
        (
            {"event": ["appointed", "turkey-backs"]},
            ViewState(DEFAULT.start, DEFAULT.end, event="appointed"),
            "2 times; used the first",
        ),
        ({"event": ["", "appointed"]}, ViewState(DEFAULT.start, DEFAULT.end, event="appointed"), None),
    ],
)
def test_parse_keeps_what_is_valid_and_notices_the_rest(params, expected, notice):
    state, notices = parse(params, BOUNDS)
    assert state == expected
    if notice is None:
        assert notices == []
    else:
        assert any(notice in n for n in notices), notices


def test_a_map_date_far_outside_the_data_gets_one_notice_in_words():
    # editor round 38: two notices for one date, the first naming the link's key “as_of”
    _, notices = parse({"as_of": ["2031-01-01"]}, BOUNDS)
    assert notices == [
        f"The link's date for the backer map, 1 January 2031, is outside the chosen dates ("
        f"{DEFAULT.start.day} {DEFAULT.start:%B %Y} to {DEFAULT.end.day} {DEFAULT.end:%B %Y}); showing "
        f"{DEFAULT.end.day} {DEFAULT.end:%B %Y}."
    ]


@pytest.mark.parametrize(
    "state",
    [
        DEFAULT,
        ViewState(
            date(2024, 1, 1), date(2024, 6, 30), ("EST", "TUR"), date(2024, 4, 30), ("Mark Rutte",), "turkey-backs"
        ),
        ViewState(BOUNDS.first, BOUNDS.last),
    ],
)
def test_written_params_parse_back_to_the_same_view(state):
    params = {k: [v] for k, v in to_params(state, BOUNDS).items()}
    assert parse(params, BOUNDS) == (state, [])


def test_default_view_writes_an_empty_query():
    assert to_params(DEFAULT, BOUNDS) == {}


@pytest.mark.parametrize(
    "view",
    [
        ViewState(date(2023, 7, 7), date(2024, 10, 1)),
        ViewState(date(2024, 4, 29), date(2024, 4, 29)),
        ViewState(date(2023, 12, 31), date(2024, 1, 1), ("EST", "LVA")),
        ViewState(date(2010, 1, 1), date(2024, 10, 1), ("HUN", "TUR")),
        ViewState(date(2024, 6, 27), date(2024, 9, 30)),
    ],
)
def test_a_link_may_focus_exactly_the_events_the_filters_show(view):
    ds = load()
    bounds = bounds_of(ds)
    shown = set(filter_events(ds.events, view)["event_id"])
    dated = {k: [v] for k, v in to_params(view, bounds).items()}
    focusable = {e for e in ds.events["event_id"] if parse({**dated, "event": [e]}, bounds)[0].event == e}
    assert focusable == shown


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Turkiye,U.S.", ("TUR", "USA")),
        ("t%C3%BCrkiye", ()),  # percent-encoding is the browser's to undo: a raw escape is no name
        ("Türkiye, the Netherlands", ("NLD", "TUR")),
        ("turkey,holland,hun", ("HUN", "NLD", "TUR")),
        ("United Kingdom,Britain,UK", ("GBR",)),
    ],
)
def test_a_link_may_name_allies_by_name_or_by_another_name(ds, written, expected):
    view, _ = parse({"countries": [written]}, bounds_of(ds))
    assert view.countries == expected
