"""Start the app like `streamlit run`, with Nagle's algorithm off on every connection to the server.

Streamlit binds its listening socket with protocol number 0. Sockets accepted from it report protocol 0
too, and asyncio only turns on TCP_NODELAY for sockets that report IPPROTO_TCP, so every reader's
websocket keeps Nagle's algorithm: a rerun's second message waits for the browser's delayed ACK
(about 40 ms on Linux) before it leaves. Setting TCP_NODELAY on the listening socket fixes it at the
source, because Linux copies it to every accepted connection. See docs/PERFORMANCE.md for the figures.

Streamlit has no public setting for this, so the launcher wraps a private function of its server
(starlette_server._bind_socket); tests/test_serving.py fails when Streamlit changes it. `streamlit run app.py`
(as on Streamlit Community Cloud) serves the same app with Nagle's algorithm on.

    python -m ui.launch app.py [streamlit options]
"""

import socket
import sys
import warnings

from streamlit.web import cli
from streamlit.web.server.starlette import starlette_server


def without_nagle(bind_socket):
    def bind(address: str, port: int, backlog: int) -> socket.socket:
        sock = bind_socket(address, port, backlog)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    return bind


def turn_nagle_off() -> bool:
    """Make Streamlit's server bind its listening socket without Nagle's algorithm; False when it cannot."""
    if not hasattr(starlette_server, "_bind_socket"):
        return False
    starlette_server._bind_socket = without_nagle(starlette_server._bind_socket)
    return True


def main() -> None:
    if not turn_nagle_off():  # a Streamlit upgrade moved it: serve anyway, slower, and say so
        warnings.warn(
            "ui.launch: Streamlit no longer has _bind_socket; serving with Nagle's algorithm on", stacklevel=1
        )
    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
