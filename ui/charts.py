"""Charts built once per input and shared by every rerun and reader.

Building an Altair chart and turning it into a spec validates it against the Vega-Lite schema, which costs
0.2–0.7 s for these charts; a slider move or a page change should not pay that again for the same chart.
"""
import json
from typing import Callable

import altair as alt
import streamlit as st


@st.cache_resource(max_entries=128, show_spinner=False)  # a map spec is about 1 MB
def spec_json(name: str, key: tuple, _build: Callable[[], alt.TopLevelMixin]) -> str:
    """The Vega-Lite spec of chart `name` for `key` (everything the chart depends on), as JSON text."""
    return json.dumps(_build().to_dict(), allow_nan=False)


@st.cache_resource(max_entries=64, show_spinner=False)
def figure(name: str, key: tuple, _build: Callable):
    """A Plotly figure built once per (name, key)."""
    return _build()


def show(spec: str, alt_text: str) -> None:
    """Draw a cached spec; Streamlit edits the spec it is given, so it gets a fresh copy."""
    st.vega_lite_chart(spec=json.loads(spec), width="stretch", alt=alt_text)


def retitled(spec: str, title: str) -> str:
    """The same spec under another title (one map spec serves every date with the same stances)."""
    parsed = json.loads(spec)
    parsed["title"]["text"] = title
    return json.dumps(parsed, allow_nan=False)
