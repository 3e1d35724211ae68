"""Journey: a reader checks how sure the story is (a map tooltip says how many articles report a stance), follows
a chart's corrections link to the log, and finds on the method page the rules and how to cite this data version."""

import re

from playwright.sync_api import expect
from reader import MAP_MIDDLE, assert_no_exception, open_page, tooltip_over, wait_ready


def test_a_map_tooltip_says_how_many_articles_report_the_stance(app, app_url):
    open_page(app, app_url, "backer_map", "as_of=2024-04-30")
    text = tooltip_over(app, MAP_MIDDLE, lambda text: "Reported by" in text)
    assert text, "no backing ally's tooltip appeared over the middle of the map"
    assert "How sure" in text


def test_no_map_tooltip_shows_a_title_with_nothing_after_it(app, app_url):
    """Editor round 32: tooltips listed 'Until' and 'Note' with nothing after them. Over the middle of the map, each
    tooltip that shows (backers with and without a note, allies with no stance, countries outside the alliance)."""
    open_page(app, app_url, "backer_map", "as_of=2024-04-30")
    seen = []

    def record(text: str) -> bool:
        cells = app.locator("#vg-tooltip-element td.value").all_inner_texts()
        seen.append((text.split("\n")[1] if "\n" in text else text, [cell.strip() for cell in cells]))
        return False  # keep hovering: every point is checked

    tooltip_over(app, MAP_MIDDLE, record)
    assert len(seen) >= 5, seen
    assert all(all(cells) for _, cells in seen), [name for name, cells in seen if not all(cells)]


def test_the_method_page_tells_the_fact_check_and_the_corrections_page_the_articles_errors(app, app_url):
    open_page(app, app_url, "timeline")
    version = (
        app.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]')
        .last.inner_text()
        .split()[2]
        .rstrip(".")
    )
    expect(app.get_by_role("link", name="rows drawn here were corrected")).to_have_count(0)  # none published yet

    open_page(app, app_url, "sources")
    expect(app.get_by_role("heading", name="How we checked")).to_be_visible()
    rules = app.locator('[data-testid="stExpander"] summary').filter(has_text=re.compile(r"The \d+ rules$"))
    rules.click()  # the rules are folded under their heading
    expect(app.get_by_text("A public backing", exact=False).first).to_be_visible()
    citation = app.locator('[data-testid="stCode"]').filter(has_text="every claim of five news articles, sourced")
    expect(citation).to_contain_text(f"Dataset version {version}.")
    # The test server sets no public address: the citation leaves it out, and a loopback one is never cited.
    expect(citation).not_to_contain_text("not configured")
    expect(citation).not_to_contain_text("127.0.0.1")
    link = app.get_by_role("link", name="The articles' own errors, and any correction since publication")
    with app.context.expect_page() as opened:
        link.click()
    log = opened.value
    wait_ready(log)
    expect(log.locator('[data-testid="stMain"] h1').first).to_have_text("Corrections")
    expect(log.get_by_text("What is right:")).to_have_count(5)  # the errors of the tests' frozen data
    expect(log.get_by_text("None so far.", exact=False)).to_be_visible()
    assert_no_exception(log)
