"""Nagle's algorithm off on the server's TCP sockets, set from inside the app, however the app was started.

Streamlit binds its listening socket with protocol number 0. Sockets accepted from it report protocol 0 too, and
asyncio only turns on TCP_NODELAY for sockets that report IPPROTO_TCP, so every reader's websocket keeps Nagle's
algorithm: a rerun's second message waits for the browser's delayed ACK (about 40 ms on Linux) before it leaves.
Streamlit has no setting for it, and Streamlit Community Cloud starts the app with plain `streamlit run`, so the
app turns it off itself on its first run: on every TCP socket the process holds, which it finds in /proc/self/fd.
Linux copies the option from the listening socket to every connection accepted after that.
"""

import functools
import os
import socket
import stat

FDS = "/proc/self/fd"


def _set_nodelay(fd: int) -> bool:
    try:
        if not stat.S_ISSOCK(os.fstat(fd).st_mode):
            return False  # never duplicate a pipe or a file: a leaked copy of a pipe's writer keeps its reader waiting
        sock = socket.socket(fileno=os.dup(fd))  # a duplicate: closing it leaves the server's socket open
    except OSError:  # closed since it was listed
        return False
    with sock:
        if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.type != socket.SOCK_STREAM:
            return False
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            return False
    return True


def turn_nagle_off() -> int:
    """Set TCP_NODELAY on every TCP socket of this process; how many. 0 where there is no /proc (not Linux)."""
    try:
        fds = [int(name) for name in os.listdir(FDS)]
    except OSError:
        return 0
    return sum(_set_nodelay(fd) for fd in fds)


turn_nagle_off_once = functools.cache(turn_nagle_off)
