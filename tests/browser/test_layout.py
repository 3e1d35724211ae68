"""Journey 5 and accessibility: every page at phone and desktop width, screenshots kept, nothing wider than
the screen, charts inside their containers, and no serious or critical axe-core violation."""

import pytest
from reader import (
    PAGES,
    assert_charts_drawn,
    assert_no_exception,
    axe_violations,
    open_page,
    overflowing_elements,
    screenshot_whole_page,
    vega_charts,
)

WIDTHS = {"phone": (390, 844), "desktop": (1440, 900)}
CHART_FITS = """\
el => { const drawn = el.querySelector('svg, canvas'); \
return drawn.getBoundingClientRect().right <= el.getBoundingClientRect().right + 1; }"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_fits_the_screen(app, app_url, screenshots, path, width):
    app.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width])))
    open_page(app, app_url, path)
    assert_no_exception(app)
    if vega_charts(app).count():
        assert_charts_drawn(app)
        charts = vega_charts(app)
        assert all(charts.nth(i).evaluate(CHART_FITS) for i in range(charts.count())), (
            "a chart is wider than its container"
        )
    screenshot_whole_page(app, screenshots / f"{path or 'story'}-{width}.png")
    assert overflowing_elements(app) == []


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violation(app, app_url, path):
    open_page(app, app_url, path)
    assert axe_violations(app) == []


CHART_TOOLBAR = """\
el => [...el.querySelectorAll('[data-testid="stElementToolbarButton"] button')]
  .filter(b => b.checkVisibility()).map(b => b.getAttribute('aria-label').split(':')[0])"""


def test_a_chart_s_own_toolbar_offers_only_fullscreen(app, app_url):
    # "Show data" would show the drawing's internal columns, and the toolbar's PNG has no source line: the chart's
    # Download menu and the table under it give both as readers should see them.
    open_page(app, app_url, "timeline")
    assert_charts_drawn(app)
    chart = app.locator('[data-testid="stVegaLiteChart"]').first
    chart.hover()
    toolbar = chart.locator("xpath=..").locator("xpath=..")
    assert toolbar.evaluate(CHART_TOOLBAR) == ["Fullscreen"]
