"""Every tooltip a reader can raise on a page's chart is one the chart gives, in readers' words: Streamlit's theme
turns every mark's tooltip on, so a row's label, a rail or the map's name for the protagonist's country showed its
raw fields ('label_at', 'start', 'label_lon') on hover."""

import pytest
from reader import open_page, vega_charts, wait_ready

# A tooltip's first line is its first title: a chart's own say what they show ('Ally', 'Country', 'Candidate').
RAW_FIRST_LINES = {"label_at", "label_lon", "start", "date", "name", "member", "text", "lon", "lat", "align"}
STEPS = 18  # a grid of points over the chart: rows of labels and rails are about 1/18 of the story chart apart


@pytest.mark.parametrize("path", ["", "backer_map"])
def test_no_tooltip_shows_a_chart_s_raw_fields(app, app_url, path):
    app.set_viewport_size({"width": 1440, "height": 1800})
    open_page(app, app_url, path)
    wait_ready(app)
    drawing = vega_charts(app).first.locator("canvas, svg").first
    drawing.scroll_into_view_if_needed()
    box = drawing.bounding_box()
    tooltip = app.locator("#vg-tooltip-element")
    firsts = set()
    for i in range(1, STEPS):
        for j in range(1, STEPS):
            app.mouse.move(box["x"] + box["width"] * j / STEPS, box["y"] + box["height"] * i / STEPS)
            app.wait_for_timeout(30)
            if tooltip.is_visible():
                firsts.add(tooltip.inner_text().split("\n")[0].split("\t")[0].strip())
    assert firsts, "no tooltip at all: the hover reached no mark"
    assert not firsts & RAW_FIRST_LINES, firsts
