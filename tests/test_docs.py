"""The docs tell the truth: their generated parts match the data, and the README's commands are CI's."""

import json
import re
import subprocess
import sys
from pathlib import Path

from data_copies import RACE
from tracker.tools import data_docs

ROOT = Path(__file__).resolve().parent.parent


def test_the_generated_docs_and_package_texts_are_in_step_with_the_real_data():
    assert sorted(str(p.relative_to(ROOT)) for p in data_docs.stale(ROOT / "data" / RACE)) == [], (
        "run: python -m tracker.tools.data_docs"
    )


def test_the_data_doc_carries_the_generated_column_reference():
    doc = (ROOT / "docs" / "DATA.md").read_text(encoding="utf-8")
    assert data_docs.column_reference(ROOT / "data" / RACE) in doc


def test_every_column_of_every_table_has_a_description():
    package = json.loads((ROOT / "data" / RACE / "datapackage.json").read_text(encoding="utf-8"))
    undocumented = [
        f"{r['path']}:{f['name']}"
        for r in package["resources"]
        for f in r.get("schema", {}).get("fields", [])
        if not f.get("description", "").strip()
    ]
    assert undocumented == []


def test_readme_opens_with_the_run_and_test_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", readme, flags=re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["./run.sh", "./test.sh"]
    assert readme.index("```bash") < readme.index("## ")  # before anything else
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert ci[-1] in ("./test.sh", 'exec ./test.sh "$@"', "exec ./test.sh")


def test_every_option_the_data_doc_gives_add_article_is_one_it_takes():
    doc = (ROOT / "docs" / "DATA.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"(--[a-z]+)", doc.split("## Adding an article")[1].split("### How to enter a row")[0]))
    result = subprocess.run(
        [sys.executable, "-m", "tracker.tools.add_article", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert documented and documented <= set(re.findall(r"(--[a-z]+)", result.stdout))
