"""Jump controls and latest developments: where First, Previous, Next and Latest lead, what counts as news,
and the timeline's highlight of the focused event."""

import json
from datetime import date

import pandas as pd
import pytest
import vl_convert

from tracker.charts import charts
from tracker.model import jump, views
from tracker.model.load import load
from tracker.reader.filters import bounds_of, facts_in_view

D = date


@pytest.mark.parametrize(
    "stops,here,expected",
    [
        ([1, 2, 3], 1, jump.Jumps(None, None, 2, 3)),
        ([1, 2, 3], 2, jump.Jumps(1, 1, 3, 3)),
        ([1, 2, 3], 3, jump.Jumps(1, 2, None, None)),
        ([3, 1, 2, 2], 2, jump.Jumps(1, 1, 3, 3)),  # unsorted, repeated: the same stops
        ([7], 7, jump.Jumps(None, None, None, None)),
        ([], 5, jump.Jumps(None, None, None, None)),
        # The map's date may fall between changes, before the first or after the last.
        (
            [D(2024, 2, 22), D(2024, 4, 29)],
            D(2024, 3, 1),
            jump.Jumps(D(2024, 2, 22), D(2024, 2, 22), D(2024, 4, 29), D(2024, 4, 29)),
        ),
        (
            [D(2024, 2, 22), D(2024, 4, 29)],
            D(2024, 1, 1),
            jump.Jumps(D(2024, 2, 22), None, D(2024, 2, 22), D(2024, 4, 29)),
        ),
        (
            [D(2024, 2, 22), D(2024, 4, 29)],
            D(2024, 9, 1),
            jump.Jumps(D(2024, 2, 22), D(2024, 4, 29), None, D(2024, 4, 29)),
        ),
    ],
)
def test_jumps_lead_to_the_stops_around_here_and_stay_put_at_the_ends(stops, here, expected):
    assert jump.jumps(stops, here) == expected


@pytest.mark.parametrize(
    "ids,here,expected",
    [
        (["a", "b", "c"], "a", jump.Jumps(None, None, "b", "c")),
        (["a", "b", "c"], "b", jump.Jumps("a", "a", "c", "c")),
        (["a", "b", "c"], "c", jump.Jumps("a", "b", None, None)),
        (["c", "a", "b"], "a", jump.Jumps("c", "c", "b", "b")),  # the ids' own order does not matter
    ],
)
def test_steps_follow_reading_order(ids, here, expected):
    assert jump.steps(ids, here) == expected


def events(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["event_id", "date", "date_precision", "kind", "fact_id"]).assign(
        date=lambda f: pd.to_datetime(f["date"]), article_id="report"
    )


def test_latest_developments_are_newest_first_one_per_fact_without_background_or_context():
    rows = events(
        ("old-backing", "2024-02-22", "day", "endorsement", ""),
        ("office", "2024-07-01", "day", "took_office", "office"),
        ("office-again", "2024-07-01", "day", "took_office", "office"),  # a second article's report of the same fact
        ("rough-statement", "2024-06-26", "approx", "statement", ""),
        ("appointed", "2024-06-26", "day", "appointment", ""),
        ("framing", "2024-06-27", "approx", "context", ""),
        ("history", "2024-07-01", "day", "background", ""),
    )
    published = {"report": pd.Timestamp("2024-07-02")}
    assert jump.latest(rows, published, 3)["event_id"].tolist() == ["office", "appointed", "rough-statement"]
    assert jump.latest(rows.head(0), published).empty
    # Reported on 30 June, the taking of office on 1 July is only announced: not yet a development.
    assert jump.latest(rows, {"report": pd.Timestamp("2024-06-30")}, 1)["event_id"].tolist() == ["appointed"]


def test_latest_developments_of_the_real_data_end_with_the_appointment():
    ds = load()
    rows = facts_in_view(ds, bounds_of(ds).default())
    latest = jump.latest(rows, dict(zip(ds.articles["article_id"], ds.articles["published"])))
    assert len(latest) == 5 and latest["date"].is_monotonic_decreasing
    # Rutte's taking office on 1 October is announced ahead by the report of c. 26 June: the appointment leads.
    assert latest.iloc[0]["event_id"] == "rutte-appointed" and "took_office" not in set(latest["kind"])
    assert set(latest["event_id"]) <= set(rows["event_id"])


def test_events_are_stepped_through_by_date_keeping_the_datas_order_within_a_day():
    rows = events(
        ("b", "2024-02-01", "day", "call", ""),
        ("a", "2024-01-01", "day", "call", ""),
        ("c", "2024-02-01", "day", "visit", ""),
    )
    assert jump.in_order(rows)["event_id"].tolist() == ["a", "b", "c"]


@pytest.fixture(scope="module")
def timeline_spec():
    ds = load()
    frame = charts.timeline_frame(ds.events, ds.articles)
    chart = charts.timeline(
        frame, charts.milestone_frame(frame, views.milestone_labels(ds)), "2023-07-07", "2024-10-01", "T", "S"
    )
    return chart.to_dict()  # validates against the Vega-Lite schema


def test_focus_on_a_date_before_the_axis_is_drawn_at_its_start(timeline_spec):
    # 'In 2023' is dated 1 January 2023; drawn there, the ring would fall off an axis starting in July.
    ring_rows = [
        row
        for rows in timeline_spec["datasets"].values()
        for row in rows
        if row.get("event_id") == "kallas-interest-2023" and set(row) == {"event_id", "slot", "pos"}
    ]
    assert [row["pos"] for row in ring_rows] == [0.0]


def test_timeline_highlights_nothing_until_an_event_is_focused(timeline_spec):
    assert timeline_spec["datasets"][charts.FOCUS] == [{"event_id": ""}]  # no event has an empty id
    assert '"from": {"data": {"name": "focus"}, "key": "event_id"' in json.dumps(timeline_spec)


def test_focused_timeline_rings_the_event_and_still_draws(timeline_spec):
    assert charts.focus_rows("turkey-backs-rutte") == [{"event_id": "turkey-backs-rutte"}]
    plain = vl_convert.vegalite_to_svg(timeline_spec)
    focused = vl_convert.vegalite_to_svg(
        {**timeline_spec, "datasets": {**timeline_spec["datasets"], "focus": [{"event_id": "turkey-backs-rutte"}]}}
    )
    assert focused != plain and focused.count("<path") > plain.count("<path")
