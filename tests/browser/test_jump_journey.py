"""Journey: step through the timeline with the keyboard, and follow a latest development from the story to its
place on the timeline."""

import re

import pytest
from playwright.sync_api import expect
from reader import (
    Stream,
    assert_charts_drawn,
    assert_no_exception,
    eventually,
    open_page,
    screenshot_whole_page,
    wait_ready,
)

from tracker.data.formatting import date_label
from tracker.model import jump
from tracker.model.load import load
from tracker.reader.filters import bounds_of, facts_in_view

MAX_TABS = 80  # the top navigation and the sidebar's widgets come before the page's own controls


@pytest.fixture(scope="module")
def shown():
    """The events of the default view (one row per fact), in the order the buttons step through them, the one a
    reader starts on (the first milestone: 17th), and the newest developments."""
    ds = load()
    rows = facts_in_view(ds, bounds_of(ds).default())
    published = dict(zip(ds.articles["article_id"], ds.articles["published"]))
    return jump.in_order(rows).set_index("event_id"), jump.latest(rows, published)


START = 16  # the position of the first milestone, France, Germany and the US backing Rutte, where a reader starts


def focus_card(page):
    return page.locator(".st-key-focused_event")


def tab_to(page, name: str) -> None:
    """Press Tab until the button called `name` has the keyboard focus, as a reader without a mouse would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(
            "name => document.activeElement?.tagName === 'BUTTON' && "
            "document.activeElement.innerText.trim().endsWith(name)",
            name,
        ):
            return
    pytest.fail(f"Tab never reached the {name!r} button")


def test_next_is_reached_and_pressed_with_the_keyboard(app, app_url, shown, screenshots):
    events, _ = shown
    open_page(app, app_url, "timeline")
    card = focus_card(app)
    expect(card).to_contain_text(f"Event {START + 1} of {len(events)}")
    expect(card).to_contain_text(events.iloc[START]["summary"])
    expect(app.get_by_role("button", name="Previous event")).to_be_enabled()

    tab_to(app, "Next event")
    app.keyboard.press("Enter")
    wait_ready(app)
    expect(card).to_contain_text(f"Event {START + 2} of {len(events)}")
    expect(card).to_contain_text(events.iloc[START + 1]["summary"])
    expect(app).to_have_url(f"{app_url}/timeline?event={events.index[START + 1]}")
    expect(app.get_by_role("button", name="Previous event")).to_be_enabled()
    assert_charts_drawn(app)
    assert_no_exception(app)
    screenshot_whole_page(app, screenshots / "timeline-focused-desktop.png")


def test_a_jump_button_reruns_only_the_timeline_s_part_of_the_page(app, app_url, shown):
    """The jump buttons live in a fragment: a press asks the server for that part alone, which sends back the card
    and the chart, never the sidebar or the table of events."""
    events, _ = shown
    stream = Stream(app)
    open_page(app, app_url, "timeline")
    stream.clear()
    app.get_by_role("button", name="Next event").click()
    stream.wait_finished(app)
    wait_ready(app)

    elements = stream.fragment_elements()
    assert "vega_lite_chart" in elements and "arrow_data_frame" not in elements and "date_input" not in elements
    expect(focus_card(app)).to_contain_text(f"Event {START + 2} of {len(events)}")
    expect(app).to_have_url(f"{app_url}/timeline?event={events.index[START + 1]}")
    assert_no_exception(app)


TIMELINE_SVG = '[data-testid="stVegaLiteChart"] svg.marks'
DRAWN = r"svg => svg.outerHTML.replace(/clip\d+/g, 'clip')"  # clip ids count up across a page's views


def test_a_jump_redraws_the_chart_in_place_as_a_fresh_page_draws_it(app, app_url, shown):
    """The focus is a dataset of its own, so a jump leaves the spec as it was: Streamlit replaces that dataset in
    the drawn view instead of embedding the chart afresh, and the view must then look as a fresh one does."""
    events, _ = shown
    open_page(app, app_url, "timeline")
    svg = app.locator(TIMELINE_SVG).first
    assert_charts_drawn(app)
    svg.evaluate("svg => { svg.dataset.before = 'jump' }")
    before = svg.evaluate(DRAWN)
    app.get_by_role("button", name="Next event").click()
    wait_ready(app)
    expect(focus_card(app)).to_contain_text(f"Event {START + 2} of {len(events)}")
    assert eventually(lambda: svg.evaluate(DRAWN) != before, True), "the ring never moved"
    assert svg.evaluate("svg => svg.dataset.before") == "jump", "the chart was embedded afresh"
    svg.evaluate("svg => { delete svg.dataset.before }")
    in_place = svg.evaluate(DRAWN)

    open_page(app, app_url, "timeline", f"event={events.index[START + 1]}")
    assert_charts_drawn(app)
    fresh = app.locator(TIMELINE_SVG).first.evaluate(DRAWN)
    assert in_place == fresh
    assert_no_exception(app)


def test_a_latest_development_opens_the_timeline_on_that_event(app, app_url, shown):
    events, latest = shown
    newest = latest.iloc[0]
    open_page(app, app_url)
    expect(app.get_by_text(newest["summary"])).to_be_visible()
    link = app.get_by_role("link", name=f"On the timeline: {date_label(newest['date'], str(newest['date_precision']))}")
    expect(link).to_have_attribute("href", re.compile(rf"^timeline\?event={newest['event_id']}$"))
    link.click()
    wait_ready(app)
    expect(app.locator('[data-testid="stMain"] h1').first).to_have_text("Timeline of the race")
    expect(app).to_have_url(f"{app_url}/timeline?event={newest['event_id']}")
    card = focus_card(app)
    expect(card).to_contain_text(f"Event {events.index.get_loc(newest['event_id']) + 1} of {len(events)}")
    expect(card).to_contain_text(newest["summary"])
    assert_no_exception(app)


@pytest.mark.parametrize("path,noun", [("timeline", "event"), ("backer_map", "change")])
def test_jump_buttons_fit_a_phone_screen_in_two_pairs(app, app_url, screenshots, path, noun):
    app.set_viewport_size({"width": 390, "height": 844})
    open_page(app, app_url, path)
    assert_charts_drawn(app)  # the page lays out again as its charts draw

    def button_boxes():
        return [
            app.get_by_role("button", name=f"{label} {noun}").bounding_box()
            for label in ("First", "Previous", "Next", "Latest")
        ]

    def in_pairs() -> bool:
        rows = [round(box["y"]) if box else None for box in button_boxes()]
        return rows[0] == rows[1] and rows[2] == rows[3]

    eventually(in_pairs, True)
    boxes = button_boxes()
    assert all(box and box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in boxes), boxes
    rows = [round(box["y"]) for box in boxes]
    assert rows[0] == rows[1] and rows[2] == rows[3], f"a pair of buttons on {path} was split: {boxes}"
    screenshot_whole_page(app, screenshots / f"{path}-jump-phone.png")
    assert_no_exception(app)
