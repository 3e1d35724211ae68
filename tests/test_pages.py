"""AppTest of the navigation app's first run and of every page module run directly.

From its second run, AppTest of an st.navigation app runs the page file itself, so each page is
tested as its own script; the shared state the sidebar would set is given through session state.
"""
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "timeline": "Timeline of the race",
    "backer_map": "Who backed Rutte, and when",
    "candidates": "The candidates",
    "quotes": "What they said",
    "sources": "Sources and method",
}
TIMEOUT = 60


def page(name: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def shown_count(at: AppTest, noun: str) -> str:
    return next(c for c in captions(at) if noun in c and ("shown" in c or "match" in c))


def test_every_page_registered_in_app_has_a_test():
    registered = set(re.findall(r'st\.Page\("pages/(\w+)\.py"', (ROOT / "app.py").read_text()))
    on_disk = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert registered == on_disk == set(PAGES) | {"story"}


def test_navigation_app_first_run_shows_the_story_with_filters():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "How Mark Rutte won over all 32 NATO allies"
    assert [w.label for w in at.sidebar.multiselect] == ["Countries"]
    assert at.sidebar.slider[0].label == "Dates"
    assert {m.label for m in at.metric} >= {"Days, first backing to appointment", "Allies that held out"}


def test_story_figures_come_from_the_data():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    narrative = at.markdown[0].value
    # The first backing dated to the day is the White House's, 22 Feb 2024; the appointment 26 Jun 2024: 125 days.
    assert "**125 days**" in narrative and "22 February 2024" in narrative and "26 June 2024" in narrative
    assert "Hungary and Türkiye" in narrative


@pytest.mark.parametrize("name,title", PAGES.items())
def test_page_renders_without_exception(name, title):
    at = page(name).run()
    assert not at.exception
    assert at.title[0].value == title


def test_country_filter_narrows_the_timeline_and_goes_into_the_url():
    at = page("timeline").run()
    everything = shown_count(at, "events")
    at = page("timeline", countries="TUR,HUN").run()
    narrowed = shown_count(at, "events")
    assert narrowed != everything and re.match(r"\d+ of 98 events shown", narrowed)
    assert at.query_params["countries"] == "HUN,TUR"


def test_query_params_round_trip_through_a_page():
    at = page("backer_map", **{"from": "2024-01-01", "to": "2024-06-30", "as_of": "2024-04-30", "countries": "EST"}).run()
    assert not at.exception
    assert dict(at.query_params) == {"from": "2024-01-01", "to": "2024-06-30", "as_of": "2024-04-30", "countries": "EST"}
    assert at.slider[0].value.isoformat() == "2024-04-30"


def test_empty_result_says_so_plainly():
    at = page("timeline", **{"from": "2012-01-01", "to": "2012-12-31"}).run()
    assert not at.exception
    assert shown_count(at, "events").startswith("No events match these filters (0 of 98)")
    assert not at.get("vega_lite_chart")


def test_bad_parameters_give_a_notice_and_are_dropped_from_the_url():
    at = page("timeline", **{"from": "yesterday", "countries": "XXX,TUR", "bogus": "<script>"}).run()
    assert not at.exception
    notice = at.info[0].value
    assert notice.startswith("Some settings in this link could not be used")
    assert "bogus" in notice and "XXX" in notice
    assert dict(at.query_params) == {"countries": "TUR"}


def test_backer_map_summary_follows_the_as_of_date():
    early = page("backer_map", as_of="2024-03-31").run()
    late = page("backer_map", as_of="2024-06-26").run()
    summary = lambda at: next(m.value for m in at.markdown if m.value.startswith("**On"))  # noqa: E731
    assert "5 allies back Rutte" in summary(early) and "1 opposes him" in summary(early)
    assert "32 allies back Rutte" in summary(late)


def test_every_chart_page_offers_every_download_format():
    for name in ("timeline", "backer_map", "candidates"):
        at = page(name).run()
        labels = [b.proto.label for b in at.get("download_button")]
        assert labels[:5] == ["PNG image", "SVG vector", "PDF", "Interactive HTML", "Data (CSV)"], name


def test_quotes_filter_by_speaker():
    at = page("quotes", speakers="Jens Stoltenberg").run()
    assert shown_count(at, "quotes") == "1 of 14 quotes shown."
    assert at.multiselect[0].value == ["Jens Stoltenberg"]


def test_quote_cards_show_markdown_in_quotes_as_literal_text():
    at = page("quotes", **{"from": "2010-10-14"}).run()
    # Every card's quote line is escaped Markdown: no unescaped '*', '_' or '[' from the data can style it.
    quote_lines = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert len(quote_lines) == 14
    assert all(not re.search(r"(?<!\\)[*_\[\]<>]", line[2:]) for line in quote_lines)
