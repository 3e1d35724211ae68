"""How the app is served: Nagle's algorithm off on readers' connections, shared charts never edited."""

import os
import socket

from streamlit.testing.v1 import AppTest
from streamlit.web.server.starlette import starlette_server

from deploy.local_server import ROOT
from ui import nagle


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def accepted(listener: socket.socket) -> socket.socket:
    client = socket.create_connection(listener.getsockname())
    listener.setblocking(True)
    connection, _ = listener.accept()
    client.close()
    return connection


def test_streamlit_alone_leaves_nagle_on_for_accepted_connections():
    """Why ui/nagle.py exists; when this fails, Streamlit fixed it and the module can go."""
    with starlette_server._bind_socket("127.0.0.1", 0, 8) as listener, accepted(listener) as connection:
        assert nodelay(connection) == 0


def test_nagle_goes_off_on_the_listener_on_open_connections_and_on_connections_accepted_later():
    with starlette_server._bind_socket("127.0.0.1", 0, 8) as listener, accepted(listener) as before:
        assert nodelay(listener) == 0 and nodelay(before) == 0
        assert nagle.turn_nagle_off() >= 2
        assert nodelay(listener) != 0 and nodelay(before) != 0
        with accepted(listener) as after:
            assert nodelay(after) != 0
        assert listener.fileno() >= 0 and before.fileno() >= 0  # still open: only duplicates were closed


def test_turning_nagle_off_leaves_no_copy_of_other_files_open():
    """A leaked copy of a pipe's writer keeps its reader from ever seeing the end: the browser driver's stdin, say."""
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    with open(read_end, "rb") as reader:
        with open(write_end, "wb"):
            nagle.turn_nagle_off()
        assert reader.read() == b"", "a copy of the pipe's writer is still open"  # None: the reader would wait
    open_files = os.listdir("/proc/self/fd")
    nagle.turn_nagle_off()
    assert sorted(os.listdir("/proc/self/fd")) == sorted(open_files)


def test_the_app_turns_nagle_off_on_its_first_run(monkeypatch):
    monkeypatch.delenv("TRACKER_BENCH_KEEP_NAGLE", raising=False)
    nagle.turn_nagle_off_once.cache_clear()
    with starlette_server._bind_socket("127.0.0.1", 0, 8) as listener:
        assert nodelay(listener) == 0
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
        assert not at.exception
        assert nodelay(listener) != 0


def _show_a_cached_chart_twice():
    import json

    import altair as alt
    import pandas as pd
    import streamlit as st

    from ui.charts import chart, show

    def build():
        return (
            alt.Chart(pd.DataFrame({"day": ["2024-04-29", "2024-04-30"], "n": [6, 7]}))
            .mark_bar()
            .encode(x="day:T", y="n:Q")
            .properties(title="T")
        )

    cached = chart("test", ("key",), build, title="Backers")
    before = json.dumps(cached.spec, sort_keys=True), dict(cached.screen)
    show(cached, "Seven allies back Rutte.", "a test chart")
    show(chart("test", ("key",), build, title="Backers"), "Seven allies back Rutte.", "the same chart again")
    after = json.dumps(cached.spec, sort_keys=True), dict(cached.screen)
    st.write("unchanged" if before == after else "CHANGED")


def test_showing_a_cached_chart_leaves_it_as_it_was():
    """Cached charts are shared by every reader; Streamlit must only ever see a copy's top level."""
    at = AppTest.from_function(_show_a_cached_chart_twice).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["unchanged"]
    assert len(at.get("vega_lite_chart")) == 2


def test_a_datasets_arrow_bytes_give_back_its_rows_and_a_mixed_column_as_text():
    import pyarrow

    from ui.charts import arrow_bytes

    def rows_of(data: bytes) -> list[dict]:
        table = pyarrow.ipc.open_stream(data).read_all()
        return table.drop_columns([c for c in table.column_names if c.startswith("__index")]).to_pylist()

    rows = [
        {"pos": 0.25, "slot": 1, "exact": True, "when": "26 Jun 2024"},
        {"pos": 1, "slot": None, "exact": False, "when": None},
    ]
    assert rows_of(arrow_bytes(rows)) == [
        {"pos": 0.25, "slot": 1, "exact": True, "when": "26 Jun 2024"},
        {"pos": 1.0, "slot": None, "exact": False, "when": None},
    ]
    assert rows_of(arrow_bytes([{"count": 7}, {"count": "about 20"}])) == [{"count": "7"}, {"count": "about 20"}]
