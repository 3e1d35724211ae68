"""Caches shared by every reader that no client message can empty.

Streamlit clears `st.cache_data` and `st.cache_resource` for the whole process when any websocket sends a
`clear_cache` BackMsg (the developer menu's "Clear cache"), and it has no setting to refuse it. Every reader
would then pay the cold build again (the map's rerun went from about 30 ms to about 400 ms), and a script
sending it in a loop kept the app cold for everybody. `shared` keeps the same promise as
`st.cache_resource` (one value per arguments, built once even when readers ask at the same time, the same
object returned to every caller, never copied, so nothing may edit it in place), in a module-level
dictionary that only a new data version (a new key) or the entry limit replaces.

As with `st.cache_resource`, an argument whose name starts with `_` is not part of the key; the others must
be hashable. A build that raises caches nothing.
"""

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from inspect import signature
from typing import TypeVar

Result = TypeVar("Result")


class SharedCache:
    """One function's results, least recently used first; at most `max_entries`."""

    def __init__(self, build: Callable[..., Result], max_entries: int):
        self.build, self.max_entries = build, max_entries
        self._signature = signature(build)
        names = list(self._signature.parameters)
        # Which positions make the key, for a call with every argument given by position (the usual one, and
        # binding a signature costs more than the rest of a cache hit).
        self._keyed = [(i, name) for i, name in enumerate(names) if not name.startswith("_")]
        self._arity = len(names)
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()  # guards _entries and _building
        self._building: dict = {}  # key -> the lock held while that key's value is built
        functools.update_wrapper(self, build)

    def key(self, args: tuple, kwargs: dict) -> tuple:
        if not kwargs and len(args) == self._arity:
            key = tuple((name, args[i]) for i, name in self._keyed)
        else:
            bound = self._signature.bind(*args, **kwargs)
            bound.apply_defaults()
            key = tuple((name, value) for name, value in bound.arguments.items() if not name.startswith("_"))
        try:
            hash(key)
        except TypeError as err:
            raise TypeError(
                f"{self.build.__qualname__}: every argument not named _… must be hashable ({err})"
            ) from None
        return key

    def __call__(self, *args, **kwargs) -> Result:
        key = self.key(args, kwargs)
        found, value = self._get(key)
        if found:
            return value
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:  # a second reader asking for the same key waits for the first one's build
            found, value = self._get(key)
            if found:
                return value
            try:
                value = self.build(*args, **kwargs)
                with self._lock:
                    self._entries[key] = value
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
            finally:
                with self._lock:
                    self._building.pop(key, None)
        return value

    def _get(self, key: tuple) -> tuple[bool, object]:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return True, self._entries[key]
        return False, None

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Only for tests and the server's own code: no reader can reach it."""
        with self._lock:
            self._entries.clear()


def shared(max_entries: int) -> Callable[[Callable[..., Result]], SharedCache]:
    """Decorator: `@shared(max_entries=128)` in place of `@st.cache_resource(max_entries=128, show_spinner=False)`."""
    return lambda build: SharedCache(build, max_entries)
