"""The engine names no race: the words a reader sees that name this race's body, members, candidate, office or
decision come from its race.toml and copy files, never from a string in the code.

Docstrings and comments may use the first race as their example; the strings the code prints may not. What is left
is listed below, each with what it waits for, so the list only shrinks."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = [
    ROOT / "app.py",
    *sorted((ROOT / "tracker").rglob("*.py")),
    *(path for folder in ("ui", "pages") for path in sorted((ROOT / folder).glob("*.py"))),
]
# 'rutte' and 'nato' in any case and inside a name ('rutte_race', 'nato_members', 'RUTTE_PUBLIC_URL'), as well.
RACE_WORDS = re.compile(r"(?i:rutte|nato)|\b([Aa]ll(y|ies)|Secretary[- ]General|[Aa]ppoint\w*)\b")
# (file, the string as the code holds it): what still names the first race, and why it waits.
LEFT = {
    # The kinds of event are the data package's vocabulary (events.kind); the race's kinds and their roles move
    # into race.toml next.
    ("tracker/data/kinds.py", "appointment"),
    ("tracker/data/kinds.py", "the appointment"),
    ("tracker/data/kinds.py", "Appointment"),
    # A candidate's status in candidates.csv, the data package's vocabulary too (readers see the race's word).
    ("tracker/checks/rule_checks.py", "appointed"),
    ("tracker/model/views.py", "appointed"),
    # The story chart's slug names its files and embeds: 'by member' when the files are named from race.toml.
    ("tracker/charts/chart_registry.py", "stances-by-ally"),
}


def strings_shown(path: Path) -> list[str]:
    """Every string constant of a module but its docstrings: what the code can print or write."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def race_strings() -> set[tuple[str, str]]:
    return {
        (str(path.relative_to(ROOT)), text)
        for path in ENGINE
        if path.name != "race_config.py"  # the schema's descriptions give the first race's settings as examples
        for text in strings_shown(path)
        if RACE_WORDS.search(text)
    }


def test_no_string_the_engine_prints_names_the_race_but_those_listed_with_what_they_wait_for():
    found = race_strings()
    assert found <= LEFT, f"a string names the race; read its words from race.toml or copy/: {sorted(found - LEFT)}"
    assert found == LEFT, f"no longer in the code, so off the list: {sorted(LEFT - found)}"


def test_the_check_reads_the_strings_a_module_prints_and_not_its_docstrings(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""About the allies."""\n\n\ndef f(n):\n    """Rutte."""\n    return f"{n} allies back him"\n')
    assert strings_shown(module) == [" allies back him"]
    assert RACE_WORDS.search(strings_shown(module)[0]) and not RACE_WORDS.search("an alliance, rallies")
    assert RACE_WORDS.search("RUTTE_PUBLIC_URL") and RACE_WORDS.search("nato_members.csv")


def test_no_module_of_the_engine_is_named_for_the_race():
    """The package was rutte_race/, its members' table nato_members.csv: the engine's own names say what it is."""
    named = [str(path.relative_to(ROOT)) for path in ENGINE if RACE_WORDS.search(str(path.relative_to(ROOT)))]
    assert named == []
