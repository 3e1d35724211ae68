"""Frictionless's errors in the project's words, for schema features the curated data does not use yet."""

import json

import pytest

from tracker.checks.schema_check import schema_problems
from tracker.data.schema import tables

SCHEMA = {
    "fields": [
        {"name": "thing_id", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "count", "type": "integer"},
        {"name": "code", "type": "string", "constraints": {"minLength": 3}},
        {"name": "day", "type": "date", "format": "%Y-%m-%d"},
    ],
    "primaryKey": ["thing_id"],
}


@pytest.fixture
def things(tmp_path):
    descriptor = tmp_path / "datapackage.json"
    resource = {"name": "things", "path": "things.csv", "schema": SCHEMA}
    descriptor.write_text(json.dumps({"resources": [resource]}), encoding="utf-8")
    return tables(descriptor)


@pytest.mark.parametrize(
    "cells, expected",
    [
        ({}, []),
        ({"count": "seven"}, ["things.csv, line 3, count: 'seven' is not a valid integer"]),
        ({"code": "ab"}, ['things.csv, line 3, code: \'ab\' breaks the schema: constraint "minLength" is "3"']),
        ({"day": "2024-1-5"}, ["things.csv, line 3, day: '2024-1-5' is not a real date in the form YYYY-MM-DD"]),
        ({"code": "abc "}, ["things.csv, line 3, code: 'abc ' has leading or trailing spaces"]),
        ({"thing_id": "a"}, ["things.csv, line 3, thing_id: duplicate 'a' (first on line 2)"]),
    ],
)
def test_an_error_is_named_by_file_line_field_and_reason(things, cells, expected):
    good = {"thing_id": "a", "count": "7", "code": "abc", "day": "2024-01-05", "_line": 2}
    rows = [good, {**good, "thing_id": "b", **cells, "_line": 3}]
    assert sorted({str(p) for p in schema_problems(things, {"things": rows}, {"things"})}) == expected
