"""Data edited under a running server shows on the reader's next move, with the app's own settings (which watch
no source file).

The server dies mid-session: the reader sees Streamlit's reconnect notice; when a server is back on the
same address the notice goes by itself; the reader's next move runs on the new server, which rebuilds the
view from the URL alone (it has no session state, so that move itself is superseded by the link), as does a reload.

The second server serves a copy of the data with another version number, so the page can only show that
number if it really ran on the new server.
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from reader import assert_no_exception, open_page, wait_ready

from deploy.local_server import free_port, start_app, stop_app
from tests.data_copies import DATA, DataCopy

QUERY = "countries=HUN&from=2024-01-01"
PACKAGE_VERSION = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["version"]
RECONNECT_TIMEOUT = 60_000  # ms: the browser retries with a growing delay


@pytest.fixture
def copy_with_new_version(tmp_path) -> DataCopy:
    copy = DataCopy(tmp_path)
    copy.replace("datapackage.json", f'"version": "{PACKAGE_VERSION}"', '"version": "9.9.9"')
    assert copy.problems() == []
    return copy


def sidebar_caption(page) -> str:
    return page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]').last.inner_text()


def end_a_month_earlier(page) -> None:
    """The sidebar's last day a month earlier, as a reader types it."""
    end_month = page.locator('[data-testid="stSidebar"]').get_by_role("spinbutton", name="month, To")
    end_month.focus()
    end_month.press("ArrowDown")
    for _ in range(3):  # past the day and the calendar button, out of the field: it commits the date on leaving
        page.keyboard.press("Tab")


def test_a_killed_server_comes_back_with_the_same_view(page, tmp_path, copy_with_new_version):
    port = free_port()
    process, url = start_app("app.py", tmp_path / "first.log", port=port)
    try:
        open_page(page, url, "timeline", QUERY)
        shown = page.get_by_text("events shown").inner_text()
        assert sidebar_caption(page).startswith(f"Data version {PACKAGE_VERSION}. ")
    finally:
        process.kill()  # no clean shutdown: the reader's websocket just drops
        process.wait()

    expect(page.get_by_test_id("stConnectionStatus")).to_contain_text("Connecting")
    expect(page.get_by_test_id("stDialog")).to_contain_text("Connection error")

    env = {"TRACKER_DATA_DIR": str(copy_with_new_version.data), "TRACKER_SEEDS_DIR": str(copy_with_new_version.seeds)}
    process, _ = start_app("app.py", tmp_path / "second.log", port=port, env=env)
    try:
        expect(page.get_by_test_id("stDialog")).to_have_count(0, timeout=RECONNECT_TIMEOUT)
        expect(page.get_by_test_id("stConnectionStatus")).to_have_count(0)
        wait_ready(page)
        assert page.url == f"{url}/timeline?{QUERY}" and page.get_by_text("events shown").inner_text() == shown

        end_a_month_earlier(page)  # the reader's next move
        expect(page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]').last).to_contain_text(
            "Data version 9.9.9. "
        )
        for _ in ("after the move", "after a reload"):
            wait_ready(page)
            assert page.url == f"{url}/timeline?{QUERY}"
            expect(page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')).to_contain_text("Hungary")
            assert page.get_by_text("events shown").inner_text() == shown
            page.reload()
        assert_no_exception(page)
    finally:
        stop_app(process)
    assert "Traceback" not in Path(tmp_path / "second.log").read_text()


def test_data_edited_under_a_running_server_shows_on_the_next_move(page, tmp_path):
    copy = DataCopy(tmp_path)
    env = {"TRACKER_DATA_DIR": str(copy.data), "TRACKER_SEEDS_DIR": str(copy.seeds)}
    process, url = start_app("app.py", tmp_path / "app.log", env=env)
    try:
        open_page(page, url, "timeline", QUERY)
        assert sidebar_caption(page).startswith(f"Data version {PACKAGE_VERSION}. ")
        copy.replace("datapackage.json", f'"version": "{PACKAGE_VERSION}"', '"version": "9.9.9"')

        end_a_month_earlier(page)
        expect(page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]').last).to_contain_text(
            "Data version 9.9.9. "
        )
        assert_no_exception(page)
    finally:
        stop_app(process)
    assert "Traceback" not in Path(tmp_path / "app.log").read_text()
