"""Journey: a reader checks how sure the story is (a map tooltip says how many articles report a stance), follows
a chart's corrections link to the log, and finds on the method page the rules and how to cite this data version."""

from playwright.sync_api import expect
from reader import MAP_MIDDLE, assert_no_exception, open_page, tooltip_over, wait_ready


def test_a_map_tooltip_says_how_many_articles_report_the_stance(app, app_url):
    open_page(app, app_url, "backer_map", "as_of=2024-04-30")
    text = tooltip_over(app, MAP_MIDDLE, lambda text: "Reported by" in text)
    assert text, "no backing ally's tooltip appeared over the middle of the map"
    assert "How sure" in text


def test_a_chart_links_to_the_corrections_and_the_method_page_says_how_to_cite(app, app_url):
    open_page(app, app_url, "timeline")
    version = (
        app.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]')
        .last.inner_text()
        .split()[2]
        .rstrip(".")
    )
    link = app.get_by_role("link", name="rows drawn here were corrected")
    expect(link).to_be_visible()
    assert link.get_attribute("target") == "_blank"  # the log opens beside the chart, which keeps its view
    with app.context.expect_page() as opened:
        link.click()
    log = opened.value
    wait_ready(log)
    expect(log.locator('[data-testid="stMain"] h1').first).to_have_text("Corrections")
    # 2 changes in data 1.1.0 and 209 in 1.2.0; 7 article errors, one withdrawn in 1.2.0 (a forecast that later failed).
    expect(log.get_by_text("211 changes to the data after publication")).to_be_visible()
    expect(log.get_by_text("What is right:")).to_have_count(6)
    assert_no_exception(log)

    open_page(app, app_url, "sources")
    expect(app.get_by_text("A public backing", exact=False).first).to_be_visible()
    citation = app.locator('[data-testid="stCode"]').filter(has_text="The project's data desk.")
    expect(citation).to_contain_text(f"Dataset version {version}.")
    # The test server sets no public address, and a loopback one is never cited.
    expect(citation).to_contain_text("(address not configured)")
    expect(citation).not_to_contain_text("127.0.0.1")
