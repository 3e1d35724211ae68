"""What one reader's client could change for everybody or for itself: the shared caches, and session state.

A `clear_cache` BackMsg, which any websocket may send, goes through Streamlit's own handler here: it empties
`st.cache_resource`, and the app's shared caches (ui/shared_cache.py) keep every chart. Session state holding
what no widget or link could put there (a client left a widget's state out, or sent another type) gives the
view in the link, with no exception.
"""

import csv
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.runtime.app_session import AppSession
from streamlit.testing.v1 import AppTest

from data_copies import RACE
from tracker.charts import charts
from ui import state
from ui.shared_cache import SharedCache, shared

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60


class Wiper:
    """Streamlit's own handling of a BackMsg from a client, on a session with nothing else."""

    _session_state: dict = {}
    handle_backmsg = AppSession.handle_backmsg
    _handle_clear_cache_request = AppSession._handle_clear_cache_request

    def handle_backmsg_exception(self, error: BaseException) -> None:
        raise error


def send_clear_cache() -> None:
    message = BackMsg()
    message.clear_cache = True
    Wiper().handle_backmsg(message)


def test_a_client_s_clear_cache_empties_streamlit_s_caches_but_not_the_charts(monkeypatch):
    builds: list[str] = []
    real_map = charts.backer_map
    monkeypatch.setattr(charts, "backer_map", lambda *args, **kwargs: builds.append("map") or real_map(*args, **kwargs))
    st_builds: list[int] = []

    @st.cache_resource
    def in_streamlit_s_cache(n: int) -> int:
        st_builds.append(n)
        return n

    first = AppTest.from_file(str(ROOT / "pages" / "backer_map.py"), default_timeout=TIMEOUT).run()
    assert not first.exception
    in_streamlit_s_cache(1)
    built_before = len(builds)

    send_clear_cache()

    in_streamlit_s_cache(1)
    assert st_builds == [1, 1], (
        "the clear_cache message no longer empties st.cache_resource: recheck ui/shared_cache.py"
    )
    again = AppTest.from_file(str(ROOT / "pages" / "backer_map.py"), default_timeout=TIMEOUT).run()
    assert not again.exception
    assert len(builds) == built_before, "the map was built again after a client's clear_cache"
    assert [c.value for c in again.caption] == [c.value for c in first.caption]


def test_a_shared_cache_builds_once_per_key_ignores_underscore_arguments_and_keeps_no_failure():
    calls: list[tuple] = []

    @shared(max_entries=2)
    def square(version: str, n: int, _unhashed: list) -> int:
        calls.append((version, n))
        if n < 0:
            raise ValueError("negative")
        return n * n

    assert isinstance(square, SharedCache)
    assert [square("v1", 3, []), square("v1", 3, [1]), square("v1", n=3, _unhashed=[2])] == [9, 9, 9]
    assert calls == [("v1", 3)]
    square("v2", 3, [])  # a new data version is a new key
    with pytest.raises(ValueError):
        square("v1", -1, [])
    with pytest.raises(ValueError):
        square("v1", -1, [])  # a failed build is tried again, not remembered
    assert calls == [("v1", 3), ("v2", 3), ("v1", -1), ("v1", -1)]
    square("v3", 1, [])  # a third entry: the least recently used one ("v1", 3) goes
    square("v1", 3, [])
    assert calls[-2:] == [("v3", 1), ("v1", 3)]
    with pytest.raises(TypeError, match="must be hashable"):
        square("v1", [3], [])


def test_a_view_is_drawn_once_then_shared_by_its_reruns_and_readers_and_a_new_view_is_drawn_anew(monkeypatch):
    from ui import chart_block, data

    drawn: list[str] = []
    real_draw = chart_block.draw
    monkeypatch.setattr(chart_block, "draw", lambda d, sc: drawn.append(d.slug) or real_draw(d, sc))
    data._for_view.clear()

    def spec(at: AppTest) -> str:
        return at.get("vega_lite_chart")[0].proto.spec

    def story(to: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)  # the story, with its navigation
        at.query_params.update({"from": "2024-01-01", "to": to})
        return at.run()

    first = story("2024-05-31")
    assert not first.exception and drawn == ["stances-by-ally"]
    first.run()  # the same reader, the same view
    second = story("2024-05-31")  # another reader of it
    assert not second.exception and drawn == ["stances-by-ally"]
    assert spec(second) == spec(first) and [m.value for m in second.markdown] == [m.value for m in first.markdown]

    other = story("2024-05-30")
    assert not other.exception and drawn == ["stances-by-ally", "stances-by-ally"]
    assert "30 May 2024" in spec(other) and "30 May 2024" not in spec(first)


