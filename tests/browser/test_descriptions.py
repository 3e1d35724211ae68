"""Journey: the generated description under a chart is what the chart shows, it is the chart's accessible name,
and it follows the reader's moves."""

from datetime import date

from playwright.sync_api import expect
from reader import open_page, wait_ready

from rutte_race import describe, views
from rutte_race.load import load


def expected(day: date) -> str:
    return describe.stances_on(views.map_frame(load(), day), day)


def test_the_map_s_description_is_its_accessible_name_and_follows_the_date(app, app_url):
    open_page(app, app_url, "backer_map", "as_of=2024-04-30")
    text = expected(date(2024, 4, 30))
    assert text.startswith("On 30 April 2024, ") and "Hungary" in text
    chart = app.locator('[data-testid="stMain"] [role="graphics-document"]').first
    expect(chart).to_have_attribute(
        "aria-label", f"Map of NATO allies' stance toward Rutte; the table below lists every ally. {text}"
    )
    expect(app.locator('[data-testid="stCaptionContainer"]').filter(has_text=text)).to_be_visible()

    app.get_by_role("button", name="Next change").click()
    wait_ready(app)
    moved = app.locator('[data-testid="stCaptionContainer"]').filter(has_text="allies backed Rutte").first
    expect(moved).not_to_have_text(text)
    assert moved.inner_text().startswith("On ") and moved.inner_text() != text
