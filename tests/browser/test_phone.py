"""A reader on a phone (390 × 844, a phone's user agent): nothing wider than the screen, a labelled bar with the
pages and the filters, a filter panel that gets out of the way of its result, one download menu per chart,
tooltips on screen, and the race played on the map. Then the exported HTML files at 320 and 390 px, offline."""

import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.reader import PAGES, open_page, save_download, tooltip_over
from tracker.exports import embeds, whole_view
from tracker.model.load import load
from tracker.reader.filters import bounds_of

PHONE = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
WIDER_THAN_SCREEN = (Path(__file__).parent / "wider_than_screen.js").read_text(encoding="utf-8")
TOUCH = 40  # px: the smallest control a finger hits reliably (Apple asks 44 pt, Material 48 dp)


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
    time.sleep(1.5)  # vega draws after the script has finished


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
    # one way in: Streamlit's '»' into the sidebar, which held the same pages, is hidden on a phone
    expect(phone.locator('[data-testid="stExpandSidebarButton"]')).to_be_hidden()
    bar.get_by_role("button", name="Pages").click()
    phone.locator('[data-testid="stPopoverBody"]').get_by_role("link", name="Timeline").click()
    expect(phone.locator('[data-testid="stMain"] h1').first).to_have_text(PAGES["timeline"])


def test_the_phone_bar_offers_the_whole_story_s_files(phone, app_url, tmp_path):
    """Editor round 32: on a phone the whole story's PDF and HTML were only behind the sidebar's unlabelled '»'."""
    open_page(phone, app_url, "", "from=2024-01-01&to=2024-06-30&countries=HUN")
    phone.locator(".st-key-phone-bar").get_by_role("button", name="Whole story").click()
    panel = phone.locator('[data-testid="stPopoverBody"]')
    expect(panel.get_by_role("button", name="Download the whole story as a PDF")).to_be_visible()
    name, path = save_download(panel.get_by_role("button", name="Download the whole story as an HTML page"), tmp_path)
    assert name == "rutte-story-2024-01-01-to-2024-06-30-hun-data-1-3-0.html"
    assert "Hungary" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["", "backer_map"])
def test_on_a_phone_every_button_is_a_finger_s_target(phone, app_url, path):
    """Editor round 32: step buttons and Download 40 px, the page links 28 px, A4 and US Letter 32 px. A help icon
    answers a finger around it instead (test_on_a_phone_a_help_icon_answers_a_finger_around_it)."""
    open_page(phone, app_url, path)
    settled(phone)
    small = phone.evaluate("""() => [...document.querySelectorAll(
        'button, a[data-testid="stSidebarNavLink"], a[data-testid="stPageLink-NavLink"]')]
      .filter(b => !b.closest('[data-testid="stTooltipHoverTarget"]'))
      .map(b => [b.getAttribute('aria-label') || b.innerText.trim().slice(0, 30), b.getBoundingClientRect()])
      .filter(([, box]) => box.width > 0 && box.height < 44).map(([name, box]) => [name, Math.round(box.height)])""")
    assert small == []


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


def test_reopening_the_filter_panel_keeps_the_dates_and_countries_picked(phone, app_url):
    """A preset, then a country, each picked in its own visit to the panel: opening it again changes nothing."""
    open_page(phone, app_url, "")
    filters = phone.locator(".st-key-phone-bar").get_by_role("button", name="Filters")
    panel = phone.locator('[data-testid="stPopoverBody"]')
    filters.click()
    expect(panel).to_be_visible()
    settled(phone)  # the panel's first run is over: a tap during it can be lost
    panel.get_by_role("radio", name="Jan–Jun 2024").click()
    expect(panel).to_be_hidden()
    expect(phone).to_have_url(re.compile(r"\?from=2024-01-01&to=2024-06-30$"))
    expect(filters).to_have_accessible_name("Filters · 1")  # the closed panel's button says a filter is set
    filters.click()
    expect(panel).to_be_visible()
    settled(phone)
    expect(panel.get_by_role("spinbutton", name="year, From")).to_have_text("2024")
    expect(phone).to_have_url(re.compile(r"\?from=2024-01-01&to=2024-06-30$"))
    panel.get_by_role("combobox").fill("Turkey")
    phone.keyboard.press("Enter")
    expect(panel).to_be_hidden()
    expect(phone).to_have_url(re.compile(r"\?from=2024-01-01&to=2024-06-30&countries=TUR$"))
    expect(filters).to_have_accessible_name("Filters · 2")
    filters.click()
    expect(panel).to_be_visible()
    settled(phone)
    expect(phone).to_have_url(re.compile(r"\?from=2024-01-01&to=2024-06-30&countries=TUR$"))
    expect(panel.get_by_role("spinbutton", name="month, To")).to_have_text("06")


