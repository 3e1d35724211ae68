"""A reader's session driven over Streamlit's own websocket, the way the browser drives it.

One `Session` opens `/_stcore/stream` (subprotocol `streamlit`), asks for a page with a rerun BackMsg and
reads ForwardMsgs until the script reports it finished. Like the browser it remembers the widgets it was
sent, answers with their states and with the hashes of cached messages, so the server may send references
instead of repeating large elements.
"""

import time
from datetime import date, timedelta

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

STATUS_NAME = ForwardMsg.ScriptFinishedStatus.Name


async def connect_stream(url: str, origin: str, **options):
    """A websocket to Streamlit's stream, opened as a browser opens it: its subprotocol and origin, no
    compression, no size cap, and no pings (a browser sends none)."""
    return await connect(
        url, subprotocols=["streamlit"], origin=origin, max_size=None, compression=None, ping_interval=None, **options
    )


class RerunFailed(RuntimeError):
    pass


class Session:
    def __init__(self, base_url: str, page: str, cookie: str | None = None, source: str | None = None):
        self.url = "ws" + base_url.removeprefix("http") + "/_stcore/stream"
        self.cookie = cookie  # e.g. a load balancer's stickiness cookie, sent with the websocket handshake
        self.replica: str | None = None  # which replica served the handshake, when a balancer says (X-Replica)
        self.origin = base_url
        self.source = source  # the local address to connect from (127.x.y.z: one "client address" per reader)
        self.page = page
        self.page_script_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash, as the navigation message lists them
        self.widgets: dict[str, object] = {}  # widget id -> element proto as last sent by the server
        self.states: dict[str, WidgetState] = {}
        self.cached: set[str] = set()
        self.exceptions: list[str] = []
        self.bytes_received = 0
        self._ws = None

    async def open(self) -> float:
        headers = {"Cookie": self.cookie} if self.cookie else None
        # open_timeout: a balancer may hold the handshake in its queue for a while before it answers
        self._ws = await connect_stream(
            self.url,
            self.origin,
            additional_headers=headers,
            open_timeout=60,
            local_addr=(self.source, 0) if self.source else None,
        )
        self.replica = self._ws.response.headers.get("X-Replica")
        return await self.rerun()

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()

    def widget_id(self, key: str) -> str:
        """The id of the widget whose user key is `key` (Streamlit appends the key to the id)."""
        for wid in self.widgets:
            if wid.endswith(f"-{key}"):
                return wid
        raise KeyError(f"no widget with key {key!r} on page {self.page!r}")

    def set_state(self, state: WidgetState) -> None:
        self.states[state.id] = state

    async def rerun(self) -> float:
        """Ask for a rerun with the current widget states; return the seconds until the script finished."""
        message = BackMsg()
        client = message.rerun_script
        client.page_name = self.page
        client.page_script_hash = self.page_script_hash
        client.widget_states.widgets.extend(self.states.values())
        client.cached_message_hashes.extend(self.cached)
        started = time.perf_counter()
        await self._ws.send(message.SerializeToString())
        while True:
            frame = await self._ws.recv()
            self.bytes_received += len(frame)
            forward = ForwardMsg()
            forward.ParseFromString(frame)
            kind = forward.WhichOneof("type")
            if kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if forward.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    raise RerunFailed(f"{self.page}: script finished with {STATUS_NAME(forward.script_finished)}")
                return time.perf_counter() - started
            self._remember(forward, kind)

    def _remember(self, forward: ForwardMsg, kind: str) -> None:
        if forward.metadata.cacheable and forward.hash:
            self.cached.add(forward.hash)
        if kind == "navigation" and forward.navigation.page_script_hash:
            self.page_script_hash = forward.navigation.page_script_hash
            self.pages = {p.url_pathname: p.page_script_hash for p in forward.navigation.app_pages}
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            inner = getattr(element, element.WhichOneof("type"))
            if element.WhichOneof("type") == "exception":
                self.exceptions.append(inner.message)
            elif "id" in inner.DESCRIPTOR.fields_by_name and inner.id:
                self.widgets[inner.id] = inner

    def move_dates_end(self, days_back: int) -> None:
        """Set the sidebar's last day to `days_back` days before the latest it offers (a new view each time)."""
        last_day = self.widgets[self.widget_id("filter_to")]
        latest = date.fromisoformat(last_day.max.replace("/", "-"))
        state = WidgetState(id=last_day.id)
        state.string_array_value.data.append((latest - timedelta(days=days_back)).isoformat())
        self.set_state(state)
