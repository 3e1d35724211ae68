"""Journey 1: open the landing page and reach every page through the navigation."""

from playwright.sync_api import expect
from reader import NAV_TITLES, PAGES, assert_charts_drawn, assert_no_exception, open_page, wait_ready

CHARTS_ON = {"": 1, "timeline": 1, "backer_map": 1, "candidates": 1}


def test_every_page_is_reached_through_the_navigation_and_draws(app, app_url):
    open_page(app, app_url)
    assert_no_exception(app)
    assert_charts_drawn(app, CHARTS_ON[""])
    for path, headline in PAGES.items():
        if not path:
            continue
        app.get_by_role("link", name=NAV_TITLES[path], exact=True).first.click()
        wait_ready(app)
        expect(app.locator('[data-testid="stMain"] h1').first).to_have_text(headline)
        expect(app).to_have_url(f"{app_url}/{path}")
        assert_no_exception(app)
        if path in CHARTS_ON:
            assert_charts_drawn(app, CHARTS_ON[path])
