"""Vega-Lite specs written as plain data, for a chart rebuilt on every change of view.

Altair deep-copies a chart at every method call and again when it layers or concatenates charts: the timeline,
rebuilt for every new date range or country, cost 0.48 s a view that way, against 22 ms as data
(docs/PERFORMANCE.md). A `Spec` is read like an Altair chart (`to_dict`), its datasets named by their content
as Altair names them, so every consumer (screen, downloads, embeds, the whole view) takes either.
"""

import hashlib
import json
import math

import altair as alt
import numpy as np
import pandas as pd
from altair.utils.data import to_values
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema


class Spec:
    """A whole Vega-Lite spec, and the datasets its parts name."""

    def __init__(self) -> None:
        self.datasets: dict[str, list[dict]] = {}

    def data(self, rows: pd.DataFrame | list[dict]) -> dict:
        """A `data` reference to `rows`, added to the spec's datasets: a frame's rows sanitised as Altair does
        (dates as ISO text, missing values as null), or rows already so (`records`). Rows holding a NaN, which
        the browser would refuse, raise ValueError."""
        values = rows if isinstance(rows, list) else records(rows)
        text = json.dumps(values, sort_keys=True, default=str, allow_nan=False)
        name = "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]
        self.datasets[name] = values
        return {"name": name}

    def named(self, name: str, rows: list[dict]) -> dict:
        """A `data` reference to `rows` under a fixed name, for a dataset the screen replaces (ui.charts.with_rows)."""
        self.datasets[name] = rows
        return {"name": name}

    def top_level(self, chart: dict) -> "TopLevel":
        """`chart` as a whole spec: the schema, Altair's default theme and these datasets added."""
        theme = alt.theme.get()()
        config = {**theme.get("config", {}), **chart.get("config", {})}
        datasets = {"datasets": self.datasets} if self.datasets else {}
        return TopLevel({**chart, "config": config, "$schema": alt.SCHEMA_URL, **datasets})


def records(frame: pd.DataFrame) -> list[dict]:
    """`frame`'s rows as a spec holds them, as Altair's `to_values` gives them: dates as ISO text (NaT as ''), missing
    values as null, numpy numbers as Python's. Column by column for the types the charts draw (Altair copies the
    frame and converts it row by row, 7 ms of a timeline's build); any other frame goes Altair's way."""
    columns = [_json_column(frame[name]) for name in frame.columns]
    if any(column is None for column in columns) or not all(isinstance(name, str) for name in frame.columns):
        return to_values(frame)["values"]
    names = list(frame.columns)
    return [dict(zip(names, row)) for row in zip(*columns)] if names else [{} for _ in range(len(frame))]


def _json_column(column: pd.Series) -> list | None:
    """The column's values in JSON's types, or None for a type this does not handle."""
    dtype = column.dtype
    numpy_kind = dtype.kind if isinstance(dtype, np.dtype) else None  # None: pandas' own types (Int64, tz, ...)
    if numpy_kind and numpy_kind in "biu":  # never missing
        return column.tolist()
    if numpy_kind == "f":
        return [value if math.isfinite(value) else None for value in column.tolist()]
    if numpy_kind == "M":
        values = column.to_numpy()
        missing = np.isnat(values)
        if (values[~missing].astype("datetime64[s]") != values[~missing]).any():
            return None  # isoformat() would add the fraction
        return np.where(missing, "", np.datetime_as_string(values, unit="s")).tolist()
    if numpy_kind == "O" or pd.api.types.is_string_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
        return column.to_numpy(dtype=object, na_value=None).tolist()
    return None


DATA_KEYS = ("datasets", "values")  # rows and shapes: made by `records` or read from the shapes file, never edited


class TopLevel:
    """A finished spec, handed out as Altair hands out its charts': a fresh copy each time, in JSON's own types
    (lists, not tuples). The rows and shapes under DATA_KEYS are shared, not copied: a copy of the map's shapes
    cost 12 ms a drawing, of the timeline's rows 3 ms. Strict JSON: a NaN, which the browser would refuse,
    raises ValueError."""

    def __init__(self, spec: dict) -> None:
        self._spec = spec

    def to_dict(self, validate: bool = True) -> dict:
        spec = _json_copy(self._spec)
        if validate:
            validate_jsonschema(spec, load_schema())
        return spec


def _json_copy(node):
    if isinstance(node, dict):
        return {key: value if key in DATA_KEYS else _json_copy(value) for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [_json_copy(value) for value in node]
    if isinstance(node, float) and not math.isfinite(node):
        raise ValueError(f"{node} is not JSON")
    return node
