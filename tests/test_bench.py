"""The benchmark's own parts: its websocket client drives a real server, and its verdicts read targets right.

The crowd of 100 readers is in bench/test_crowd.py, which ./bench.sh runs."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.testing.v1 import AppTest

from bench.elements import slope
from bench.redraw import FLOOR_APP
from bench.session import Session
from bench.stats import Row, percentile
from deploy.local_server import ROOT, start_app, stop_app


@pytest.fixture(scope="module")
def floor_app(tmp_path_factory):
    process, url = start_app("app.py", tmp_path_factory.mktemp("bench") / "app.log", env={"TRACKER_BENCH_FLOOR": "1"})
    try:
        yield url
    finally:
        stop_app(process)


def in_own_thread(coroutine):
    """Run `coroutine` on a fresh event loop: the browser tests leave Playwright's loop running in this thread."""
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


@pytest.mark.slow
def test_the_client_reruns_pages_and_changes_the_date_filter(floor_app):
    async def drive():
        floor, backer_map = Session(floor_app, "bench-floor"), Session(floor_app, "backer_map")
        try:
            await floor.open()
            await backer_map.open()
            sent_before = backer_map.bytes_received
            await backer_map.rerun()
            unchanged_bytes = backer_map.bytes_received - sent_before
            backer_map.move_dates_end(30)
            await backer_map.rerun()
            return floor, backer_map, unchanged_bytes
        finally:
            await floor.close()
            await backer_map.close()

    floor, backer_map, unchanged_bytes = in_own_thread(drive())
    assert floor.widgets == {} and not floor.exceptions  # the floor draws nothing but the navigation
    assert {"filter_to", "as_of"} <= {wid.rsplit("-", 1)[-1] for wid in backer_map.widgets}
    assert not backer_map.exceptions
    assert backer_map.cached, "the server marked no element as cacheable"
    assert unchanged_bytes < 60_000, "an unchanged rerun resent the large elements instead of references"


@pytest.mark.slow
def test_side_by_side_times_every_page_both_ways_on_each_server_in_turn(floor_app):
    from bench.__main__ import PAGES
    from bench.reruns import FLOOR
    from bench.side_by_side import BLOCK, rerun_times

    times = in_own_thread(rerun_times([floor_app, floor_app], rounds=2))  # one server twice: two readers of it
    for side in (0, 1):
        assert len(times[side, FLOOR]["unchanged"]) == 2 * BLOCK and times[side, FLOOR]["changed"] == []
        for page in PAGES:
            assert len(times[side, page]["unchanged"]) == len(times[side, page]["changed"]) == 2 * BLOCK
            assert all(0 < t < 30 for t in times[side, page]["changed"])


def test_percentiles_and_verdicts():
    assert percentile([5, 1, 3, 2, 4], 50) == 3
    assert percentile([1, 2, 3, 4, 100], 95) == 100
    assert Row("Rerun", "x", "", 2.9, "≤ 3").verdict() == "meets"
    assert Row("Rerun", "x", "", 3.1, "≤ 3").verdict() == "misses"
    assert Row("Crowd", "x", "", 0.79, "≥ 0.8").verdict() == "misses"
    assert Row("Crowd", "x", "", 0.9, "").verdict() == ""


def test_the_element_cost_is_the_slope_through_every_point():
    assert slope({0: 70.0, 10: 80.0, 20: 90.0, 40: 110.0}) == pytest.approx(1.0)
    assert slope({0: 70.0, 10: 90.0, 20: 90.0}) == pytest.approx(1.0)  # (−10·−10 + 0 + 10·10) / 200


@pytest.mark.parametrize(
    ("variable", "kind", "count"),
    [
        ("TRACKER_BENCH_PARAGRAPHS", "markdown", 3),
        ("TRACKER_BENCH_FIXED", "markdown", 2),
        ("TRACKER_BENCH_BUTTONS", "button", 4),
    ],
)
def test_the_floor_app_draws_the_extra_elements_it_is_asked_for(monkeypatch, variable, kind, count):
    plain = AppTest.from_file(str(ROOT / FLOOR_APP)).run()
    monkeypatch.setenv(variable, str(count))
    extended = AppTest.from_file(str(ROOT / FLOOR_APP)).run()
    assert not plain.exception and not extended.exception
    assert len(plain.get(kind)) == 0
    assert len(extended.get(kind)) == count
    assert len(extended.get("vega_lite_chart")) == 1
    names_the_date = variable == "TRACKER_BENCH_PARAGRAPHS"  # the floor app's last day, 30 January 2024
    assert all(("30 January 2024" in m.value) == names_the_date for m in extended.get("markdown"))
