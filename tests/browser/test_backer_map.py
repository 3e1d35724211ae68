"""Journey 3: moving the map's as-of date changes its colours, legend counts and summary as the data says."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from reader import Stream, assert_no_exception, eventually, open_page, wait_ready

TURKEY_BACKS = date(2024, 4, 29)
STATUS_COLOURS = (
    """el => [...el.querySelectorAll('g.role-mark path')].map(p => p.getAttribute('fill')).filter(Boolean)"""
)


# What the articles give for the two days either side of Türkiye's backing (29 April 2024): the map's description and
# its legend. Hungary stays opposed from 5 March; Türkiye is named as not yet backing from c. 4 April. Both were last
# reported holding out c. 4 April, so by late April the map draws them faded, as not reported since.
EXPECTED = {
    date(2024, 4, 28): (
        "On 28 April 2024, six of 32 allies were named as backing Rutte. Hungary was reported opposing him "
        "by 5 March 2024 and last reported still holding out around 4 April 2024, "
        "with no later report that it still did; "
        "Türkiye was not yet backing him.",
        [
            "Named as backing Rutte: 6 allies",
            "No stance reported: 24 allies",
            "Not yet backing, last reported holding out c. 4 April 2024: 1 ally",
            "Opposes, last reported holding out c. 4 April 2024: 1 ally",
        ],
    ),
    date(2024, 4, 29): (
        "On 29 April 2024, seven of 32 allies were named as backing Rutte. Hungary was reported opposing him "
        "by 5 March 2024 and last reported still holding out around 4 April 2024, "
        "with no later report that it still did.",
        [
            "Named as backing Rutte: 7 allies",
            "No stance reported: 24 allies",
            "Opposes, last reported holding out c. 4 April 2024: 1 ally",
        ],
    ),
}


def legend_labels(page) -> list[str]:
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    texts = chart.locator("g.role-legend-label text").all_text_contents()
    return sorted(t for t in texts if t != "Not a NATO ally")  # the legend lists only the statuses present


def map_fills(page) -> list[str]:
    return page.locator('[data-testid="stVegaLiteChart"]').first.evaluate(STATUS_COLOURS)


def test_moving_the_as_of_date_changes_the_map_as_the_data_says(app, app_url):
    day_before = TURKEY_BACKS - timedelta(days=1)
    open_page(app, app_url, "backer_map", f"as_of={day_before.isoformat()}")
    summary, labels = EXPECTED[day_before]
    expect(app.get_by_text(summary)).to_be_visible()
    assert eventually(lambda: legend_labels(app), labels) == labels
    fills_before = map_fills(app)

    app.get_by_role("slider", name="As of").press("ArrowRight")
    wait_ready(app)
    summary_after, labels_after = EXPECTED[TURKEY_BACKS]
    assert summary_after != summary, "the data should change on the day Türkiye backs Rutte"
    expect(app.get_by_text(summary_after)).to_be_visible()
    assert eventually(lambda: legend_labels(app), labels_after) == labels_after
    assert map_fills(app) != fills_before
    expect(app).to_have_url(f"{app_url}/backer_map?as_of={TURKEY_BACKS.isoformat()}")
    assert_no_exception(app)


@pytest.mark.parametrize("control", ["slider", "jump button"])
def test_the_as_of_controls_rerun_only_the_map_s_part_of_the_page(app, app_url, control):
    """The as-of date lives in a fragment: moving it asks the server for that part alone, which sends back the
    map, its summary and table, never the sidebar or the history."""
    stream = Stream(app)
    open_page(app, app_url, "backer_map", "as_of=2024-04-28")
    stream.clear()
    if control == "slider":
        app.get_by_role("slider", name="As of").press("ArrowRight")
    else:
        app.get_by_role("button", name="Next change").click()
    stream.wait_finished(app)
    wait_ready(app)

    elements = stream.fragment_elements()
    assert "vega_lite_chart" in elements and "slider" in elements, elements
    expect(app.get_by_text(EXPECTED[TURKEY_BACKS][0])).to_be_visible()
    expect(app).to_have_url(f"{app_url}/backer_map?as_of={TURKEY_BACKS.isoformat()}")
    assert_no_exception(app)
