"""Loading: typed frames as the descriptor says, a content fingerprint as version, DataError on broken data."""

import csv
import json
import re

import pandas as pd
import pytest

from data_copies import DATA, DataCopy
from tracker.data.formatting import date_label
from tracker.data.problems import DataError, Problem
from tracker.model.load import date_span, load, per_version

PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
FRAME_OF = {"articles": "articles", "events": "events", "candidates": "candidates", "members": "members"}
FIELDS = [(r["name"], f) for r in PACKAGE["resources"] if r["name"] in FRAME_OF for f in r["schema"]["fields"]]


@pytest.fixture
def copy(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


def csv_rows(file: str) -> list[dict]:
    with open(DATA / file, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("resource, field", FIELDS, ids=[f"{r}.{f['name']}" for r, f in FIELDS])
def test_each_column_has_the_type_the_descriptor_gives(ds, resource, field):
    column = getattr(ds, FRAME_OF[resource])[field["name"]]
    enum = field.get("constraints", {}).get("enum")
    if field["type"] == "date":
        assert pd.api.types.is_datetime64_any_dtype(column)
        assert column.notna().all()
    elif enum:
        assert isinstance(column.dtype, pd.CategoricalDtype)
        assert list(column.cat.categories) == enum  # in the descriptor's order, unused values included
    else:
        assert all(isinstance(value, str) for value in column), "text stays text: no NaN, no numbers"


@pytest.mark.parametrize(
    "file, frame",
    [
        ("articles.csv", "articles"),
        ("events.csv", "events"),
        ("candidates.csv", "candidates"),
        ("members.csv", "members"),
    ],
)
def test_every_row_is_loaded_in_file_order(ds, file, frame):
    first_column = next(iter(csv_rows(file)[0]))
    assert getattr(ds, frame)[first_column].tolist() == [row[first_column] for row in csv_rows(file)]


@pytest.mark.parametrize(
    "frame, key, value, column, expected",
    [
        ("events", "event_id", "us-backs-kirby", "date", pd.Timestamp("2024-02-22")),
        ("events", "event_id", "us-backs-kirby", "stance", "backs"),
        ("events", "event_id", "rutte-trump-was-right", "stance", None),  # blank vocabulary cell: missing, not ""
        ("events", "event_id", "rutte-appointed", "note", ""),  # blank text stays ""
        ("events", "event_id", "ambassadors-not-yet", "country_iso3", ""),
        ("members", "iso3", "ALB", "iso_numeric", "008"),  # leading zeros kept
        ("members", "iso3", "SWE", "accession_date", pd.Timestamp("2024-03-07")),
        ("members", "iso3", "TUR", "name", "Türkiye"),
        ("articles", "article_id", "turkey-backs", "published", pd.Timestamp("2024-04-29")),
        ("candidates", "candidate_id", "iohannis", "status", "withdrew"),
    ],
)
def test_cells_keep_their_values(ds, frame, key, value, column, expected):
    cell = getattr(ds, frame).set_index(key).at[value, column]
    if expected is None:
        assert pd.isna(cell)
    else:
        assert cell == expected


@pytest.mark.parametrize(
    "day, precision, start, end",
    [
        ("2024-02-22", "day", "2024-02-22", "2024-02-23"),
        ("2019-11-01", "month", "2019-11-01", "2019-12-01"),
        ("2024-02-01", "month", "2024-02-01", "2024-03-01"),
        ("2023-12-01", "month", "2023-12-01", "2024-01-01"),
        ("2023-01-01", "year", "2023-01-01", "2024-01-01"),
        ("2024-01-19", "approx", "2024-01-16", "2024-01-23"),
        ("2024-06-17", "week", "2024-06-17", "2024-06-24"),  # "the previous week": Monday to Sunday
    ],
)
def test_date_span_covers_the_period_a_date_stands_for(day, precision, start, end):
    starts, ends = date_span(pd.Series([pd.Timestamp(day)]), pd.Series(pd.Categorical([precision])))
    assert (starts[0], ends[0]) == (pd.Timestamp(start), pd.Timestamp(end))


def test_every_event_lies_within_its_span(ds):
    events = ds.events
    assert ((events["date_start"] <= events["date"]) & (events["date"] < events["date_end"])).all()
    month = events.set_index("event_id").loc["erdogan-brain-dead-reply"]
    assert (month["date_start"], month["date_end"]) == (pd.Timestamp("2019-11-01"), pd.Timestamp("2019-12-01"))


def test_shapes_are_the_world_atlas_topology(ds):
    assert ds.shapes["type"] == "Topology"
    ids = {g.get("id") for g in ds.shapes["objects"]["countries"]["geometries"]}
    assert set(ds.members["iso_numeric"]) <= ids


def test_version_is_the_package_version_and_a_content_fingerprint(ds):
    assert re.fullmatch(re.escape(PACKAGE["version"]) + r"\+[0-9a-f]{8}", ds.version)


def test_version_depends_on_content_not_location(ds, copy):
    assert load(copy.data, copy.seeds).version == ds.version


@pytest.mark.parametrize("edit", ["row", "article", "descriptor"])
def test_version_changes_when_a_row_or_an_article_changes(ds, copy, edit):
    if edit == "row":
        copy.edit("events.csv", "rutte-appointed", summary="The allies appoint Rutte.")
    elif edit == "article":
        seed = copy.seeds / "004_f81cd5b717ad3e36.txt"
        seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    else:
        copy.replace(
            "datapackage.json",
            '"title": "Mark Rutte\'s race to become NATO Secretary General, 2024"',
            '"title": "Mark Rutte\'s race for NATO, 2024"',
        )
    assert load(copy.data, copy.seeds).version != ds.version


def test_per_version_computes_once_per_data_version_and_again_for_edited_data(ds, copy):
    calls = []

    @per_version
    def summaries(data):
        calls.append(data.version)
        return list(data.events["summary"])

    first = summaries(ds)
    assert summaries(load(copy.data, copy.seeds)) is first  # the same content, loaded again: the same version
    copy.edit("events.csv", "rutte-appointed", summary="The allies appoint Rutte.")
    edited = load(copy.data, copy.seeds)
    assert "The allies appoint Rutte." in summaries(edited)
    assert calls == [ds.version, edited.version]


def test_loading_a_broken_copy_raises_data_error_naming_file_line_and_field(copy):
    line = copy.edit("events.csv", "france-support-january", date="2024-02-30")
    with pytest.raises(DataError) as raised:
        load(copy.data, copy.seeds)
    reason = "'2024-02-30' is not a real date in the form YYYY-MM-DD"
    assert raised.value.problems == [Problem("events.csv", line, "date", reason)]
    assert str(raised.value) == f"1 data problem(s); first: events.csv, line {line}, date: {reason}"


def test_data_error_lists_every_problem_not_just_the_first(copy):
    event = copy.edit("events.csv", "france-support-january", stance="supports", summary="")
    member = copy.edit("members.csv", "ALB", region="Balkans")
    with pytest.raises(DataError) as raised:
        load(copy.data, copy.seeds)
    assert [(p.file, p.line, p.field) for p in raised.value.problems] == [
        # Not a stance, a second stance for France on 19 Jan 2024 (other rows back), and not the kind's stance.
        ("events.csv", event, "stance"),
        ("events.csv", event, "stance"),
        ("events.csv", event, "stance"),
        ("events.csv", event, "summary"),
        ("members.csv", member, "region"),
    ]


@pytest.mark.parametrize("file", ["members.csv", "countries-110m.json"])
def test_a_missing_file_raises_data_error_naming_it(copy, file):
    (copy.data / file).unlink()
    with pytest.raises(DataError) as raised:
        load(copy.data, copy.seeds)
    assert [p.file for p in raised.value.problems] == [file]


def test_a_byte_order_mark_does_not_rename_the_first_column(copy):
    path = copy.data / "events.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load(copy.data, copy.seeds).events.columns[0] == "event_id"


@pytest.mark.parametrize(
    "day, precision, label",
    [
        ("2024-02-22", "day", "22 February 2024"),
        ("2024-06-17", "week", "week of 17 June 2024"),
        ("2023-10-01", "month", "October 2023"),
        ("2023-01-01", "year", "2023"),
        ("2024-01-19", "approx", "c. 19 January 2024"),
    ],
)
def test_a_date_is_written_no_more_precisely_than_it_is_known(day, precision, label):
    assert date_label(pd.Timestamp(day), precision) == label
