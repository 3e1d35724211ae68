"""Journey 2: filters set in the sidebar follow the reader across pages, survive a reload, and bad links get a
notice."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from reader import NAV_TITLES, assert_no_exception, open_page, wait_ready

from tracker.model.load import load
from tracker.reader.filters import bounds_of, filter_events, shown_of
from tracker.reader.view_state import ViewState

DAYS_BACK = 10  # days before the race's end the reader sets the last day to


@pytest.fixture(scope="module")
def dataset():
    return load()


def distinct_facts(events) -> set[str]:
    return {row.fact_id or f"row:{row.event_id}" for row in events.itertuples()}


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def choose_country(page, name: str) -> None:
    box = sidebar(page).get_by_role("combobox")
    box.click()
    box.fill(name)  # the option list is virtualised: only what is typed for is rendered
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")
    wait_ready(page)


def type_last_day(page, day) -> None:
    sidebar(page).get_by_role("spinbutton", name="year, To").focus()
    page.keyboard.type(day.strftime("%Y%m%d"))  # each part moves on to the next once full
    for _ in range(2):  # past the calendar button, out of the field: it commits the date on leaving
        page.keyboard.press("Tab")
    wait_ready(page)


def test_filters_persist_across_pages_and_reload(app, app_url, dataset):
    bounds = bounds_of(dataset)
    end = bounds.default_end - timedelta(days=DAYS_BACK)
    # The timeline counts facts: rows sharing a fact_id are one fact, however many articles report it.
    kept = filter_events(dataset.events, ViewState(bounds.default_start, end, ("HUN",)))
    expected = shown_of(len(distinct_facts(kept)), len(distinct_facts(dataset.events)), "events")

    open_page(app, app_url, "timeline")
    choose_country(app, "Hungary")
    expect(app).to_have_url(f"{app_url}/timeline?countries=HUN")  # its run is over before the next field is typed in
    type_last_day(app, end)
    expect(app).to_have_url(f"{app_url}/timeline?to={end.isoformat()}&countries=HUN")
    expect(app.get_by_text(expected)).to_be_visible()

    app.get_by_role("link", name=NAV_TITLES["backer_map"], exact=True).first.click()
    wait_ready(app)
    expect(app).to_have_url(f"{app_url}/backer_map?to={end.isoformat()}&countries=HUN")
    expect(sidebar(app).get_by_text("Hungary")).to_be_visible()
    expect(app.get_by_text("One of the 32 countries that were allies on ", exact=False)).to_be_visible()

    app.get_by_role("link", name=NAV_TITLES["timeline"], exact=True).first.click()
    # The click's run may not have started when the page reads as at rest: reload only once it has moved.
    expect(app).to_have_url(f"{app_url}/timeline?to={end.isoformat()}&countries=HUN")
    wait_ready(app)
    app.reload()
    wait_ready(app)
    expect(app).to_have_url(f"{app_url}/timeline?to={end.isoformat()}&countries=HUN")
    expect(app.get_by_text(expected)).to_be_visible()
    assert_no_exception(app)


@pytest.mark.parametrize(
    "query",
    [
        "from=yesterday&countries=HUN,XXX&colour=red",
        "to=2024-02-30&countries=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "from=2024-06-01&to=2024-01-01&as_of=9999-01-01",
    ],
)
def test_a_link_with_bad_parameters_shows_a_notice_not_a_traceback(app, app_url, query):
    open_page(app, app_url, "backer_map", query)
    notice = app.get_by_text("Some settings in this link could not be used")
    expect(notice).to_be_visible()
    assert_no_exception(app)
    assert app.evaluate("() => window.__injected === undefined")
    assert "<script>" not in app.locator('[data-testid="stAlert"]').inner_html()


@pytest.mark.parametrize(
    "typed, offered",
    [
        ("UK", ["The United Kingdom (UK, Britain)"]),
        ("the Netherlands", ["The Netherlands (Holland)"]),
        ("Turkey", ["Türkiye (Turkey)"]),
        ("U.S.", ["The United States (US, U.S., America)"]),
        ("germ", ["Germany"]),
    ],
)
def test_typing_a_country_offers_only_the_allies_whose_names_hold_it(app, app_url, typed, offered):
    """Part of a name finds that ally alone: letters in order anywhere ("UK" in "tUrKey") find nothing."""
    open_page(app, app_url, "")
    box = sidebar(app).get_by_role("combobox")
    box.click()
    box.fill(typed)
    expect(app.get_by_role("option")).to_have_text(offered)
    app.keyboard.press("Escape")


def test_a_chosen_countrys_chip_shows_its_whole_label(app, app_url):
    open_page(app, app_url, "", "countries=TUR,GBR")
    chips = sidebar(app).locator('[data-testid="stMultiSelectTagsContainer"] [data-tag] > span[title]')
    expect(chips).to_have_text(["The United Kingdom (UK, Britain)", "Türkiye (Turkey)"])
    cut = chips.evaluate_all("spans => spans.filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.title)")
    assert cut == []
