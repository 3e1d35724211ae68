"""A client that speaks Streamlit's websocket the way no browser does: it sends whatever BackMsgs it is given
(junk widget states, unknown pages, stop and clear-cache requests) and keeps reading what the server answers.

Used by the websocket fuzzer (tests/test_hostile_clients.py) and by `python -m bench.hostile`.
"""
import asyncio
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


class RawClient:
    def __init__(self, base_url: str):
        self.url = "ws" + base_url.removeprefix("http") + "/_stcore/stream"
        self.origin = base_url
        self.exceptions: list[str] = []  # exception elements the server sent this client
        self.frames = 0
        self.closed_by_server: int | None = None  # the close code, when the server hung up
        self._last_frame = time.monotonic()
        self._ws = None
        self._reading: asyncio.Task | None = None

    async def open(self) -> "RawClient":
        self._ws = await connect(self.url, subprotocols=["streamlit"], origin=self.origin, max_size=None, compression=None)
        self._reading = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        try:
            async for frame in self._ws:
                self.frames += 1
                self._last_frame = time.monotonic()
                forward = ForwardMsg()
                forward.ParseFromString(frame)
                if forward.WhichOneof("type") == "delta" and forward.delta.WhichOneof("type") == "new_element":
                    element = forward.delta.new_element
                    if element.WhichOneof("type") == "exception":
                        self.exceptions.append(element.exception.message)
        except ConnectionClosed as closed:
            self.closed_by_server = closed.rcvd.code if closed.rcvd else 1006

    async def send(self, message: BackMsg) -> None:
        if self.closed_by_server is None:
            try:
                await self._ws.send(message.SerializeToString())
            except ConnectionClosed as closed:
                self.closed_by_server = closed.rcvd.code if closed.rcvd else 1006

    async def settle(self, quiet: float = 0.4, limit: float = 15.0) -> None:
        """Wait until the server has sent nothing for `quiet` seconds (its reruns are done), at most `limit`."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline and time.monotonic() - self._last_frame < quiet and self.closed_by_server is None:
            await asyncio.sleep(0.05)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reading is not None:
            await asyncio.gather(self._reading, return_exceptions=True)


def clear_cache_message() -> BackMsg:
    message = BackMsg()
    message.clear_cache = True
    return message


async def wipe_caches(base_url: str) -> None:
    """What anyone can send: Streamlit's "Clear cache" for the whole process."""
    client = await RawClient(base_url).open()
    try:
        await client.send(clear_cache_message())
        await client.settle(quiet=0.2, limit=2)
    finally:
        await client.close()
