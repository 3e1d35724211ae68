"""Reads the curated files as an editor sees them: UTF-8 text, and CSV rows with the line each one starts on."""

import csv
import io
from pathlib import Path

from tracker.data.problems import Problem
from tracker.data.schema import Table


def read_utf8(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """The file's text, or a problem naming the line of its first byte that is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, Problem(name, line, "", f"is not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")


def read_table(data_dir: Path, table: Table) -> tuple[list[dict] | None, list[Problem]]:
    """Rows of one CSV as dicts keyed by its header, with their line number under '_line', and problems with the
    file itself: missing, not UTF-8, columns missing or unknown, rows with the wrong number of fields."""
    path = data_dir / table.path
    if not path.is_file():
        return None, [Problem(table.path, 0, "", f"file is missing (expected at {path})")]
    text, problem = read_utf8(path, table.path)
    if problem:
        return None, [problem]
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader, [])
    problems = [Problem(table.path, 1, name, "column is missing") for name in table.field_names if name not in header]
    problems += [
        Problem(table.path, 1, name, "unknown column (not in datapackage.json)")
        for name in header
        if name not in table.field_names
    ]
    rows = []
    start = reader.line_num + 1
    for values in reader:
        # A quoted value may span lines: name the line the row starts on, where an editor looks for it.
        line, start = start, reader.line_num + 1
        if not any(values):
            continue
        if len(values) != len(header):
            problems.append(Problem(table.path, line, "", f"has {len(values)} fields, the header has {len(header)}"))
            continue
        rows.append({**dict(zip(header, values, strict=True)), "_line": line})
    return rows, problems


def has_every_column(table: Table, rows: list[dict]) -> bool:
    """Whether rules across tables can index the rows by every column the schema names."""
    return not rows or set(table.field_names) <= rows[0].keys()
