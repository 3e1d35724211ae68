"""Where the project's races live: each race is a folder of data, data/<race>/, with its source articles in
seeds/<race>/.

RACE picks the race the app serves; without it, the app serves the one race there is. TRACKER_DATA_DIR and
TRACKER_SEEDS_DIR (set by whoever starts the server, never by a reader) point the app at another copy of a race, e.g.
a broken one in tests; a URL can never choose a path.
"""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]  # tracker/data/paths.py
RACES_DIR = PROJECT_DIR / "data"
STATIC_DIR = PROJECT_DIR / "static"  # served by Streamlit at app/static/ (server.enableStaticServing)
STATIC_URL = "app/static/"  # relative, so it also works under a base URL path


def races(races_dir: Path = RACES_DIR) -> list[str]:
    """The races of the project: the folders of data/ that hold a data package."""
    if not races_dir.is_dir():
        return []
    return sorted(p.name for p in races_dir.iterdir() if (p / "datapackage.json").is_file())


def chosen_race(setting: str | None, known: list[str]) -> str:
    """The race to serve: the one named by the RACE setting, else the only one; a clear error otherwise."""
    if setting:
        if setting not in known:
            raise SystemExit(f"RACE={setting!r} is not a race of data/: it has {', '.join(known) or 'none'}")
        return setting
    if len(known) != 1:
        raise SystemExit(f"data/ holds {len(known)} races ({', '.join(known) or 'none'}): set RACE to one of them")
    return known[0]


def seeds_for(data_dir: Path) -> Path:
    """A race's articles: seeds/<race>/ beside data/<race>/."""
    data_dir = Path(data_dir)
    return data_dir.parent.parent / "seeds" / data_dir.name


def project_race_dir() -> Path:
    """The project's own race folder (data/<race>/, by RACE), whatever TRACKER_DATA_DIR says."""
    return RACES_DIR / chosen_race(os.environ.get("RACE"), races())


DATA_DIR = Path(os.environ.get("TRACKER_DATA_DIR") or project_race_dir())
SEEDS_DIR = Path(os.environ.get("TRACKER_SEEDS_DIR") or seeds_for(DATA_DIR))
