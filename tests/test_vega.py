"""Specs written as plain data (tracker.charts.vega) read exactly as Altair's would."""

import altair as alt
import jsonschema
import pandas as pd
import pytest

from tracker.charts import vega

ROWS = pd.DataFrame(
    {"day": pd.to_datetime(["2024-06-26", None]), "count": [32.0, float("nan")], "who": ["Hungary", None]}
)


def test_rows_are_sanitised_as_altair_does_dates_as_text_and_gaps_as_null():
    assert vega.records(ROWS) == [
        {"day": "2024-06-26T00:00:00", "count": 32.0, "who": "Hungary"},
        {"day": "", "count": None, "who": None},  # Altair writes a missing date as empty text
    ]


EVERY_KIND = pd.DataFrame(
    {
        "day": pd.to_datetime(["2024-06-26", None, "2024-10-01"]),
        "count": [32.0, float("nan"), float("inf")],
        "slot": [0, 1, 2],
        "exact": [True, False, True],
        "who": pd.array(["Hungary", None, "Türkiye"], dtype="string[pyarrow]"),
        "note": ["", None, float("nan")],  # object: a missing value either way
        "lane": pd.Categorical(["Backing", None, "Backing"]),
    }
)
ODD_KINDS = {
    "a nullable integer": pd.array([1, None, 3], dtype="Int64"),
    "a time with a fraction of a second": pd.to_datetime(["2024-06-26 10:00:00.5", "2024-06-27 00:00:00.0", None]),
    "a time zone": pd.to_datetime(["2024-06-26", "2024-06-27", None]).tz_localize("Europe/Amsterdam"),
}


def test_rows_of_every_kind_of_column_come_out_as_altair_gives_them_in_python_s_own_types():
    from altair.utils.data import to_values

    rows = vega.records(EVERY_KIND)
    assert rows == to_values(EVERY_KIND)["values"]
    assert rows[1] == {"day": "", "count": None, "slot": 1, "exact": False, "who": None, "note": None, "lane": None}
    assert rows[2]["count"] is None  # infinity is not JSON either
    assert [type(rows[0][key]) for key in ("count", "slot", "exact")] == [float, int, bool]
    for kind, column in ODD_KINDS.items():  # the types the charts never draw go Altair's way
        frame = EVERY_KIND.assign(odd=column)
        assert vega.records(frame) == to_values(frame)["values"], kind


def test_a_dataset_is_named_by_its_content_as_altair_names_it():
    spec = vega.Spec()
    name = spec.data(ROWS)["name"]
    assert name == alt.Chart(ROWS).mark_point().to_dict()["data"]["name"]
    assert spec.data(vega.records(ROWS))["name"] == name  # a frame and its records are one dataset
    assert spec.data(ROWS.head(1))["name"] != name
    assert list(spec.datasets) == [name, spec.data(ROWS.head(1))["name"]]


def test_a_whole_spec_has_the_schema_the_theme_and_its_datasets():
    spec = vega.Spec()
    chart = {"data": spec.data(ROWS), "mark": "point", "encoding": {"x": {"field": "day", "type": "temporal"}}}
    whole = spec.top_level({**chart, "config": {"axis": {"labelColor": "#222222"}}}).to_dict()
    assert whole["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    assert whole["config"] == {
        "view": {"continuousWidth": 300, "continuousHeight": 300},
        "axis": {"labelColor": "#222222"},
    }
    assert list(whole["datasets"]) == [chart["data"]["name"]]


def test_each_reader_gets_its_own_copy():
    spec = vega.Spec()
    whole = spec.top_level({"data": spec.data(ROWS), "mark": "point", "title": {"text": "T"}})
    first = whole.to_dict()
    first["title"]["text"] = "changed"
    assert whole.to_dict()["title"]["text"] == "T"


def test_an_invalid_spec_is_refused_when_validated():
    spec = vega.Spec()
    whole = spec.top_level({"data": spec.data(ROWS), "mark": {"type": "point", "size": "large"}})
    with pytest.raises(jsonschema.ValidationError):
        whole.to_dict()
    assert whole.to_dict(validate=False)["mark"]["size"] == "large"


def test_a_spec_is_handed_out_in_json_types_and_never_with_nan():
    spec = vega.Spec()
    whole = spec.top_level({"data": spec.data(ROWS), "mark": "point", "projection": {"rotate": (-12, -52, 0)}})
    assert whole.to_dict()["projection"]["rotate"] == [-12, -52, 0]
    with pytest.raises(ValueError):
        vega.Spec().top_level({"mark": "point", "height": float("nan")}).to_dict(validate=False)


def test_each_spec_handed_out_is_a_copy_whose_rows_are_shared_and_never_nan():
    spec = vega.Spec()
    rows = [{"x": 1}, {"x": 2}]
    whole = spec.top_level({"data": spec.data(rows), "mark": {"type": "point"}, "encoding": {"x": {"field": "x"}}})
    first = whole.to_dict(validate=False)
    first["mark"]["type"] = "bar"
    first["encoding"]["x"]["field"] = "y"
    second = whole.to_dict(validate=False)
    assert second["mark"] == {"type": "point"} and second["encoding"]["x"] == {"field": "x"}
    assert next(iter(second["datasets"].values())) is rows  # rows are made for the spec, not copied
    with pytest.raises(ValueError):
        vega.Spec().data([{"x": float("nan")}])
