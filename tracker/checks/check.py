"""Checks the curated data, with its schema and beyond it.

`python -m tracker.checks.check [DATA_DIR [SEEDS_DIR]]` prints one line per problem, naming file, line,
field and reason, and exits 1 when there is any.

Reading the files is tracker/data/reading.py's job, the schema's checks are frictionless's
(tracker/checks/schema_check.py), and the project's own rules are listed in tracker/checks/rule_checks.py.
"""

import json
import sys
from pathlib import Path

from tracker.checks.rule_checks import Data, rule_problems
from tracker.checks.schema_check import schema_problems
from tracker.data import copy_files, race_config
from tracker.data.paths import DATA_DIR, SEEDS_DIR, seeds_for
from tracker.data.problems import Problem
from tracker.data.reading import has_every_column, read_table
from tracker.data.schema import DESCRIPTOR, tables


def check(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> list[Problem]:
    """Every problem in the data, sorted by file and line; empty when the data is sound."""
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    descriptor = data_dir / DESCRIPTOR
    if not descriptor.is_file():
        return [Problem(DESCRIPTOR, 0, "", "file is missing")]
    try:
        schema = tables(descriptor)
    except json.JSONDecodeError as err:
        return [Problem(DESCRIPTOR, err.lineno, "", f"is not valid JSON ({err.msg}, column {err.colno})")]
    problems, rows = [], {}
    for table in schema.values():
        table_rows, file_problems = read_table(data_dir, table)
        problems += file_problems
        if table_rows is not None:
            rows[table.name] = table_rows
    # Rules across tables index rows by their columns: a table missing one waits until its header is fixed.
    whole = {name: table_rows for name, table_rows in rows.items() if has_every_column(schema[name], table_rows)}
    problems += schema_problems(schema, rows, set(whole))
    problems += rule_problems(Data(whole, data_dir, seeds_dir))
    candidates = {row["candidate_id"] for row in rows.get("candidates", [])} if "candidates" in whole else None
    problems += race_config.problems(data_dir, candidates)
    problems += copy_files.problems(data_dir)
    return sorted(set(problems))


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    seeds_dir = Path(argv[1]) if len(argv) > 1 else seeds_for(data_dir)
    problems = check(data_dir, seeds_dir)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    print(f"OK: {data_dir} passes every check")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
