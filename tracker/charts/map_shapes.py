"""The backer map's two panels of country shapes, and its on-screen spec that loads them from the app's own server.

Inlined, the shapes are about 84 KB of a 113 KB map spec that goes to the browser, and is parsed there, on every
step of the as-of date, though only the stances change. On screen the map therefore reads each panel's shapes
from static/ (written by `python -m tracker.tools.build_static`, served at app/static/) and joins its stances to
them with a Vega-Lite lookup. Exports keep the shapes inline: they must draw with no server.
"""

import json

from tracker.charts import geo
from tracker.data.paths import STATIC_DIR, STATIC_URL

# Canada, the United States and Greenland (Denmark's, drawn in its colour): drawn whole in the North American panel,
# not cut by the European panel's top edge.
TRANSATLANTIC = ("124", "840", "304")
REGIONS = {"europe": geo.EUROPE, "north-america": geo.NORTH_AMERICA}
PANEL = "map-{region}"  # a panel's Vega-Lite name, which says which shapes file it reads
# The shapes' own short names, as a reader expects them written out in a tooltip.
FULL_NAMES = {
    "Bosnia and Herz.": "Bosnia and Herzegovina",
    "Central African Rep.": "Central African Republic",
    "Dem. Rep. Congo": "Democratic Republic of the Congo",
    "Dominican Rep.": "Dominican Republic",
    "Eq. Guinea": "Equatorial Guinea",
    "Falkland Is.": "Falkland Islands",
    "Fr. S. Antarctic Lands": "French Southern and Antarctic Lands",
    "N. Cyprus": "Northern Cyprus",
    "S. Sudan": "South Sudan",
    "Solomon Is.": "Solomon Islands",
    "W. Sahara": "Western Sahara",
}


def full_name(feature: dict) -> str:
    name = feature["properties"]["name"]
    return FULL_NAMES.get(name, name)


def region_features(topology: str, region: str) -> tuple[dict, ...]:
    """The countries one panel draws, each with its id, name and shape; `topology` is the shapes' JSON text."""
    features = geo.regional_features(topology, REGIONS[region])
    if region == "europe":
        return tuple(f for f in features if f["id"] not in TRANSATLANTIC)
    return tuple(f for f in features if f["properties"]["name"] != "Russia")


def shapes_file(region: str):
    return STATIC_DIR / f"{PANEL.format(region=region)}.geojson"


def shapes_text(topology: str, region: str) -> str:
    """The file static/ holds for a panel: its countries' shapes, no names or stances, each with its place in the
    panel as the key the stances join on (ids are not unique: Kosovo and Northern Cyprus have none)."""
    panel = region_features(topology, region)
    features = [{"type": "Feature", "key": i, "geometry": f["geometry"]} for i, f in enumerate(panel)]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def shapes_by_url(spec: dict) -> dict:
    """`spec` with each map panel's inline features replaced by its shapes file and a lookup of their properties
    (the rest of the spec is shared, not copied)."""
    if "vconcat" not in spec:
        return spec
    return {**spec, "vconcat": [_panel_by_url(panel) for panel in spec["vconcat"]]}


def _panel_by_url(panel: dict) -> dict:
    name = panel.get("name", "")
    region = name.removeprefix(PANEL.format(region=""))
    if region not in REGIONS or "values" not in panel.get("data", {}):
        return panel
    properties = [{**f["properties"], "key": i} for i, f in enumerate(panel["data"]["values"])]
    lookup = {"lookup": "key", "from": {"data": {"values": properties}, "key": "key"}, "as": "properties"}
    url = STATIC_URL + shapes_file(region).name
    return {
        **panel,
        "data": {"url": url, "format": {"type": "json", "property": "features"}},
        "transform": [lookup, *panel.get("transform", [])],
    }
