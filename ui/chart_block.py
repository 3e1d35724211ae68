"""A registered chart as its page shows it: the chart (cached), its description, a corrections link, its
caveat and its downloads, all from rutte_race.chart_registry."""

from functools import partial

import streamlit as st

from rutte_race import export
from rutte_race.chart_registry import Scope, ViewChart, draw, on_page
from ui import charts as chart_cache
from ui import data
from ui.downloads import chart_downloads


def show_chart(item: ViewChart, datasets: dict | None = None) -> None:
    """`datasets`: named datasets to replace on screen only (a highlight); downloads draw the chart plain."""
    if item.empty:
        st.info(item.description)
        return
    retitle = {"title": item.title, "subtitle": item.subtitle} if item.definition.marks_key is not None else {}
    built = chart_cache.chart(item.slug, item.cache_key, item.build, screen=item.definition.screen, **retitle)
    chart_cache.show(
        chart_cache.with_rows(built, **datasets) if datasets else built,
        item.description,
        item.what,
        item.corrections_notice,
    )
    if item.definition.note:
        st.caption(item.definition.note)
    version = item.scope.ds.version
    chart_downloads(
        built,
        item.file_parts,
        item.data,
        export.footer(item.description, version, item.corrections_notice, articles=len(item.scope.ds.articles)),
        version,
        item.slug,
    )


def show_page_charts(page: str, sc: Scope, datasets: dict[str, dict] | None = None) -> dict[str, ViewChart]:
    """Every chart registered for `page`, in registry order; `datasets` by chart slug. Returns them by slug."""
    items = {d.slug: data.for_view(d.drawing_key(sc), sc.ds, None, partial(draw, d, sc)) for d in on_page(page)}
    for item in items.values():
        show_chart(item, (datasets or {}).get(item.slug))
    return items
