"""A reader on a phone (390 × 844, a phone's user agent): nothing wider than the screen, a labelled bar with the
pages and the filters, a filter panel that gets out of the way of its result, one download menu per chart,
tooltips on screen, and a replay with every ally in view. Then the exported HTML files at 320 and 390 px, offline."""

import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from rutte_race import embeds, whole_view
from rutte_race.filters import bounds_of
from rutte_race.load import load
from rutte_race.paths import ALLIES_GEOJSON
from tests.browser.reader import PAGES, open_page, open_replay, tooltip_over

PHONE = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
WIDER_THAN_SCREEN = (Path(__file__).parent / "wider_than_screen.js").read_text(encoding="utf-8")
TOUCH = 40  # px: the smallest control a finger hits reliably (Apple asks 44 pt, Material 48 dp; Plotly pads its own)


@pytest.fixture
def phone(browser, app_url):
    """A page in a phone's browser, behind the same network guard as every browser test."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT)
    allowed, outside = urlsplit(app_url).netloc, []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).netloc in (allowed, "") or route.request.url.startswith(("data:", "blob:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    yield context.new_page()
    context.close()
    assert not outside, f"the app requested outside its own server: {outside[:5]}"


def settled(page) -> None:
    page.wait_for_load_state("networkidle")
    time.sleep(1.5)  # vega and plotly draw after the script has finished


@pytest.mark.parametrize("path", list(PAGES))
def test_nothing_is_wider_than_a_phone_not_even_inside_a_chart(phone, app_url, path, screenshots):
    open_page(phone, app_url, path)
    settled(phone)
    phone.screenshot(path=screenshots / f"phone-{path or 'story'}.png")
    assert phone.evaluate(WIDER_THAN_SCREEN) == []


def test_the_phone_bar_labels_the_pages_and_the_filters(phone, app_url):
    open_page(phone, app_url, "")
    bar = phone.locator(".st-key-phone-bar")
    expect(bar.get_by_role("button", name="Pages")).to_be_visible()
    expect(bar.get_by_role("button", name="Filters")).to_be_visible()
    bar.get_by_role("button", name="Pages").click()
    phone.locator('[data-testid="stPopoverBody"]').get_by_role("link", name="Timeline").click()
    expect(phone.locator('[data-testid="stMain"] h1').first).to_have_text(PAGES["timeline"])


def test_a_filter_pick_closes_the_panel_and_shows_its_result(phone, app_url, screenshots):
    open_page(phone, app_url, "timeline")
    shown = phone.get_by_text("events shown.")
    before = shown.inner_text()
    phone.locator(".st-key-phone-bar").get_by_role("button", name="Filters").click()
    panel = phone.locator('[data-testid="stPopoverBody"]')
    expect(panel).to_be_visible()
    panel.get_by_role("combobox").fill("Hungary")
    phone.keyboard.press("Enter")
    expect(panel).to_be_hidden()
    expect(shown).not_to_have_text(before)
    expect(shown).to_be_in_viewport()
    covered = shown.evaluate(
        "el => { const b = el.getBoundingClientRect(); "
        "return !el.contains(document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)); }"
    )
    assert not covered, "something still covers the filter's result"
    phone.screenshot(path=screenshots / "phone-after-a-filter-pick.png")
    expect(phone).to_have_url(re.compile(r"countries=HUN"))


def test_each_chart_has_one_download_menu_with_every_file(phone, app_url):
    open_page(phone, app_url, "timeline")
    menus = phone.locator('[data-testid="stMain"]').get_by_role("button", name="Download", exact=True)
    expect(menus).to_have_count(1)
    expect(phone.locator('[data-testid="stMain"] [data-testid="stDownloadButton"]:visible')).to_have_count(0)
    menus.first.click()
    body = phone.locator('[data-testid="stPopoverBody"]')
    for label in ("PNG image", "SVG vector", "PDF", "Interactive HTML", "Data (CSV)"):
        expect(body.get_by_role("button", name=label)).to_be_visible()


def test_the_timeline_table_shows_what_happened_first(phone, app_url):
    open_page(phone, app_url, "timeline")
    header = phone.locator('[data-testid="stDataFrame"]').first
    header.scroll_into_view_if_needed()
    expect(header).to_be_visible()
    settled(phone)
    first = header.evaluate(
        "el => [...el.querySelectorAll('[role=columnheader]')].map(h => h.innerText.trim()).filter(Boolean)"
    )
    assert first and first[0] == "What", first[:3]


def test_the_map_tooltip_stays_on_a_phone_screen(phone, app_url, screenshots):
    open_page(phone, app_url, "backer_map")
    settled(phone)
    central_europe = ((0.62, 0.35), (0.58, 0.38), (0.66, 0.33), (0.7, 0.4), (0.55, 0.3))  # Hungary and neighbours
    assert tooltip_over(phone, central_europe, str.strip), "no ally's tooltip appeared over central Europe"
    shown = phone.locator("#vg-tooltip-element").bounding_box()
    phone.screenshot(path=screenshots / "phone-map-tooltip.png")
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= PHONE["width"], shown


def allies_box() -> tuple[float, float, float, float]:
    """West, south, east, north of every ally's shape, read straight from the served file."""
    points = []

    def walk(coordinates):
        if isinstance(coordinates[0], (int, float)):
            points.append(coordinates)
        else:
            for part in coordinates:
                walk(part)

    for feature in json.loads(ALLIES_GEOJSON.read_text(encoding="utf-8"))["features"]:
        walk(feature["geometry"]["coordinates"])
    return min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points)


