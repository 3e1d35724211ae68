"""Rebuild static/: the replay map's shapes (allies.geojson) and the backer map's two panels (map-*.geojson), from
data/countries-110m.json and the allies list.

Run `python -m rutte_race.build_static` after changing either; a test checks the file is in sync.
"""

import json

from rutte_race import geo, map_shapes
from rutte_race.files import write_atomic
from rutte_race.load import Dataset, load
from rutte_race.paths import ALLIES_GEOJSON


def allies_geojson_text(ds: Dataset) -> str:
    return json.dumps(geo.allies_geojson(ds.shapes, set(ds.members["iso_numeric"])), separators=(",", ":"))


def static_files() -> dict:
    """Every file static/ holds, by path, as this data makes it."""
    ds = load()
    topology = json.dumps(ds.shapes)
    return {
        ALLIES_GEOJSON: allies_geojson_text(ds),
        **{map_shapes.shapes_file(region): map_shapes.shapes_text(topology, region) for region in map_shapes.REGIONS},
    }


if __name__ == "__main__":
    ALLIES_GEOJSON.parent.mkdir(exist_ok=True)
    for path, text in static_files().items():
        write_atomic(path, text.encode("utf-8"))
        print(f"wrote {path}")
