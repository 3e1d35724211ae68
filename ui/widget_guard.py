"""A widget state a widget cannot read is dropped, not raised.

A browser sends each widget's state in the kind that widget uses (a date slider two numbers, a multiselect a
list of strings). Any other client can send any kind under a real widget's id: an integer for the date slider,
numbers for the country filter. Streamlit turns the state into the widget's value inside its own session-state
code, before and while the script runs, and raises there (`TypeError: object of type 'int' has no len()`, ...):
the client gets an error and the server log a traceback on every rerun. Streamlit has no setting for it, so this
patches the one place it reads a client's value, `WStates.__getitem__`: when the state is of another kind than
the widget's (`value_type`), or the widget's deserializer fails on it, the state reads as missing, as Streamlit
already treats a state it has no widget for (the widget shows its value from session state, or its default).
`tests/test_hostile_clients.py` fails if Streamlit moves that place.
"""

import logging
import warnings
from functools import wraps

try:
    from streamlit.runtime.state.session_state import Serialized, WStates
except ImportError:  # a Streamlit upgrade moved them: serve anyway, unguarded, and say so (the test fails)
    Serialized = WStates = None

_LOGGER = logging.getLogger(__name__)


def _readable(states: WStates, key: str) -> bool:
    """False when a client's state for a known widget is of another kind than the widget sends."""
    state, metadata = states.states.get(key), states.widget_metadata.get(key)
    if not isinstance(state, Serialized) or metadata is None or metadata.value_type is None:
        return True
    return state.value.WhichOneof("value") == metadata.value_type


def _forgiving(getitem):
    @wraps(getitem)
    def get(self: WStates, key: str):
        if not _readable(self, key):
            _LOGGER.debug("Ignored a client's state of the wrong kind for widget %s.", key)
            raise KeyError(key)
        try:
            return getitem(self, key)
        except KeyError:
            raise
        except Exception as err:  # whatever the client's value made the widget's deserializer raise
            if not isinstance(self.states.get(key), Serialized):
                raise
            _LOGGER.debug("Ignored a client's state for widget %s that it cannot read (%s).", key, type(err).__name__)
            raise KeyError(key) from None

    get.forgiving = True
    return get


def install() -> bool:
    """Once per process (app.py calls it on every run; later calls do nothing). True when the guard is on."""
    if WStates is None or not hasattr(WStates, "__getitem__") or not hasattr(WStates, "widget_metadata"):
        warnings.warn(
            "ui.widget_guard: Streamlit's WStates moved; a client's unreadable widget state will raise", stacklevel=2
        )
        return False
    if not getattr(WStates.__getitem__, "forgiving", False):
        WStates.__getitem__ = _forgiving(WStates.__getitem__)
    return True
