"""Property-based tests of every link a reader, a scraper or a typo can make: random strings, huge values,
repeated keys, unknown countries, reversed or impossible dates, unicode, script tags and paths.

Parsing is fuzzed hard (it is cheap); every page is then fuzzed through AppTest, fewer cases each, so the
whole suite stays well inside CI's time.
"""

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from entry_points import ENTRY_POINTS
from tracker.model import jump
from tracker.model.load import load
from tracker.reader.filters import bounds_of, filter_events
from tracker.reader.url_state import PARAMS, parse, to_params
from tracker.reader.view_state import ViewState

ROOT = Path(__file__).resolve().parent.parent
DATASET = load()
BOUNDS = bounds_of(DATASET)
PARSE_CASES = int(os.environ.get("TRACKER_LINK_CASES", "1000"))  # the benchmark runs 10,000 (python -m bench.hostile)
CASES_PER_PAGE = 25

HOSTILE_TEXT = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "../../etc/passwd",
    "/etc/passwd",
    "file:///etc/passwd",
    "data/events.csv",
    "%2e%2e%2f",
    "{{datum.x}}",
    "**bold**",
    ":red[x]",
    "NaN",
    "-1",
    "0",
    "9999-99-99",
    "2024-02-30",
    "2024-1-1",
    " 2024-01-01",
    "2024-01-01T00:00",
    "０",
    "\u202e",
    "😀",
    "\x00",
    "x" * 5000,
]


def days() -> st.SearchStrategy[str]:
    """Dates as a link may carry them: inside, around and far outside the data's range."""
    near = st.dates(BOUNDS.first - timedelta(days=400), BOUNDS.last + timedelta(days=400))
    return st.one_of(near, st.dates(date(1, 1, 1), date(9999, 12, 31))).map(date.isoformat)


def codes() -> st.SearchStrategy[str]:
    known = sorted(BOUNDS.countries)
    code = st.one_of(
        st.sampled_from(known), st.sampled_from(known).map(str.lower), st.text("ABCXYZ", min_size=1, max_size=4)
    )
    return st.lists(code, max_size=6).map(",".join)


def names() -> st.SearchStrategy[str]:
    speaker = st.one_of(st.sampled_from(sorted(BOUNDS.speakers)), st.text(max_size=20))
    return st.lists(speaker, max_size=4).map(",".join)


def event_ids() -> st.SearchStrategy[str]:
    known = sorted(BOUNDS.events)
    return st.one_of(st.sampled_from(known), st.sampled_from(known).map(str.upper), st.text(max_size=20))


def anything() -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=60), st.sampled_from(HOSTILE_TEXT))


VALUES = {
    "from": days(),
    "to": days(),
    "as_of": days(),
    "countries": codes(),
    "speakers": names(),
    "event": event_ids(),
}


@st.composite
def links(draw) -> dict[str, list[str]]:
    """Query parameters: known keys with plausible or hostile values, sometimes repeated, plus unknown keys."""
    params = {}
    for key in draw(st.lists(st.sampled_from(PARAMS), unique=True)):
        value = st.one_of(VALUES[key], anything()) if draw(st.booleans()) else VALUES[key]
        params[key] = draw(st.lists(value, min_size=1, max_size=3))
    for key in draw(
        st.lists(st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(HOSTILE_TEXT[:6])), max_size=2)
    ):
        params.setdefault(key, [draw(anything())])
    return params


def assert_valid(view: ViewState) -> None:
    assert BOUNDS.first <= view.start <= view.end <= BOUNDS.last
    assert set(view.countries) <= BOUNDS.countries and list(view.countries) == sorted(set(view.countries))
    assert set(view.speakers) <= BOUNDS.speakers
    assert view.as_of is None or view.start <= view.as_of <= view.end
    assert view.event is None or BOUNDS.events[view.event].shown_in(view)


def used_as_given(params: dict[str, list[str]], view: ViewState) -> bool:
    """Whether the view holds exactly what the link asked for (so nothing needed a notice)."""
    wanted = {k: [v for v in vs if v] for k, vs in params.items()}
    wanted = {k: vs for k, vs in wanted.items() if vs}
    if not wanted.keys() <= set(PARAMS) or any(
        len(vs) > 1 for k, vs in wanted.items() if k not in ("countries", "speakers")
    ):
        return False
    dates = {"from": view.start, "to": view.end, "as_of": view.as_of}
    if any(vs[0] != dates[k].isoformat() for k, vs in wanted.items() if k in dates and dates[k] is not None):
        return False
    if "event" in wanted and wanted["event"][0] != view.event:
        return False
    asked = {
        k: {p.strip() for v in wanted.get(k, []) for p in v.split(",") if p.strip()} for k in ("countries", "speakers")
    }
    return {c.upper() for c in asked["countries"]} == set(view.countries) and asked["speakers"] == set(view.speakers)


@settings(max_examples=PARSE_CASES, deadline=None)
@given(links())
def test_any_link_parses_to_a_valid_view_and_a_clean_link(params):
    view, notices = parse(params, BOUNDS)
    assert_valid(view)
    assert all(isinstance(n, str) and 0 < len(n) < 400 for n in notices)
    clean = {k: [v] for k, v in to_params(view, BOUNDS).items()}
    assert parse(clean, BOUNDS) == (view, [])  # the rewritten link shows the same view and needs no notice
    if not notices:
        assert used_as_given(params, view), "a value was dropped or changed without a notice"


def run_page(entry: str, params: dict[str, list[str]]) -> AppTest:
    at = AppTest.from_file(str(ROOT / entry), default_timeout=60)
    at.query_params.update(params)
    return at.run()


def shown_view(at: AppTest, entry: str) -> ViewState:
    """The view the page shows, read off the link it wrote (which must itself need no notice)."""
    view, notices = parse({key: [value] for key, value in at.query_params.items()}, BOUNDS)
    assert notices == [], f"{entry} wrote a link that needs notices: {notices}"
    return view


@pytest.mark.slow
@settings(max_examples=CASES_PER_PAGE * len(ENTRY_POINTS), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ENTRY_POINTS), links())
@example("app.py", {"from": ["2011-01-01", "2011-01-01"]})  # a key given twice, its values already the view's
def test_every_page_renders_any_link_and_rewrites_it_to_what_it_shows(entry, params):
    expected, notices = parse(params, BOUNDS)
    at = run_page(entry, params)
    assert not at.exception, f"{entry} raised on {params!r}"
    shown = [i.value for i in at.info if i.value.startswith("Some settings in this link could not be used")]
    if notices:
        assert len(shown) == 1 and shown[0].count("\n- ") == len(notices)
    else:
        assert not shown
    view = shown_view(at, entry)
    assert (view.start, view.end, view.countries) == (expected.start, expected.end, expected.countries)
    if entry == "pages/backer_map.py":
        assert view.as_of in (None, at.slider[0].value) and (
            expected.as_of is None or at.slider[0].value == expected.as_of
        )
    if entry == "pages/quotes.py":
        assert list(view.speakers) == at.multiselect[0].value == list(expected.speakers)
    if entry == "pages/timeline.py":
        assert view.event == focused_event(expected)


def focused_event(view: ViewState) -> str | None:
    """The event= the timeline writes for `view`: its event, unless that is the first shown (the default)."""
    shown = jump.in_order(filter_events(DATASET.events, view))["event_id"].tolist()
    return None if view.event is None or view.event == shown[0] else view.event
