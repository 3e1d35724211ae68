"""Rebuild static/: the backer map's two panels of shapes (map-*.geojson), from data/countries-110m.json.

Run `python -m tracker.tools.build_static` after changing either; a test checks the file is in sync.
"""

import json

from tracker.charts import map_shapes
from tracker.data.files import write_atomic
from tracker.data.paths import STATIC_DIR
from tracker.model.load import load


def static_files() -> dict:
    """Every file static/ holds, by path, as this data makes it."""
    ds = load()
    topology = json.dumps(ds.shapes)
    return {map_shapes.shapes_file(region): map_shapes.shapes_text(topology, region) for region in map_shapes.REGIONS}


if __name__ == "__main__":
    STATIC_DIR.mkdir(exist_ok=True)
    for path, text in static_files().items():
        write_atomic(path, text.encode("utf-8"))
        print(f"wrote {path}")
