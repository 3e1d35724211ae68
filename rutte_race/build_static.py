"""Rebuild static/allies.geojson, the replay map's shapes, from data/countries-110m.json and the allies list.

Run `python -m rutte_race.build_static` after changing either; a test checks the file is in sync.
"""

import json

from rutte_race import geo
from rutte_race.files import write_atomic
from rutte_race.load import load
from rutte_race.paths import ALLIES_GEOJSON


def allies_geojson_text() -> str:
    ds = load()
    return json.dumps(geo.allies_geojson(ds.shapes, set(ds.members["iso_numeric"])), separators=(",", ":"))


if __name__ == "__main__":
    ALLIES_GEOJSON.parent.mkdir(exist_ok=True)
    write_atomic(ALLIES_GEOJSON, allies_geojson_text().encode("utf-8"))
    print(f"wrote {ALLIES_GEOJSON}")
