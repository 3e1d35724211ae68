"""The reader's view as URL query parameters: parsed leniently (with a notice for anything ignored) and written back.

Each filter reads and writes its own keys (view_state.FILTERS); this module only runs them in order.
"""

from tracker.reader.link_values import LinkValues, short
from tracker.reader.view_state import FILTERS, Bounds, ViewState

PARAMS = tuple(key for f in FILTERS for key in f.url_keys)


def parse(params: dict[str, list[str]], bounds: Bounds) -> tuple[ViewState, list[str]]:
    """The view a link asks for, and one plain-language notice per value that was ignored or adjusted."""
    link = LinkValues(params)
    link.notices += [f"Ignored the unknown link setting “{short(key)}”." for key in params if key not in PARAMS]
    values: dict = {}
    for f in FILTERS:
        values.update(f.read(link, values, bounds))
    return ViewState(**values), link.notices


def to_params(state: ViewState, bounds: Bounds) -> dict[str, str]:
    """Query parameters for `state`, leaving out whatever equals the default so links stay short."""
    default = bounds.default()
    params: dict[str, str] = {}
    for f in FILTERS:
        params.update(f.write(state, default))
    return params