LINK = {"from": "2024-01-01", "countries": "HUN"}
JUNK = [
    (state.DATES, date(2010, 10, 14)),  # what the slider holds once a client has left its state out
    (state.DATES, ("2024-01-01", "2024-06-30")),
    (state.DATES, (date(2024, 6, 30), date(2024, 1, 1))),
    (state.DATES, (date(1990, 1, 1), date(2024, 1, 1))),
    (state.DATES, [date(2024, 1, 1)]),
    (state.DATES, 42),
    (state.COUNTRIES, "HUN"),
    (state.COUNTRIES, [7]),
    (state.COUNTRIES, ["XXX"]),
    (state.COUNTRIES, {"HUN": 1}),
    (state.AS_OF, "2024-04-30"),
    (state.AS_OF, 5),
    (state.SPEAKERS, "Mark Rutte"),
    (state.SPEAKERS, [None]),
    (state.EVENT, {"id": 1}),
    (state.EVENT, ["x"]),
]


READ_ON = {
    state.DATES: "timeline",
    state.COUNTRIES: "timeline",
    state.AS_OF: "backer_map",
    state.SPEAKERS: "quotes",
    state.EVENT: "timeline",
}  # a page that reads the value


@pytest.mark.slow
@pytest.mark.parametrize(("key", "junk"), JUNK, ids=[f"{key}={junk!r}" for key, junk in JUNK])
def test_a_wrong_value_in_session_state_gives_the_view_in_the_link(key, junk):
    page = READ_ON[key]
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=TIMEOUT)
    for name, value in LINK.items():
        at.query_params[name] = value
    at.session_state[state.NOTICES] = []  # a session past its first run: the link was read once already
    at.session_state[key] = junk
    at.run()
    assert not at.exception
    assert dict(at.query_params) == LINK
    if page == "timeline":
        assert any(c.value.endswith("events shown.") and " of 75 " in c.value for c in at.caption)


def test_a_view_s_events_are_filtered_once_for_its_page_its_charts_and_views_that_differ_only_in_focus(monkeypatch):
    from tracker.reader import filters
    from ui import data

    filtered = []  # the views whose events were filtered, wherever the filtering was asked for

    def counted(rows, view, kind="events"):
        if kind == "events":
            filtered.append(view)
        return real_filter(rows, view, kind)

    real_filter = filters.filter_rows
    monkeypatch.setattr(filters, "filter_rows", counted)
    data._for_view.clear()

    def page(name: str, **link) -> AppTest:
        script = ROOT / ("app.py" if name == "story" else f"pages/{name}.py")  # the story links to other pages
        at = AppTest.from_file(str(script), default_timeout=TIMEOUT)
        at.query_params.update({"from": "2024-01-01", "to": "2024-05-31", **link})
        return at.run()

    timeline = page("timeline")
    assert not timeline.exception and len(filtered) == 1  # the page's table and its chart's rows: one filtering
    with (ROOT / "data" / RACE / "events.csv").open(encoding="utf-8") as rows:
        in_view = [row["event_id"] for row in csv.DictReader(rows) if "2024-02-01" <= row["date"] <= "2024-05-31"]
    focused = page("timeline", event=in_view[-1])
    assert not focused.exception and len(filtered) == 1
    assert [m.value for m in focused.markdown] != [m.value for m in timeline.markdown]  # another event's card
    story = page("story")
    assert not story.exception and len(filtered) == 1
    other = page("timeline", countries="HUN")
    assert not other.exception and len(filtered) == 2 and filtered[1].countries == ("HUN",)
