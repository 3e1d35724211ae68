"""Markup in the data, in a real browser: every page shows it as text, a map tooltip shows it as text, an
exported HTML chart shows it as text, and none of it runs (the payloads would set window.rutteInjected).
"""

from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect
from reader import MAP_MIDDLE, open_page, tooltip_over

from deploy.local_server import start_app, stop_app
from tests.hostile import HOSTILE, SPEAKER, hostile_copy
from tracker.charts import charts
from tracker.exports import export
from tracker.model.load import load

INJECTED = """() => ({
  ran: window.rutteInjected,
  scripts: [...document.querySelectorAll('script')].filter(s => \
s.textContent.trim().startsWith('window.rutteInjected')).length,
  images: document.querySelectorAll('img[src="x"], [onerror]').length,
  links: document.querySelectorAll('a[href^="javascript:"]').length,
  bold: document.querySelectorAll('[data-testid="stMain"] b, #vg-tooltip-element b').length,
  maths: document.querySelectorAll('[data-testid="stMain"] .katex').length,
})"""
NOTHING = {"ran": None, "scripts": 0, "images": 0, "links": 0, "bold": 0, "maths": 0}
PAGES = {
    "": {"countries": "HUN,GBR"},
    "timeline": {"countries": "HUN,GBR"},
    "backer_map": {"countries": "HUN,GBR"},
    "candidates": {},
    "quotes": {"speakers": SPEAKER},
    "sources": {},
    "corrections": {},
}
LITERAL = "<b>bold</b> <script>window.rutteInjected=1</script>"  # as a reader should read it


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_copy(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_url(hostile, tmp_path_factory):
    env = {"TRACKER_DATA_DIR": str(hostile.data), "TRACKER_SEEDS_DIR": str(hostile.seeds)}
    process, url = start_app("app.py", tmp_path_factory.mktemp("server") / "hostile.log", env=env)
    try:
        yield url
    finally:
        stop_app(process)


@pytest.fixture
def dialogs(page):
    opened = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


@pytest.mark.parametrize("path", PAGES)
def test_markup_in_the_data_is_shown_as_text_and_never_runs(page, hostile_url, dialogs, path):
    open_page(page, hostile_url, path, urlencode({"from": "2010-10-14", **PAGES[path]}))
    page.wait_for_timeout(500)  # anything injected has had its chance to run
    assert page.evaluate(INJECTED) == NOTHING and dialogs == []
    if path in ("candidates", "quotes"):
        assert LITERAL in page.locator('[data-testid="stMain"]').inner_text()


def test_a_map_tooltip_shows_a_name_with_markup_as_text(page, hostile_url, dialogs):
    open_page(page, hostile_url, "backer_map")
    text = tooltip_over(page, MAP_MIDDLE, lambda text: "rutteInjected" in text)
    assert text, "no tooltip with the hostile name appeared over the middle of the map"
    assert LITERAL in text
    assert page.evaluate(INJECTED) == NOTHING and dialogs == []


def test_an_exported_html_chart_shows_markup_as_text(page, hostile, tmp_path, dialogs):
    ds = load(hostile.data, hostile.seeds)
    chart = charts.candidates_chart(ds.events, ds.candidates, f"Title {HOSTILE}", "Subtitle")
    html = export.render(export.export_spec(chart.to_dict(), "Source"), "html")
    path = tmp_path / "chart.html"
    path.write_bytes(html)
    page.context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page.goto(path.as_uri())
    expect(page.locator("#vega-chart svg.marks")).to_be_visible()
    expect(page.locator("#vega-chart svg.marks .role-title-text").first).to_contain_text(LITERAL)
    assert page.evaluate(INJECTED) == NOTHING and dialogs == []
    assert page.locator("#vega-chart svg.marks").evaluate("svg => svg.querySelectorAll('g.role-mark > *').length") > 0
