"""A copy of the test fixture's data/ and seeds/ (or, with `source=ROOT`, the real ones) in a temporary directory,
with helpers to break exactly one thing in it.

Edits rewrite only the row they touch, so every other byte (and line number) of the file stays as it was.
"""

import csv
import io
import shutil
from pathlib import Path

from tracker.checks.check import check

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture"  # the frozen data the code tests pin their figures to
RACE = "nato-secretary-general-2024"  # the race the tests pin: data/<race>/ and seeds/<race>/, here and in FIXTURE
DATA, SEEDS = FIXTURE / "data" / RACE, FIXTURE / "seeds" / RACE


class DataCopy:
    def __init__(self, root: Path, source: Path = FIXTURE):
        self.root = root
        self.data, self.seeds = root / "data" / RACE, root / "seeds" / RACE
        shutil.copytree(source / "data" / RACE, self.data)
        shutil.copytree(source / "seeds" / RACE, self.seeds)

    def lines(self, file: str) -> list[str]:
        return (self.data / file).read_text(encoding="utf-8").split("\n")

    def line_of(self, file: str, key: str) -> int:
        """The line (counting from 1, header included) of the row whose first cell is `key`, found in the raw text."""
        found = [n for n, text in enumerate(self.lines(file), 1) if text.split(",", 1)[0] == key]
        assert len(found) == 1, f"{key!r} starts {len(found)} lines of {file}"
        return found[0]

    def row(self, file: str, key: str) -> dict[str, str]:
        lines = self.lines(file)
        header = next(csv.reader([lines[0]]))
        return dict(zip(header, next(csv.reader([lines[self.line_of(file, key) - 1]]))))

    def edit(self, file: str, key: str, **changes: str) -> int:
        """Set fields of the row whose first cell is `key`; returns the row's line number."""
        line = self.line_of(file, key)
        row = self.row(file, key)
        assert changes.keys() <= row.keys(), f"no column {sorted(changes.keys() - row.keys())} in {file}"
        row.update(changes)
        lines = self.lines(file)
        lines[line - 1] = csv_line(row.values())
        self.write_text(file, "\n".join(lines))
        return line

    def replace(self, file: str, old: str, new: str, count: int = 1) -> None:
        text = (self.data / file).read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {file}"
        self.write_text(file, text.replace(old, new, count))

    def write_text(self, file: str, text: str) -> None:
        (self.data / file).write_text(text, encoding="utf-8", newline="")

    def problems(self) -> list[str]:
        return [str(p) for p in check(self.data, self.seeds)]


def csv_line(values) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(list(values))
    return out.getvalue()
