"""Journey 3: moving the map's as-of date changes its colours, legend counts and summary as the data says."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from reader import (
    Stream,
    assert_charts_drawn,
    assert_no_exception,
    eventually,
    open_page,
    open_replay,
    wait_ready,
)

from rutte_race import charts, views
from rutte_race.formatting import day_text
from rutte_race.load import load

TURKEY_BACKS = date(2024, 4, 29)
STATUS_COLOURS = (
    """el => [...el.querySelectorAll('g.role-mark path')].map(p => p.getAttribute('fill')).filter(Boolean)"""
)


@pytest.fixture(scope="module")
def expected():
    """What the data says the map should show on a day: summary line and legend labels."""
    ds = load()
    changes = views.stance_changes(ds)

    def on(day: date) -> tuple[str, list[str]]:
        frame = views.map_frame(ds, day, changes)
        counts = views.status_counts(frame)
        summary = f"On {day_text(day)}: {views.stance_summary(counts)}."
        return summary, sorted(
            f"{charts.MAP_LABELS[status]}: {n} {'ally' if n == 1 else 'allies'}" for status, n in counts.items() if n
        )

    return on


def legend_labels(page) -> list[str]:
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    texts = chart.locator("g.role-legend-label text").all_text_contents()
    return sorted(t for t in texts if t != "Not a NATO ally")  # the legend lists only the statuses present


def map_fills(page) -> list[str]:
    return page.locator('[data-testid="stVegaLiteChart"]').first.evaluate(STATUS_COLOURS)


def test_moving_the_as_of_date_changes_the_map_as_the_data_says(app, app_url, expected):
    day_before = TURKEY_BACKS - timedelta(days=1)
    open_page(app, app_url, "backer_map", f"as_of={day_before.isoformat()}")
    summary, labels = expected(day_before)
    expect(app.get_by_text(summary)).to_be_visible()
    assert eventually(lambda: legend_labels(app), labels) == labels
    fills_before = map_fills(app)

    app.get_by_role("slider", name="As of").press("ArrowRight")
    wait_ready(app)
    summary_after, labels_after = expected(TURKEY_BACKS)
    assert summary_after != summary, "the data should change on the day Türkiye backs Rutte"
    expect(app.get_by_text(summary_after)).to_be_visible()
    assert eventually(lambda: legend_labels(app), labels_after) == labels_after
    assert map_fills(app) != fills_before
    expect(app).to_have_url(f"{app_url}/backer_map?as_of={TURKEY_BACKS.isoformat()}")
    assert_no_exception(app)


def test_the_replay_draws_the_allies_from_the_apps_own_shapes(app, app_url, screenshots):
    """The replay's shapes are a URL on the app's own server (not inlined in the figure); they must arrive."""
    open_page(app, app_url, "backer_map")
    with app.expect_response(lambda r: r.url.endswith("/app/static/allies.geojson")) as shapes:
        replay = open_replay(app)
    response = shapes.value
    assert response.status == 200
    assert len(response.json()["features"]) == 32
    expect(replay.get_by_text("▶ Play")).to_be_visible()
    replay.screenshot(path=screenshots / "replay-desktop.png")
    assert_no_exception(app)


PLOTLY_LOADED = "() => performance.getEntriesByType('resource').some(entry => entry.name.includes('PlotlyChart'))"


def test_the_replay_and_plotly_load_only_when_the_reader_asks(app, app_url):
    """Plotly's bundle (4.7 MB) and the replay's frames cost a reader nothing until they open the replay."""
    open_page(app, app_url, "backer_map")
    assert_charts_drawn(app)
    assert app.locator('[data-testid="stPlotlyChart"]').count() == 0
    assert not app.evaluate(PLOTLY_LOADED)
    open_replay(app)
    assert app.evaluate(PLOTLY_LOADED)
    assert_no_exception(app)


@pytest.mark.parametrize("control", ["slider", "jump button"])
def test_the_as_of_controls_rerun_only_the_map_s_part_of_the_page(app, app_url, control):
    """The as-of date lives in a fragment: moving it asks the server for that part alone, which sends back the
    map, its summary and table, never the sidebar, the replay or the history."""
    stream = Stream(app)
    open_page(app, app_url, "backer_map", "as_of=2024-04-28")
    open_replay(app)  # open, so the rerun could send it again
    stream.clear()
    if control == "slider":
        app.get_by_role("slider", name="As of").press("ArrowRight")
    else:
        app.get_by_role("button", name="Next change").click()
    stream.wait_finished(app)
    wait_ready(app)

    elements = stream.fragment_elements()
    assert "vega_lite_chart" in elements and "plotly_chart" not in elements, elements
    expect(app.get_by_text(f"On {day_text(TURKEY_BACKS)}:")).to_be_visible()
    expect(app).to_have_url(f"{app_url}/backer_map?as_of={TURKEY_BACKS.isoformat()}")
    assert_no_exception(app)
