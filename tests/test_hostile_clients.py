"""Clients that speak Streamlit's websocket directly, not as a browser does.

A fuzzer (Hypothesis) sends random sequences of BackMsgs to a real server on 127.0.0.1 (reruns of random pages
with random page hashes, query strings and widget states of every type, stop, heartbeat, clear-cache and
debug requests) while a well-behaved reader reruns the backer map. The reader never sees an exception, the
server stays healthy and its log holds no traceback. Bounded: 20 sequences of at most 6 messages. Then every kind
of widget state under each filter widget's real id, which Streamlit itself cannot read (ui/widget_guard.py).
"""

import asyncio
import math
import threading
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.state.session_state import WStates

from bench.hostile import RawClient, clear_cache_message
from bench.session import Session
from deploy.local_server import start_app, stop_app
from tracker.reader.url_state import PARAMS
from ui import widget_guard

pytestmark = pytest.mark.slow  # starts a server

PAGES = ["", "timeline", "backer_map", "candidates", "quotes", "sources", "corrections"]
SEQUENCES, LONGEST = 20, 6
EXAMPLE_TIMEOUT = 60


class Loop:
    """One event loop in its own thread, so the reader's websocket lives across Hypothesis's examples."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine, timeout: float = EXAMPLE_TIMEOUT):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@dataclass
class Server:
    url: str
    log: object
    loop: Loop
    reader: Session
    hashes: list[str]  # every page's script hash, as the navigation lists them
    widget_ids: list[str]  # every widget id the app's pages draw
    log_seen: int = 0

    def new_log(self) -> str:
        text = self.log.read_text(errors="replace")
        new, self.log_seen = text[self.log_seen :], len(text)
        return new

    def healthy(self) -> bool:
        with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=10) as response:
            return response.status == 200


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("hostile") / "app.log"
    process, url = start_app("app.py", log)
    loop = Loop()
    try:

        async def scout() -> tuple[Session, list[str], set[str]]:
            widget_ids: set[str] = set()
            visitor = Session(url, "")
            await visitor.open()
            for page in PAGES[1:]:
                visitor.page, visitor.page_script_hash = page, visitor.pages[page]
                await visitor.rerun()
                widget_ids |= set(visitor.widgets)
            await visitor.close()
            reader = Session(url, "backer_map")
            await reader.open()
            return reader, sorted(visitor.pages.values()), sorted(widget_ids)

        reader, hashes, widget_ids = loop.run(scout(), timeout=300)  # the first runs build the charts
        running = Server(url, log, loop, reader, hashes, widget_ids)
        yield running
        loop.run(reader.close())
    finally:
        loop.stop()
        stop_app(process)


text = st.text(max_size=40)
floats = st.floats(allow_nan=True, allow_infinity=True)
int64 = st.integers(-(2**63), 2**63 - 1)
# Every kind of value a widget state can carry, each with a setter for the proto field.
VALUES = {
    "trigger_value": st.booleans(),
    "bool_value": st.booleans(),
    "double_value": floats,
    "int_value": int64,
    "string_value": text,
    "double_array_value": st.lists(floats, max_size=4),
    "int_array_value": st.lists(int64, max_size=4),
    "string_array_value": st.lists(text, max_size=4),
    "json_value": st.one_of(text, st.sampled_from(['{"a": 1}', "[1, 2]", "null", '"2024-01-01"', "{"])),
    "arrow_value": st.binary(max_size=40),
    "bytes_value": st.binary(max_size=40),
    "string_trigger_value": text,
    "chat_input_value": text,
    "json_trigger_value": st.one_of(text, st.just('{"event": "select"}')),
}


def set_value(state: WidgetState, kind: str, value) -> None:
    if kind in ("double_array_value", "int_array_value", "string_array_value"):
        getattr(state, kind).data.extend(value)
    elif kind == "arrow_value":
        state.arrow_value.data = value
    elif kind in ("string_trigger_value", "chat_input_value"):
        getattr(state, kind).data = value
    else:
        setattr(state, kind, value)


@st.composite
def widget_states(draw, widget_ids: list[str]) -> list[WidgetState]:
    states = []
    for _ in range(draw(st.integers(0, 5))):
        state = WidgetState(id=draw(st.one_of(st.sampled_from(widget_ids), text)))
        kind = draw(st.sampled_from(sorted(VALUES)))
        set_value(state, kind, draw(VALUES[kind]))
        states.append(state)
    return states


query_values = st.one_of(text, st.dates().map(str), st.sampled_from(["NLD", "HUN,TUR", "2024-06-26", "x" * 500]))
query_strings = st.one_of(
    text,
    st.lists(st.tuples(st.one_of(st.sampled_from(PARAMS), text), query_values), max_size=4).map(urlencode),
)


@st.composite
def rerun_messages(draw, server: Server) -> BackMsg:
    message = BackMsg()
    rerun = message.rerun_script
    rerun.page_name = draw(st.one_of(st.sampled_from(PAGES), text))
    rerun.page_script_hash = draw(st.one_of(st.just(""), st.sampled_from(server.hashes), text))
    rerun.query_string = draw(query_strings)
    rerun.widget_states.widgets.extend(draw(widget_states(server.widget_ids)))
    if draw(st.booleans()):
        rerun.cached_message_hashes.extend(draw(st.lists(text, max_size=3)))
    rerun.is_auto_rerun = draw(st.booleans())
    return message


def simple(kind: str, value=True) -> BackMsg:
    message = BackMsg()
    setattr(message, kind, value)
    return message


def messages(server: Server):
    return st.one_of(
        rerun_messages(server),
        st.sampled_from(
            [
                simple("stop_script"),
                simple("app_heartbeat"),
                clear_cache_message(),
                simple("load_git_info"),
                simple("debug_shutdown_runtime"),
                simple("debug_disconnect_websocket"),
                simple("set_run_on_save", False),
            ]
        ),
    )


@dataclass
class Outcome:
    reader_errors: list[str]
    hostile_closed: int | None


async def fuzz_once(server: Server, sequence: list[BackMsg], pauses: list[float]) -> Outcome:
    hostile = await RawClient(server.url).open()
    errors: list[str] = []

    async def send_all() -> None:
        for message, pause in zip(sequence, pauses):
            await hostile.send(message)
            await asyncio.sleep(pause)

    async def read(times: int) -> None:
        for _ in range(times):
            try:
                await server.reader.rerun()
            except Exception as err:
                errors.append(f"{type(err).__name__}: {err}")
                return

    try:
        await asyncio.gather(send_all(), read(2))
        await hostile.settle()
        await read(1)
    finally:
        await hostile.close()
    errors += server.reader.exceptions
    server.reader.exceptions.clear()
    return Outcome(errors, hostile.closed_by_server)


def test_random_back_messages_never_reach_a_reader_nor_the_server_log(server):
    @settings(
        max_examples=SEQUENCES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def one_sequence(data):
        sequence = data.draw(st.lists(messages(server), min_size=1, max_size=LONGEST), label="sequence")
        pauses = data.draw(st.lists(st.sampled_from([0, 0, 0.05, 0.2]), min_size=len(sequence), max_size=len(sequence)))
        outcome = server.loop.run(fuzz_once(server, sequence, pauses))
        assert outcome.reader_errors == []
        assert server.healthy()
        log = server.new_log()
        assert "Traceback" not in log, log[-3000:]

    one_sequence()


def exceptions_seen(server, page: str, steps) -> list[str]:
    """The exceptions a client sees when it opens `page`, then runs `steps` on its session."""

    async def drive() -> list[str]:
        client = Session(server.url, page)
        try:
            await client.open()
            await steps(client)
            return client.exceptions
        finally:
            await client.close()

    return server.loop.run(drive())


def test_a_client_that_sends_page_names_without_hashes_and_no_widget_states_gets_its_pages(server):
    """A script asking for pages by name only, never sending the widgets' states: every rerun draws its page."""

    async def by_name_only(client: Session) -> None:
        for page in ["timeline", "backer_map", "story", "quotes", "timeline", "candidates"]:
            client.page, client.page_script_hash = page, ""
            await client.rerun()

    assert exceptions_seen(server, "timeline", by_name_only) == []
    assert "Traceback" not in server.new_log()


