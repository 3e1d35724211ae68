"""The schema's checks, by frictionless: types, required values, vocabularies, patterns, uniqueness and foreign keys,
as datapackage.json states them, run on the rows as read, with the project's cell rules as custom checks.

Each error comes back as a Problem naming file, line, field and reason in the project's words.
"""

import re

from frictionless import Check, Checklist, Package, Resource, Schema, errors

from tracker.checks.rule_checks import CELL_CHECKS, NOT_A_DATE
from tracker.data.problems import Problem
from tracker.data.schema import Table


class CellRuleError(errors.CellError):
    type = "project-cell-rule"
    title = "Project Cell Rule"
    description = "A cell breaks a rule of this project (tracker/checks/rule_checks.py)."
    template = "{note}"


class CellRules(Check):
    """The project's CELL_CHECKS, on every cell's text as written."""

    type = "project-cell-rules"
    Errors = [CellRuleError]

    def validate_row(self, row):
        for field, value in zip(row.fields, row.cells, strict=True):
            for cell_check in CELL_CHECKS:
                if reason := cell_check(field.type, value):
                    yield CellRuleError.from_row(row, note=reason, field_name=field.name)


def schema_problems(tables: dict[str, Table], rows: dict[str, list[dict]], whole: set[str]) -> list[Problem]:
    """Problems in `rows` (each table's rows as read) by its schema; foreign keys only between `whole` tables,
    those read with every column."""
    resources = [_resource(tables[name], table_rows, whole) for name, table_rows in rows.items() if table_rows]
    report = Package(resources=resources).validate(Checklist(checks=[CellRules()]))
    return [_problem(err, tables[task.name], rows[task.name], tables) for task in report.tasks for err in task.errors]


def _resource(table: Table, rows: list[dict], whole: set[str]) -> Resource:
    """The rows as an inline resource, with only the columns the file has (a missing one is reported already)."""
    names = [name for name in table.field_names if name in rows[0]]
    schema = {
        **table.schema,
        "fields": [f for f in table.schema["fields"] if f["name"] in names],
        "foreignKeys": [
            fk
            for fk in table.schema.get("foreignKeys", [])
            if table.name in whole and fk["reference"]["resource"] in whole
        ],
    }
    if not set(schema.get("primaryKey", [])) <= set(names):
        del schema["primaryKey"]
    data = [names, *([row[name] for name in names] for row in rows)]
    return Resource(name=table.name, data=data, schema=Schema.from_descriptor(schema))


def _problem(error, table: Table, rows: list[dict], tables: dict[str, Table]) -> Problem:
    if not getattr(error, "row_number", None):
        return Problem(table.path, 0, "", error.message)
    row = rows[error.row_number - 2]  # frictionless counts the header as row 1
    field = getattr(error, "field_name", "")
    cell = getattr(error, "cell", "")
    if error.type == CellRuleError.type:
        reason = error.note
    elif error.type == "type-error":
        kind = next(f["type"] for f in table.schema["fields"] if f["name"] == field)
        reason = f"{cell!r} {NOT_A_DATE}" if kind == "date" else f"{cell!r} is not a valid {kind}"
    elif error.type == "constraint-error":
        reason = _constraint_reason(error.note, cell, next(f for f in table.schema["fields"] if f["name"] == field))
    elif error.type in ("unique-error", "primary-key"):
        field = field or table.schema["primaryKey"][0]
        cell = row[field]
        first = next(r for r in rows if r[field] == cell)
        reason = f"duplicate {cell!r} (first on line {first['_line']})"
    elif error.type == "foreign-key":
        field, cell = error.field_names[0], error.field_cells[0]
        other = tables[error.reference_name]
        reason = f"{cell!r} is not a known {error.reference_field_names[0]} in {other.path}"
    else:
        reason = error.message
    return Problem(table.path, row["_line"], field, reason)


def _constraint_reason(note: str, cell: str, field: dict) -> str:
    constraint = re.match(r'constraint "(\w+)"', note)
    name = constraint.group(1) if constraint else ""
    if name == "required":
        return "is required but empty"
    if name == "enum":
        return f"{cell!r} is not one of: {', '.join(field['constraints']['enum'])}"
    if name == "pattern":
        return f"{cell!r} does not match the pattern {field['constraints']['pattern']}"
    return f"{cell!r} breaks the schema: {note}"
