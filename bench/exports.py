"""Downloads: the app's export code against vl-convert called directly on the same spec, and a second click."""

import time
from datetime import date

import vl_convert as vlc

from tracker.charts import charts
from tracker.exports import export
from tracker.model import views
from tracker.model.load import load
from tracker.reader.filters import bounds_of, filter_events
from tracker.reader.url_state import ViewState

SOURCE = "Source: five news articles"
RAW = {
    "png": lambda spec: vlc.vegalite_to_png(spec, scale=2, vl_version=export.VL_VERSION),
    "svg": lambda spec: vlc.vegalite_to_svg(spec, vl_version=export.VL_VERSION),
    "pdf": lambda spec: vlc.vegalite_to_pdf(spec, vl_version=export.VL_VERSION),
    "html": lambda spec: vlc.vegalite_to_html(spec, bundle=True, vl_version=export.VL_VERSION),
}


def chart_specs() -> dict[str, dict]:
    """The two largest charts of the product, as the pages build them."""
    ds = load()
    changes = views.stance_changes(ds)
    bounds = bounds_of(ds)
    as_of = views.map_frame(ds, date(2024, 4, 30), changes)
    rows = filter_events(ds.events, ViewState(bounds.default_start, bounds.default_end))
    frame = charts.timeline_frame(rows, ds.articles)
    milestones = charts.milestone_frame(frame, views.milestone_labels(ds))
    return {
        "backer map": charts.backer_map(
            as_of, ds.shapes, (), "Allies' stance on Rutte, 30 Apr 2024", "All allies"
        ).to_dict(),
        "timeline": charts.timeline(
            frame, milestones, bounds.default_start, bounds.default_end, "Every sourced event", "All dates"
        ).to_dict(),
    }


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def export_costs(reps: int) -> dict[tuple[str, str], dict[str, list[float]]]:
    """{(chart, format): {"app": [s], "raw": [s], "cached": [s]}}; app and raw alternate, vl-convert warmed first."""
    results = {}
    for name, spec in chart_specs().items():
        for fmt, raw in RAW.items():
            final = export.export_spec(spec, SOURCE)  # what the app hands vl-convert
            raw(final)  # warm this converter
            times = {"app": [], "raw": [], "cached": []}
            for _ in range(reps):
                exportable = export.Exportable(spec, SOURCE)  # as each chart's download buttons hold it
                times["app"].append(_timed(lambda: exportable.render(fmt)))  # noqa: B023 - _timed calls it at once, in this iteration
                times["cached"].append(_timed(lambda: exportable.render(fmt)))  # noqa: B023 - _timed calls it at once, in this iteration
                times["raw"].append(_timed(lambda: raw(final)))  # noqa: B023 - _timed calls it at once, in this iteration
            results[(name, fmt)] = times
    return results
