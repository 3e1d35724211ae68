"""The check command on the real data and on deliberately broken copies: each fault named by file, line, field."""
import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import validate

from rutte_race.check import DataError, check
from rutte_race.load import load

ROOT = Path(__file__).resolve().parent.parent


class Copy:
    """data/ and seeds/ copied to a temp dir, with helpers to break one thing."""

    def __init__(self, root: Path):
        self.data, self.seeds = root / "data", root / "seeds"
        shutil.copytree(ROOT / "data", self.data)
        shutil.copytree(ROOT / "seeds", self.seeds)

    def rows(self, file: str) -> tuple[list[str], list[dict]]:
        with open(self.data / file, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            return list(reader.fieldnames), list(reader)

    def write(self, file: str, header: list[str], rows: list[dict]) -> None:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        (self.data / file).write_text(out.getvalue(), encoding="utf-8")

    def start_lines(self, file: str) -> list[int]:
        """The line each row starts on (as the check counts lines: a quoted field may span lines)."""
        with open(self.data / file, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader)
            starts, start = [], reader.line_num + 1
            for _ in reader:
                starts.append(start)
                start = reader.line_num + 1
        return starts

    def line_of(self, file: str, key: str, value: str) -> int:
        _, rows = self.rows(file)
        return next(line for line, row in zip(self.start_lines(file), rows) if row[key] == value)

    def set(self, file: str, key: str, value: str, **changes) -> int:
        """Change fields of one row; returns its line number."""
        header, rows = self.rows(file)
        for row in rows:
            if row[key] == value:
                row.update(changes)
        self.write(file, header, rows)
        return self.line_of(file, key, changes.get(key, value))

    def problems(self) -> list[str]:
        return [str(p) for p in check(self.data, self.seeds)]


@pytest.fixture
def copy(tmp_path) -> Copy:
    return Copy(tmp_path)


def test_the_real_data_passes_every_check():
    assert [str(p) for p in check()] == []


def test_the_data_package_is_valid_for_frictionless():
    report = validate(ROOT / "data" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_check_command_exits_0_on_the_real_data_and_1_on_a_broken_copy(copy):
    ok = subprocess.run([sys.executable, "-m", "rutte_race.check"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    line = copy.set("events.csv", "event_id", "france-support-january", date="2024-13-01")
    broken = subprocess.run([sys.executable, "-m", "rutte_race.check", str(copy.data), str(copy.seeds)], cwd=ROOT, capture_output=True, text=True)
    assert broken.returncode == 1
    assert f"events.csv, line {line}, date: '2024-13-01' is not a real date in the form YYYY-MM-DD" in broken.stdout.splitlines()


EVENT = "france-support-january"  # a stance row: France backs Rutte, c. 19 Jan 2024
CELL_FAULTS = [
    # (field, bad value, the exact message after "events.csv, line N, ")
    ("date", "2024-02-30", "date: '2024-02-30' is not a real date in the form YYYY-MM-DD"),
    ("date", "19/01/2024", "date: '19/01/2024' is not a real date in the form YYYY-MM-DD"),
    ("stance", "supports", "stance: 'supports' is not one of: backs, opposes, reservations, undeclared"),
    ("kind", "endorsment", "kind: 'endorsment' is not one of: endorsement, reservation, opposition, candidacy, mention, withdrawal, call, visit, statement, tally, appointment, took_office, context, background"),
    ("article_id", "no-such-article", "article_id: 'no-such-article' is not a article_id in articles.csv"),
    ("country_iso3", "XXX", "country_iso3: 'XXX' is not a iso3 in countries.csv"),
    ("country_iso3", "CHE", "country_iso3: CHE has a stance but is not a NATO ally (nato_members.csv)"),
    ("country_iso3", "SWE", "date: SWE was not yet an ally on 2024-01-19 (joined 2024-03-07)"),
    ("evidence", "Rutte said nothing of the sort.", "evidence: not found verbatim in seeds/003_bbb002d8aafd2be4.txt (article bloomberg-backers)"),
    ("stance", "opposes", "stance: kind 'endorsement' needs stance backs, not 'opposes'"),
    ("note", "", "note: note_type 'caution' needs a note saying what is wrong"),
    ("summary", "", "summary: is required but empty"),
    ("actor", " France", "actor: ' France' has leading or trailing spaces"),
]


@pytest.mark.parametrize("field, value, message", CELL_FAULTS, ids=[f"{f}={v!r}" for f, v, _ in CELL_FAULTS])
def test_a_bad_cell_is_named_by_file_line_field_and_reason(copy, field, value, message):
    line = copy.set("events.csv", "event_id", EVENT, **{field: value})
    assert f"events.csv, line {line}, {message}" in copy.problems()


def test_a_duplicate_id_names_both_lines(copy):
    header, rows = copy.rows("events.csv")
    first = copy.line_of("events.csv", "event_id", rows[0]["event_id"])
    rows[5]["event_id"] = rows[0]["event_id"]
    copy.write("events.csv", header, rows)
    second = copy.start_lines("events.csv")[5]
    assert f"events.csv, line {second}, event_id: duplicate '{rows[0]['event_id']}' (first on line {first})" in copy.problems()


def test_a_quote_not_in_its_article_is_named(copy):
    line = copy.set("events.csv", "event_id", "erdogan-brain-dead-reply", quote="NATO is doing just fine.")
    assert any(p.startswith(f"events.csv, line {line}, quote: not found verbatim in seeds/") for p in copy.problems())


def test_a_month_precision_date_must_be_the_first(copy):
    line = copy.set("events.csv", "event_id", "erdogan-brain-dead-reply", date="2019-11-15")
    assert f"events.csv, line {line}, date: a month-precision date must be the 1st of the month" in copy.problems()


def test_typographic_quotes_and_spacing_still_match_the_article(copy):
    header, rows = copy.rows("events.csv")
    row = next(r for r in rows if r["event_id"] == "rutte-trump-was-right")
    row["evidence"] = row["evidence"].replace('"', "“", 1).replace('"', "”", 1).replace(" ", "  ", 1)
    copy.write("events.csv", header, rows)
    assert copy.problems() == []


def test_a_missing_and_a_renamed_column_are_named(copy):
    header, rows = copy.rows("events.csv")
    header = [("quotation" if h == "quote" else h) for h in header if h != "summary"]
    rows = [{("quotation" if k == "quote" else k): v for k, v in r.items() if k != "summary"} for r in rows]
    copy.write("events.csv", header, rows)
    problems = copy.problems()
    assert "events.csv, line 1, summary: column is missing" in problems
    assert "events.csv, line 1, quote: column is missing" in problems
    assert "events.csv, line 1, quotation: unknown column (not in datapackage.json)" in problems


def test_a_missing_file_is_named(copy):
    (copy.data / "events.csv").unlink()
    assert f"events.csv: file is missing (expected at {copy.data / 'events.csv'})" in copy.problems()


def test_a_file_that_is_not_utf8_names_the_line(copy):
    path = copy.data / "articles.csv"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("Not named")].count("\n") + 1 if "Not named" in text else 2
    path.write_bytes(text.replace("Not named", "Not nam\u00e9d", 1).encode("latin-1", errors="replace"))
    assert f"articles.csv, line {line}: is not UTF-8 (byte 0xe9); save the file as UTF-8" in copy.problems()


def test_a_seed_file_missing_for_an_article_is_named(copy):
    (copy.seeds / "004_f81cd5b717ad3e36.txt").unlink()
    line = copy.line_of("articles.csv", "seed_file", "004_f81cd5b717ad3e36.txt")
    assert f"articles.csv, line {line}, seed_file: seeds/004_f81cd5b717ad3e36.txt does not exist" in copy.problems()


def test_loading_broken_data_raises_a_data_error_naming_the_problem(copy):
    line = copy.set("events.csv", "event_id", EVENT, stance="supports")
    with pytest.raises(DataError) as error:
        load(copy.data, copy.seeds)
    assert f"events.csv, line {line}, stance: 'supports' is not one of: backs, opposes, reservations, undeclared" in [str(p) for p in error.value.problems]