MAP_VIEW = """el => {
  const b = el.querySelector('.js-plotly-plot')._fullLayout.map._subplot.map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}"""


@pytest.mark.parametrize("reader_kind", ["phone", "desktop"])
def test_the_replay_shows_every_ally_its_whole_key_and_uncut_dates(phone, app, app_url, reader_kind, screenshots):
    reader = phone if reader_kind == "phone" else app
    errors = []
    reader.on("pageerror", lambda error: errors.append(str(error)))
    open_page(reader, app_url, "backer_map")
    replay = open_replay(reader)
    settled(reader)
    replay.screenshot(path=screenshots / f"replay-{reader_kind}.png")
    west, south, east, north = replay.evaluate(MAP_VIEW)
    ally_west, ally_south, ally_east, ally_north = allies_box()
    assert west <= ally_west and east >= ally_east and south <= ally_south and north >= ally_north, (
        west,
        south,
        east,
        north,
    )
    assert replay.locator(".legend .traces .legendtext").all_text_contents() == [
        "Backs Rutte",
        "Reservations",
        "Opposes",
        "No public stance reported",
        "Not yet an ally",
    ]
    figure = replay.locator(".main-svg").first.bounding_box()
    for label in replay.locator(".slider-label").all():
        box = label.bounding_box()
        if box:
            assert figure["x"] <= box["x"] and box["x"] + box["width"] <= figure["x"] + figure["width"], (
                label.inner_text()
            )
    shown_date = replay.locator(".slider-label").filter(has_text="As of ")  # the slider's current value
    expect(shown_date).to_have_text("As of 7 July 2023")
    replay.locator(".updatemenu-button").first.click()
    # The whole race plays to the day he took office, each date up in proportion to its gap (about 10 s).
    expect(shown_date).to_have_text("As of 1 October 2024", timeout=40_000)
    expect(replay.locator(".slider-container .slider-label").first).to_be_visible()
    assert not errors, errors  # Plotly's Pause threw "Uncaught (in promise)" here


@pytest.mark.xfail(strict=True, reason="Plotly draws its play button 34 px tall whatever its font size and padding")
def test_the_replay_play_button_is_finger_sized(app, app_url):
    open_page(app, app_url, "backer_map")
    replay = open_replay(app)
    expect(replay.locator(".updatemenu-button").first).to_be_visible()
    assert replay.locator(".updatemenu-button").first.bounding_box()["height"] >= TOUCH


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    """The whole-view HTML page and each chart's interactive HTML file, as an editor downloads them."""
    folder = tmp_path_factory.mktemp("exports")
    ds = load()
    story = whole_view.build(ds, bounds_of(ds).default(), address="https://news.example.org/rutte/")
    (folder / "story.html").write_text(whole_view.html_page(story), encoding="utf-8")
    embeds.write_embeds(ds, folder, address="https://news.example.org/rutte/")
    return {path.stem: path for path in folder.glob("*.html")}


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("name", ["story", "backers-over-time", "timeline", "backer-map", "candidates"])
def test_exported_html_fits_a_phone_offline(browser, exported, name, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    outside = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("file:", "data:", "blob:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(exported[name].as_uri())
    expect(page.locator("svg").first).to_be_visible()
    page.wait_for_timeout(500)
    sizes = page.evaluate("""() => ({scroll: document.scrollingElement.scrollWidth, width: window.innerWidth,
      svgs: [...document.querySelectorAll('svg')].map(s => Math.round(s.getBoundingClientRect().right)),
      viewport: document.querySelector('meta[name=viewport]')?.content, title: document.title})""")
    context.close()
    assert sizes["scroll"] <= sizes["width"], f"{name} scrolls sideways at {width} px: {sizes}"
    assert all(right <= width for right in sizes["svgs"]), sizes
    assert sizes["viewport"] == "width=device-width, initial-scale=1" and sizes["title"] not in ("", "Chart")
    assert not outside and not errors, (outside, errors)
