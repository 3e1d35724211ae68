"""Checks the curated data, with its schema and beyond it.

`python -m rutte_race.check [DATA_DIR [SEEDS_DIR]]` prints one line per problem, naming file, line,
field and reason, and exits 1 when there is any.
"""
import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rutte_race.paths import DATA_DIR, SEEDS_DIR
from rutte_race.schema import Table, tables
from rutte_race.text import normalise

DESCRIPTOR = "datapackage.json"
STANCE_OF_KIND = {
    "endorsement": {"backs"},
    "opposition": {"opposes"},
    "reservation": {"reservations", "undeclared"},
}
KNOWN_STANCES = set().union(*STANCE_OF_KIND.values())
KINDS_AFTER_PUBLICATION = {"took_office", "context"}  # scheduled events an article can announce ahead
FORMULA_START = "=+-@"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 0 when the problem concerns the whole file
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}, {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class DataError(Exception):
    """The curated data failed its checks; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} data problem(s); first: {problems[0]}")


def parse_date(value: str) -> date | None:
    if not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def read_utf8(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """The file's text, or a problem naming the line of its first byte that is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, Problem(name, line, "", f"is not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")


def read_table(data_dir: Path, table: Table) -> tuple[list[dict] | None, list[Problem]]:
    """Rows of one CSV as dicts with their line number under '_line', and problems with the file itself."""
    path = data_dir / table.path
    if not path.is_file():
        return None, [Problem(table.path, 0, "", f"file is missing (expected at {path})")]
    text, problem = read_utf8(path, table.path)
    if problem:
        return None, [problem]
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader, [])
    problems = [Problem(table.path, 1, name, "column is missing") for name in table.field_names if name not in header]
    problems += [Problem(table.path, 1, name, "unknown column (not in datapackage.json)") for name in header if name not in table.field_names]
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
        row = dict(zip(header, values))
        row["_line"] = line
        rows.append(row)
    return rows, problems


def check_fields(table: Table, rows: list[dict]) -> list[Problem]:
    """Types, required values, vocabularies, patterns and uniqueness, as the schema says."""
    problems = []
    for field in table.fields:
        seen: dict[str, int] = {}
        for row in rows:
            if field.name not in row:
                continue
            value, line = row[field.name], row["_line"]

            def problem(reason: str) -> None:
                problems.append(Problem(table.path, line, field.name, reason))

            if value != value.strip():
                problem(f"{value!r} has leading or trailing spaces")
            if value == "":
                if field.required:
                    problem("is required but empty")
                continue
            if field.type == "string" and value[0] in FORMULA_START:
                problem(f"starts with {value[0]!r}, which a spreadsheet opening the CSV download would run as a formula; reword it")
            if field.type == "date" and parse_date(value) is None:
                problem(f"{value!r} is not a real date in the form YYYY-MM-DD")
            if field.enum is not None and value not in field.enum:
                problem(f"{value!r} is not one of: {', '.join(field.enum)}")
            if field.pattern and not re.fullmatch(field.pattern, value):
                problem(f"{value!r} does not match the pattern {field.pattern}")
            if field.unique:
                if value in seen:
                    problem(f"duplicate {value!r} (first on line {seen[value]})")
                else:
                    seen[value] = line
    return problems


def check_foreign_keys(table: Table, rows: list[dict], data: dict[str, list[dict]]) -> list[Problem]:
    problems = []
    for field, other, other_field in table.foreign_keys:
        if other not in data:
            continue
        known = {r.get(other_field) for r in data[other]}
        for row in rows:
            value = row.get(field, "")
            if value and value not in known:
                problems.append(Problem(table.path, row["_line"], field, f"{value!r} is not a known {other_field} in {other}.csv"))
    return problems


def check_articles(articles: list[dict], seeds_dir: Path) -> list[Problem]:
    problems = []
    named = set()
    for row in articles:
        seed = row.get("seed_file", "")
        named.add(seed)
        if seed and not (seeds_dir / seed).is_file():
            problems.append(Problem("articles.csv", row["_line"], "seed_file", f"seeds/{seed} does not exist"))
        elif seed:
            problems += [p for p in [read_utf8(seeds_dir / seed, f"seeds/{seed}")[1]] if p]
    for seed in sorted(p.name for p in seeds_dir.glob("*.txt")):
        if seed not in named:
            problems.append(Problem("articles.csv", 0, "seed_file", f"seeds/{seed} has no row in articles.csv"))
    return problems