def test_each_chart_has_one_download_menu_with_every_file(phone, app_url):
    open_page(phone, app_url, "timeline")
    menus = phone.locator('[data-testid="stMain"]').get_by_role("button", name="Download", exact=True)
    expect(menus).to_have_count(1)
    expect(phone.locator('[data-testid="stMain"] [data-testid="stDownloadButton"]:visible')).to_have_count(0)
    menus.first.click()
    body = phone.locator('[data-testid="stPopoverBody"]')
    for label in ("PNG image", "SVG vector", "PDF", "Interactive HTML", "Data (CSV)"):
        expect(body.get_by_role("button", name=label)).to_be_visible()


def test_the_timeline_table_reads_as_cards_what_happened_first_every_word_on_the_screen(phone, app_url):
    open_page(phone, app_url, "timeline")
    phone.get_by_text("each with the article's words and our check").click()  # the table is folded under its label
    table = phone.locator('[data-testid="stMain"] .reading-table').first
    table.scroll_into_view_if_needed()
    expect(table).to_be_visible()
    settled(phone)
    first = table.locator("tbody tr").first.locator("td:visible").first
    expect(first).to_be_visible()
    assert first.get_attribute("data-label") == "What"
    assert first.evaluate("td => getComputedStyle(td, '::before').content") == '"What"'  # each value has its label
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    # No cell is cut: every value wraps inside the screen (a data grid drew each on one line, cut at its edge).
    cut = table.evaluate(
        "el => [...el.querySelectorAll('td')].filter(td => td.offsetParent && td.scrollWidth > td.clientWidth + 1)"
        ".length"
    )
    assert cut == 0


def test_the_map_tooltip_stays_on_a_phone_screen(phone, app_url, screenshots):
    open_page(phone, app_url, "backer_map")
    settled(phone)
    # Hungary and its neighbours, as fractions of the chart's box: under a title, subtitle and key of some 15 lines
    central_europe = ((0.62, 0.58), (0.58, 0.55), (0.66, 0.6), (0.55, 0.52), (0.6, 0.48), (0.62, 0.35))
    assert tooltip_over(phone, central_europe, str.strip), "no ally's tooltip appeared over central Europe"
    shown = phone.locator("#vg-tooltip-element").bounding_box()
    phone.screenshot(path=screenshots / "phone-map-tooltip.png")
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= PHONE["width"], shown


@pytest.mark.parametrize("reader_kind", ["phone", "desktop"])
def test_the_race_plays_on_the_map_itself_to_its_last_change(phone, app, app_url, reader_kind, screenshots):
    reader = phone if reader_kind == "phone" else app
    errors = []
    reader.on("pageerror", lambda error: errors.append(str(error)))
    open_page(reader, app_url, "backer_map")
    settled(reader)
    play = reader.get_by_role("button", name="Play the race")
    play.scroll_into_view_if_needed()
    box = play.bounding_box()
    assert box["height"] >= TOUCH, box  # a finger finds it
    maps = reader.locator('[data-testid="stVegaLiteChart"]')
    assert maps.count() == 1  # one map: the race plays on the map the reader is looking at
    play.click()
    # From the first change (c. 19 January 2024), one date of change a step, to the last: the appointment.
    expect(reader.get_by_text("On 19 January 2024, three of 31 allies were named as backing Rutte.")).to_be_visible(
        timeout=20_000
    )
    expect(reader.get_by_text("On 26 June 2024, 32 of 32 allies backed Rutte:", exact=False)).to_be_visible(
        timeout=40_000
    )
    expect(reader.get_by_role("button", name="Play the race")).to_be_visible(timeout=10_000)  # it stops there
    maps.first.screenshot(path=screenshots / f"played-{reader_kind}.png")
    assert maps.count() == 1 and not errors, errors


