"""Country shapes from the world-atlas TopoJSON, decoded to GeoJSON and trimmed to the area the story covers."""

import json
from functools import lru_cache

# Longitude/latitude boxes: the European theatre, and North America for the two transatlantic allies.
EUROPE = (-25.0, 34.0, 45.0, 72.0)
NORTH_AMERICA = (-170.0, 15.0, -50.0, 84.0)


def _decode_arcs(topology: dict) -> list[list[list[float]]]:
    """Each arc's points as [longitude, latitude] lists, GeoJSON's own type (a spec shares them, uncopied)."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale_x + shift_x, 3), round(y * scale_y + shift_y, 3)])
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[list[float]]:
    ring: list[list[float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _geometry(arcs: list, geometry: dict) -> dict | None:
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(arcs, r) for r in geometry["arcs"]]}
    if geometry["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[_ring(arcs, r) for r in poly] for poly in geometry["arcs"]]}
    return None


def features(topology: dict) -> list[dict]:
    """Every country as a GeoJSON Feature with `id` (ISO numeric, as a string) and `name`."""
    arcs = _decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        shape = _geometry(arcs, geometry)
        if shape is not None:
            out.append(
                {
                    "type": "Feature",
                    "id": geometry.get("id", ""),
                    "properties": {"name": geometry["properties"]["name"]},
                    "geometry": shape,
                }
            )
    return out


def _polygons(feature: dict) -> list:
    geometry = feature["geometry"]
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _clip_to(feature: dict, box: tuple[float, float, float, float]) -> dict | None:
    """The feature keeping only polygons that touch the box (drops far-off islands and territories)."""
    west, south, east, north = box
    kept = [poly for poly in _polygons(feature) if any(west <= x <= east and south <= y <= north for x, y in poly[0])]
    if not kept:
        return None
    geometry = (
        {"type": "Polygon", "coordinates": kept[0]} if len(kept) == 1 else {"type": "MultiPolygon", "coordinates": kept}
    )
    return {**feature, "geometry": geometry}


def region(topology_features: list[dict], box: tuple[float, float, float, float]) -> list[dict]:
    return [clipped for f in topology_features if (clipped := _clip_to(f, box)) is not None]


@lru_cache(maxsize=4)
def regional_features(topology_json: str, box: tuple[float, float, float, float]) -> tuple[dict, ...]:
    """Cached by the TopoJSON's text, so each process decodes the shapes once per region."""
    return tuple(region(features(json.loads(topology_json)), box))


def centre(feature: dict) -> tuple[float, float]:
    """The middle of the box around the feature's largest ring (its mainland): (longitude, latitude)."""
    ring = max((poly[0] for poly in _polygons(feature)), key=len)
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def extent(features: list[dict]) -> dict:
    """A small MultiPoint around the features' outer rings (corners and edge midpoints of their box).

    Fitting a projection to this instead of the shapes themselves keeps the chart spec small and quick to
    validate: Altair checks every coordinate of a fitted GeoJSON against its schema.
    """
    points = [(x, y) for f in features for poly in _polygons(f) for x, y in poly[0]]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    corners = [
        (west, south),
        (mid_x, south),
        (east, south),
        (east, mid_y),
        (east, north),
        (mid_x, north),
        (west, north),
        (west, mid_y),
    ]
    return {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "MultiPoint", "coordinates": [list(c) for c in corners]},
    }