def article_texts(articles: list[dict], seeds_dir: Path) -> dict[str, str]:
    texts = {}
    for row in articles:
        path = seeds_dir / row.get("seed_file", "")
        if path.is_file():
            texts[row["article_id"]] = normalise(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def check_spans(events: list[dict], texts: dict[str, str], articles: dict[str, dict]) -> list[Problem]:
    """Every evidence and quote span occurs verbatim in its article."""
    problems = []
    for row in events:
        text = texts.get(row.get("article_id", ""))
        if text is None:
            continue
        seed = articles[row["article_id"]]["seed_file"]
        for field in ("evidence", "quote"):
            span = row.get(field, "")
            if span and normalise(span) not in text:
                problems.append(Problem("events.csv", row["_line"], field, f"not found verbatim in seeds/{seed} (article {row['article_id']})"))
    return problems


def check_event_rules(events: list[dict], data: dict[str, list[dict]]) -> list[Problem]:
    """Rules between fields and tables that a schema cannot state."""
    problems = []

    def problem(row: dict, field: str, reason: str) -> None:
        problems.append(Problem("events.csv", row["_line"], field, reason))

    # Without a readable nato_members.csv (already reported) no ally rule can be judged.
    allies = {r["iso3"]: parse_date(r.get("accession_date", "")) for r in data["nato_members"]} if "nato_members" in data else None
    published = {r["article_id"]: parse_date(r.get("published", "")) for r in data.get("articles", [])}
    stance_on: dict[tuple[str, date], tuple[str, int]] = {}
    for row in events:
        day = parse_date(row.get("date", ""))
        kind, stance, country = row.get("kind", ""), row.get("stance", ""), row.get("country_iso3", "")
        if day and row.get("date_precision") == "month" and day.day != 1:
            problem(row, "date", "a month-precision date must be the 1st of the month")
        if day and row.get("date_precision") == "year" and (day.month, day.day) != (1, 1):
            problem(row, "date", "a year-precision date must be 1 January")
        allowed = STANCE_OF_KIND.get(kind)
        if allowed is None and stance:
            problem(row, "stance", f"must be empty for kind {kind!r} (only endorsement, reservation and opposition rows carry a stance)")
        elif allowed is not None and stance not in allowed:
            problem(row, "stance", f"kind {kind!r} needs stance {' or '.join(sorted(allowed))}, not {stance!r}")
        if stance and country and allies is not None:
            joined = allies.get(country)
            if country not in allies:
                problem(row, "country_iso3", f"{country} has a stance but is not a NATO ally (nato_members.csv)")
            elif day and joined and day < joined:
                problem(row, "date", f"{country} was not yet an ally on {day} (joined {joined})")
            elif day:
                earlier = stance_on.setdefault((country, day), (stance, row["_line"]))
                if earlier[0] != stance:
                    problem(row, "stance", f"{country} is {earlier[0]!r} on line {earlier[1]} for the same date {day}")
        if row.get("quote") and "," in row.get("actor", ""):
            problem(row, "actor", "a quoted speaker's name cannot hold a comma: links to the quotes page list speakers separated by commas")
        if row.get("note_type") and not row.get("note"):
            problem(row, "note", f"note_type {row['note_type']!r} needs a note saying what is wrong")
        issued = published.get(row.get("article_id", ""))
        if day and issued and day > issued and kind not in KINDS_AFTER_PUBLICATION:
            problem(row, "date", f"{day} is after its article was published ({issued}); only a scheduled took_office or context row may be")
    problems += check_facts(events)
    problems += check_sequence(events, "appointment", "took_office", "took office before being appointed")
    problems += check_sequence(events, "candidacy", "withdrawal", "withdrew before any candidacy")
    return problems


def check_facts(events: list[dict]) -> list[Problem]:
    """Rows sharing a fact_id report one fact: at least two rows do, and stance rows agree on the ally and the stance.
    A disagreement (note_type conflict) needs a fact_id, since it is between two reports of one fact."""
    rows_of: dict[str, list[dict]] = {}
    for row in events:
        if row.get("fact_id"):
            rows_of.setdefault(row["fact_id"], []).append(row)
    problems = []
    for fact, rows in rows_of.items():
        if len(rows) == 1:
            problems.append(Problem("events.csv", rows[0]["_line"], "fact_id", f"{fact!r} is on no other row; leave it blank, or give it to the rows reporting the same fact"))
        stances = [r for r in rows if r.get("stance") in KNOWN_STANCES]  # an unknown stance is reported on its own
        for row in stances[1:]:
            first = stances[0]
            if (row.get("country_iso3"), row["stance"]) != (first.get("country_iso3"), first["stance"]):
                problems.append(Problem("events.csv", row["_line"], "fact_id", f"{fact!r} joins a {row.get('country_iso3') or 'no-country'} {row['stance']!r} row to the "
                                        f"{first.get('country_iso3') or 'no-country'} {first['stance']!r} row on line {first['_line']}; one fact is one ally's one stance"))
    problems += [Problem("events.csv", row["_line"], "fact_id", "a 'conflict' note needs the fact_id the row shares with the reports it disagrees with")
                 for row in events if row.get("note_type") == "conflict" and not row.get("fact_id")]
    return problems


def check_sequence(events: list[dict], first: str, then: str, reason: str) -> list[Problem]:
    """Per candidate, no `then` row may come before the earliest `first` row."""
    earliest: dict[str, date] = {}
    for row in events:
        day = parse_date(row.get("date", ""))
        if row.get("kind") == first and day:
            cand = row.get("candidate", "")
            earliest[cand] = min(day, earliest.get(cand, day))
    return [
        Problem("events.csv", row["_line"], "date", reason)
        for row in events
        if row.get("kind") == then
        and (day := parse_date(row.get("date", "")))
        and row.get("candidate", "") in earliest
        and day < earliest[row["candidate"]]
    ]


def check_candidates(candidates: list[dict], events: list[dict], articles: list[dict]) -> list[Problem]:
    problems = []
    published = {a["article_id"]: a.get("published", "") for a in articles}
    for cand in candidates:
        rows = [e for e in events if e.get("candidate") == cand["candidate_id"]]
        naming = sorted({e["article_id"] for e in rows if e.get("article_id") in published}, key=lambda a: (published[a], a))
        if naming and cand.get("first_article_id") != naming[0]:
            problems.append(Problem("candidates.csv", cand["_line"], "first_article_id", f"should be {naming[0]!r}, the earliest article naming {cand['candidate_id']}"))
        kinds = {e.get("kind") for e in rows}
        for status, kind in (("appointed", "appointment"), ("withdrew", "withdrawal")):
            if (cand.get("status") == status) != (kind in kinds):
                which = ("an" if kind[0] in "aeiou" else "a") if kind in kinds else "no"
                problems.append(Problem("candidates.csv", cand["_line"], "status", f"{cand.get('status')!r} disagrees with the events: {which} {kind} row for {cand['candidate_id']}"))
    return problems


def check_corrections(corrections: list[dict], events: list[dict]) -> list[Problem]:
    """The log agrees with the rows: an article_error for each row noted as a correction, and every data_change's
    `after` is what its row holds now."""
    problems = []
    by_id = {e.get("event_id"): e for e in events}
    logged = set()
    for row in corrections:
        event = by_id.get(row.get("event_id"))  # an unknown id is named by the foreign-key check
        reasons = []
        if event is not None and row.get("kind") == "article_error":
            logged.add(row["event_id"])
            if event.get("note_type") != "correction":
                reasons.append(("event_id", f"{row['event_id']!r} has no 'correction' note in events.csv (line {event['_line']}) to say what is right"))
            reasons += [(f, "must be empty for an article_error (the row's note says what is right)") for f in ("field", "before", "after", "reason") if row.get(f)]
        elif event is not None and row.get("kind") == "data_change":
            field = row.get("field", "")
            if not row.get("reason"):
                reasons.append(("reason", "a data_change needs the reason the row was changed"))
            if field not in event or field.startswith("_"):
                reasons.append(("field", f"{field!r} is not a column of events.csv"))
            elif event[field] != row.get("after"):
                reasons.append(("after", f"{row.get('after')!r} is not what {row['event_id']}'s {field} holds now ({event[field]!r}, events.csv line {event['_line']})"))
        problems += [Problem("corrections.csv", row["_line"], field, reason) for field, reason in reasons]
    problems += [Problem("events.csv", e["_line"], "note_type", "a 'correction' row needs its article_error line in corrections.csv")
                 for e in events if e.get("note_type") == "correction" and e.get("event_id") not in logged]
    return problems


def check_members(members: list[dict], countries: list[dict], data_dir: Path) -> list[Problem]:
    problems = []
    numeric = {c["iso3"]: c.get("iso_numeric") for c in countries}
    shapes_path = data_dir / "countries-110m.json"
    shape_ids = set()
    if not shapes_path.is_file():
        problems.append(Problem("countries-110m.json", 0, "", "file is missing"))
    else:
        try:
            shapes = json.loads(shapes_path.read_text(encoding="utf-8", errors="replace"))
            shape_ids = {g.get("id") for g in shapes["objects"]["countries"]["geometries"]}
        except json.JSONDecodeError as err:
            problems.append(Problem("countries-110m.json", err.lineno, "", f"is not valid JSON ({err.msg}, column {err.colno})"))
        except (KeyError, TypeError, AttributeError):
            problems.append(Problem("countries-110m.json", 0, "", "has no objects.countries.geometries: not a world-atlas topology"))
    for row in members:
        iso3, num = row.get("iso3"), row.get("iso_numeric")
        if iso3 in numeric and numeric[iso3] != num:
            problems.append(Problem("nato_members.csv", row["_line"], "iso_numeric", f"{num!r} is not the ISO numeric code of {iso3} ({numeric[iso3]})"))
        if shape_ids and num not in shape_ids:
            problems.append(Problem("nato_members.csv", row["_line"], "iso_numeric", f"{num!r} has no shape in countries-110m.json"))
    return problems


def read_all(data_dir: Path) -> tuple[dict[str, list[dict]], list[Problem]]:
    descriptor = data_dir / DESCRIPTOR
    if not descriptor.is_file():
        return {}, [Problem(DESCRIPTOR, 0, "", "file is missing")]
    try:
        tables(descriptor)
    except json.JSONDecodeError as err:
        return {}, [Problem(DESCRIPTOR, err.lineno, "", f"is not valid JSON ({err.msg}, column {err.colno})")]
    data, problems = {}, []
    for table in tables(descriptor).values():
        rows, file_problems = read_table(data_dir, table)
        problems += file_problems
        if rows is not None:
            problems += check_fields(table, rows)
            # Rules across tables index rows by their columns: a table missing one waits until its header is fixed.
            if not rows or set(table.field_names) <= rows[0].keys():
                data[table.name] = rows
    for table in tables(descriptor).values():
        if table.name in data:
            problems += check_foreign_keys(table, data[table.name], data)
    return data, problems


def check(data_dir: Path = DATA_DIR, seeds_dir: Path = SEEDS_DIR) -> list[Problem]:
    """Every problem in the data, sorted by file and line; empty when the data is sound."""
    data, problems = read_all(Path(data_dir))
    articles, events = data.get("articles"), data.get("events")
    if articles is not None:
        problems += check_articles(articles, Path(seeds_dir))
    if articles is not None and events is not None:
        by_id = {a["article_id"]: a for a in articles}
        problems += check_spans(events, article_texts(articles, Path(seeds_dir)), by_id)
        problems += check_event_rules(events, data)
        if "candidates" in data:
            problems += check_candidates(data["candidates"], events, articles)
    if events is not None and "corrections" in data:
        problems += check_corrections(data["corrections"], events)
    if "nato_members" in data and "countries" in data:
        problems += check_members(data["nato_members"], data["countries"], Path(data_dir))
    return sorted(set(problems))


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    seeds_dir = Path(argv[1]) if len(argv) > 1 else data_dir.parent / "seeds"
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