def test_on_a_phone_pause_stays_above_the_map_and_the_map_keeps_its_height_as_the_race_plays(phone, app_url):
    """Editor round 28: Pause sat at the screen's foot under the map, and the map grew and shrank by 18 px a step."""
    open_page(phone, app_url, "backer_map")
    settled(phone)
    the_map = phone.locator('[data-testid="stVegaLiteChart"]').first
    phone.get_by_role("button", name="Play the race").click()
    pause = phone.get_by_role("button", name="Pause")
    expect(pause).to_be_visible(timeout=10_000)
    pause.scroll_into_view_if_needed()
    heights, steps = set(), set()
    for _ in range(8):  # about four steps of the replay
        button, drawn = pause.bounding_box(), the_map.bounding_box()
        # Streamlit embeds each date's map afresh: for a moment between two steps the chart is an empty element
        # (26 px), until client-side drawing keeps one view; a drawn map's height is what must not change.
        if button and drawn and drawn["height"] > 100:
            assert button["y"] + button["height"] <= drawn["y"], (button, drawn)  # above the map, in view with it
            heights.add(round(drawn["height"]))
            steps.add(phone.get_by_text("allies were named as backing Rutte", exact=False).first.inner_text())
        phone.wait_for_timeout(600)
    assert len(steps) >= 2, steps  # it played
    assert len(heights) == 1, heights


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
@pytest.mark.parametrize("name", ["story", "stances-by-ally", "timeline", "backer-map", "candidates"])
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
    expect(page.locator("svg:visible").first).to_be_visible()
    page.wait_for_timeout(500)
    sizes = page.evaluate("""() => ({scroll: document.scrollingElement.scrollWidth, width: window.innerWidth,
      svgs: [...document.querySelectorAll('svg')].map(s => Math.round(s.getBoundingClientRect().right)),
      viewport: document.querySelector('meta[name=viewport]')?.content, title: document.title,
      menus: document.querySelectorAll('.vega-actions, details summary').length})""")
    context.close()
    assert sizes["scroll"] <= sizes["width"], f"{name} scrolls sideways at {width} px: {sizes}"
    assert all(right <= width for right in sizes["svgs"]), sizes
    assert sizes["viewport"] == "width=device-width, initial-scale=1" and sizes["title"] not in ("", "Chart")
    assert sizes["menus"] == 0, "a file for a newsroom's page carries no Vega action menu (editor round 32)"
    assert not outside and not errors, (outside, errors)


def test_on_a_phone_a_help_icon_answers_a_finger_around_it(phone, app_url):
    """Editors 29 and 31: the '?' icons were 16 px targets. A tap 15 px from one's centre still reaches it."""
    open_page(phone, app_url, "")
    settled(phone)
    # a figure's help, on the page (the sidebar's are off screen on a phone)
    icon = phone.locator('[data-testid="stMetric"] [data-testid="stTooltipHoverTarget"]').first
    icon.scroll_into_view_if_needed()
    box = icon.bounding_box()
    reached = phone.evaluate(
        """([x, y]) => [[15, 0], [-15, 0], [0, 15], [0, -15]].every(([dx, dy]) => {
            const hit = document.elementFromPoint(x + dx, y + dy);
            return hit !== null && hit.closest('[data-testid="stTooltipHoverTarget"]') !== null;
        })""",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert reached, box
