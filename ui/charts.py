"""Charts built once per input and shared by every rerun and reader.

Building a chart's spec costs 7–22 ms a view (tracker/charts/vega.py); a slider move or a page change should not
pay that again for the same chart. Streamlit also turns a spec's datasets into Arrow on every call;
the cached chart carries them ready-made. See docs/PERFORMANCE.md for the figures.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pyarrow
import streamlit as st
from streamlit import dataframe_util

from tracker.charts import charts, vega
from tracker.exports import export
from ui.shared_cache import shared


@dataclass(frozen=True)
class Chart:
    """`spec`: the Vega-Lite spec (for exports); `screen`: the same as the screen draws it (the map reads its
    shapes by URL), with its datasets as Arrow bytes.

    Both are shared by every session, so nothing may edit them in place (Streamlit copies a spec's top
    level before it changes it; tests/test_serving.py checks a cached chart survives being shown).
    """

    spec: dict
    screen: dict
    _exports: dict = field(default_factory=dict, compare=False, repr=False)

    def exportable(self, source_line: str) -> export.Exportable:
        if source_line not in self._exports:
            self._exports[source_line] = export.Exportable(self.spec, source_line)
        return self._exports[source_line]


def chart(
    name: str,
    key: tuple,
    build: Callable[[], vega.TopLevel],
    title: str | None = None,
    subtitle: str | None = None,
    screen: Callable[[dict], dict] | None = None,
) -> Chart:
    """Chart `name` for `key` (everything the chart's marks depend on). `title` and `subtitle` replace the
    built chart's (one map spec serves every date and date range with the same stances). `screen` makes the
    on-screen spec from the exported one, where they differ."""
    built = _built(name, key, build, screen)
    return built if title is None else _retitled(name, key, title, subtitle, built)


@shared(max_entries=128)  # a map spec is about 100 KB
def _built(name: str, key: tuple, _build: Callable[[], vega.TopLevel], _screen: Callable | None) -> Chart:
    # Validation is 60-75% of the cost (tests/test_charts.py validates); to_dict refuses NaN, which is not JSON.
    spec = _build().to_dict(validate=False)
    screen = _screen(spec) if _screen else spec
    datasets = {dataset: arrow_bytes(rows) for dataset, rows in screen.get("datasets", {}).items()}
    return Chart(spec, {**screen, "datasets": datasets} if datasets else screen)


def arrow_bytes(rows: list[dict]) -> bytes:
    """A dataset's rows (JSON values: text, numbers, booleans, null) as the Arrow bytes Streamlit sends. Straight from
    the rows, not by way of a pandas frame as Streamlit would: about 0.1 ms a dataset, not 3 ms."""
    try:
        table = pyarrow.Table.from_pylist(rows)
    except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError):  # a column of mixed types: pandas makes it text
        return dataframe_util.convert_anything_to_arrow_bytes(rows)
    return dataframe_util.convert_anything_to_arrow_bytes(table)


@shared(max_entries=64)
def figure(name: str, key: tuple, _build: Callable):
    """A Plotly figure built once per (name, key)."""
    return _build()


def show(chart: Chart, description: str, what: str) -> None:
    """The chart, with what it is and its description (generated from its data) as its accessible text."""
    st.vega_lite_chart(spec=chart.screen, width="stretch", alt=f"{what} {description}")


def with_rows(chart: Chart, **datasets: list[dict]) -> Chart:
    """The chart with some of its named datasets replaced (a highlight): no rebuild, and the spec the same, so the
    browser updates the drawn chart in place (Streamlit embeds a chart afresh only when its spec changes)."""
    screen = {name: arrow_bytes(rows) for name, rows in datasets.items()}
    return Chart(
        {**chart.spec, "datasets": {**chart.spec["datasets"], **datasets}},
        {**chart.screen, "datasets": {**chart.screen["datasets"], **screen}},
    )


@shared(max_entries=512)  # shares the data of `_chart`
def _retitled(name: str, key: tuple, title: str, subtitle: str | None, _chart: Chart) -> Chart:
    def with_title(spec: dict) -> dict:
        old = spec.get("title")
        if not isinstance(old, dict):
            return {**spec, "title": title}
        steady = spec.get("usermeta", {}).get(charts.STEADY_TITLE, 0)
        text, params = charts.with_title_params(spec.get("params", []), title, steady)
        new = {**old, "text": text}
        if subtitle is not None:
            # Built with an empty subtitle (one line), the chart's own lines follow it; the view's may be several.
            new["subtitle"] = [*subtitle.split("\n"), *old.get("subtitle", [""])[1:]]
        return {**spec, "title": new, **({"params": params} if params else {})}

    def with_plain_title(spec: dict) -> dict:
        return {**with_title(spec), "usermeta": {**spec.get("usermeta", {}), "title": title}}

    return Chart(with_plain_title(_chart.spec), with_plain_title(_chart.screen))
