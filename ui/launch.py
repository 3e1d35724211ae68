"""Start the app like `streamlit run`, with Nagle's algorithm off on every connection to the server.

Streamlit binds its listening socket with protocol number 0. Sockets accepted from it report protocol 0
too, and asyncio only turns on TCP_NODELAY for sockets that report IPPROTO_TCP, so every reader's
websocket keeps Nagle's algorithm: a rerun's second message waits for the browser's delayed ACK
(about 40 ms on Linux) before it leaves. Setting TCP_NODELAY on the listening socket fixes it at the
source, because Linux copies it to every accepted connection. See docs/PERFORMANCE.md for the figures.

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


def main() -> None:
    if hasattr(starlette_server, "_bind_socket"):
        starlette_server._bind_socket = without_nagle(starlette_server._bind_socket)
    else:  # a Streamlit upgrade moved it: serve anyway, slower, and say so
        warnings.warn("ui.launch: Streamlit no longer has _bind_socket; serving with Nagle's algorithm on")
    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
