"""How the app is served: Nagle's algorithm off on readers' connections, shared charts never edited."""

import inspect
import socket

from streamlit.testing.v1 import AppTest
from streamlit.web.server.starlette import starlette_server

from ui.launch import turn_nagle_off, without_nagle


def accepted_nodelay(bind_socket) -> int:
    listener = bind_socket("127.0.0.1", 0, 8)
    try:
        with socket.create_connection(listener.getsockname()):  # the client end, held open
            listener.setblocking(True)
            connection, _ = listener.accept()
            with connection:
                return connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        listener.close()


def test_streamlit_alone_leaves_nagle_on_for_accepted_connections():
    """Why ui.launch exists; when this fails, Streamlit fixed it and the launcher can go."""
    assert accepted_nodelay(starlette_server._bind_socket) == 0


def test_the_launcher_turns_nagle_off_for_every_accepted_connection():
    assert accepted_nodelay(without_nagle(starlette_server._bind_socket)) != 0


def test_the_private_function_the_launcher_wraps_still_binds_the_server_socket(monkeypatch):
    """ui.launch replaces starlette_server._bind_socket; this fails when Streamlit renames it, changes its
    arguments, or stops binding the server's socket through it."""
    assert list(inspect.signature(starlette_server._bind_socket).parameters) == ["address", "port", "backlog"]
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)  # undone after the test
    assert turn_nagle_off()
    # What Streamlit's server calls to bind its socket now goes through the launcher's wrapper.
    bound, _ = starlette_server._bind_server_socket("127.0.0.1", "127.0.0.1", 0, 8)
    with bound:
        assert bound.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


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
