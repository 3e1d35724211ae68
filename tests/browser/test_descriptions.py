"""Journey: the generated description under a chart is what the chart shows, it is the chart's accessible name,
and it follows the reader's moves."""

from playwright.sync_api import expect
from reader import open_page, wait_ready

# Written out: the map's words for 30 April 2024 in the fixture, with Politico's unnamed count, since the map colours
# only the allies an article names.
ON_30_APRIL = (
    "On 30 April 2024, seven of 32 allies were named as backing Rutte. Hungary was reported opposing him by 5 March "
    "2024 and last reported still holding out around 4 April 2024, with no later report that it still did. "
    "Politico's count, reported around 23 February 2024: two-thirds of the 31 allies backed him; the map colours "
    "only the allies an article names."
)


def test_the_map_s_description_is_its_accessible_name_and_follows_the_date(app, app_url):
    open_page(app, app_url, "backer_map", "as_of=2024-04-30")
    text = ON_30_APRIL
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