WRONG_KINDS = [
    ("string_value", "x"),
    ("int_value", 5),
    ("double_value", math.nan),
    ("bool_value", True),
    ("trigger_value", True),
    ("json_value", "{"),
    ("bytes_value", b"\x00"),
    ("double_array_value", [math.nan, math.inf]),
    ("int_array_value", [99999]),
    ("string_array_value", ["NLD"]),
    ("double_array_value", [1.0, 2.0, 3.0]),
]


@pytest.mark.parametrize(
    ("key", "page"),
    [
        ("filter_period", "backer_map"),  # the date control: presets, then the first and last day
        ("filter_from", "backer_map"),
        ("filter_to", "backer_map"),
        ("filter_countries", "backer_map"),
        ("as_of", "backer_map"),
        ("speakers", "quotes"),
    ],
)
def test_a_filter_widget_s_state_of_any_kind_gives_no_exception(server, key, page):
    """Under the real widget's id, every kind of value a widget state can carry, one rerun each."""

    async def junk_states(client: Session) -> None:
        widget = client.widget_id(key)
        for kind, value in WRONG_KINDS:
            state = WidgetState(id=widget)
            set_value(state, kind, value)
            client.set_state(state)
            await client.rerun()

    assert exceptions_seen(server, page, junk_states) == []
    assert "Traceback" not in server.new_log()


def test_the_widget_guard_finds_streamlit_s_widget_states_where_it_expects_them():
    assert widget_guard.install(), "Streamlit moved WStates: see ui/widget_guard.py"
    assert getattr(WStates.__getitem__, "forgiving", False)
