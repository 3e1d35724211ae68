"""Where the project's data and source articles live."""
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
SEEDS_DIR = PROJECT_DIR / "seeds"
STATIC_DIR = PROJECT_DIR / "static"  # served by Streamlit at app/static/ (server.enableStaticServing)
ALLIES_GEOJSON = STATIC_DIR / "allies.geojson"
ALLIES_GEOJSON_URL = "app/static/allies.geojson"  # relative, so it also works under a base URL path
