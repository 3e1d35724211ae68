"""Where the project's data and source articles live.

RUTTE_DATA_DIR and RUTTE_SEEDS_DIR (set by whoever starts the server, never by a reader) point the app at
another copy, e.g. a broken one in tests; a URL can never choose a path.
"""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("RUTTE_DATA_DIR") or PROJECT_DIR / "data")
SEEDS_DIR = Path(os.environ.get("RUTTE_SEEDS_DIR") or PROJECT_DIR / "seeds")
STATIC_DIR = PROJECT_DIR / "static"  # served by Streamlit at app/static/ (server.enableStaticServing)
STATIC_URL = "app/static/"  # relative, so it also works under a base URL path
