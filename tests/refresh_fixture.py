"""Copies data/ and seeds/ into tests/fixture/, the frozen dataset the code tests run on.

The code tests pin exact figures ("92 sourced events", "Reported by 4 of the 5 articles"), so they read this copy,
not data/: an editor adding an article changes data/ and no test. Refresh the copy only when the code needs the
new data's shape (a new column, a new kind), then review its diff and the pinned tests together:

    .venv/bin/python tests/refresh_fixture.py
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture"


def refresh(source: Path = ROOT, fixture: Path = FIXTURE) -> None:
    for folder in ("data", "seeds"):
        target = fixture / folder
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source / folder, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))


if __name__ == "__main__":
    refresh()
    print(
        f"copied data/ and seeds/ to {FIXTURE.relative_to(ROOT)}/; review `git diff --stat {FIXTURE.relative_to(ROOT)}`"
    )
    sys.exit(0)
