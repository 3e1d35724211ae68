"""A registered chart as its page shows it: the chart (cached), then its description, caveat and downloads, all from
tracker.charts.chart_registry. A page may put its own controls between the chart and the rest (the map's Play)."""

from functools import partial

import streamlit as st

from tracker.charts.chart_registry import Scope, ViewChart, draw, on_page
from tracker.data.formatting import article_names
from tracker.data.text import escape_markdown
from tracker.exports import export
from ui import charts as chart_cache
from ui import data
from ui.downloads import chart_downloads


def _built(item: ViewChart) -> chart_cache.Chart:
    retitle = {"title": item.title, "subtitle": item.subtitle} if item.definition.marks_key is not None else {}
    return chart_cache.chart(item.slug, item.cache_key, item.build, screen=item.definition.screen, **retitle)


def show_chart(item: ViewChart, datasets: dict | None = None) -> None:
    """The chart alone. `datasets`: named datasets to replace on screen only (a highlight); downloads draw it
    plain. When nothing matches the view, the sentence that says so instead."""
    if item.empty:
        st.info(item.description)
        return
    built = _built(item)
    chart_cache.show(chart_cache.with_rows(built, **datasets) if datasets else built, item.description, item.what)


def show_notes(item: ViewChart, folded: str = "") -> None:
    """What goes under the chart: its description (generated from its rows), its caveat and its downloads. With
    `folded`, the description sits in a fold of that label (where the page's prose tells the same); it stays the
    chart's accessible name either way."""
    if item.empty:
        return
    if folded:
        with st.expander(folded):
            st.caption(escape_markdown(item.description))
    else:
        st.caption(escape_markdown(item.description))
    if item.corrections_notice:
        st.markdown(f":material/edit_note: [{item.corrections_notice}](corrections)")
    if item.definition.note:
        st.caption(item.definition.note)
    version = item.scope.ds.version
    chart_downloads(
        _built(item),
        item.file_parts,
        item.data,
        export.footer(
            item.description,
            version,
            item.corrections_notice,
            articles=list(article_names(item.scope.ds.articles).values()),
        ),
        version,
        item.slug,
    )


def page_charts(page: str, sc: Scope) -> dict[str, ViewChart]:
    """Every chart registered for `page`, drawn for the view, in registry order, by slug."""
    return {d.slug: data.for_view(d.drawing_key(sc), sc.ds, None, partial(draw, d, sc)) for d in on_page(page)}


def show_page_charts(
    page: str, sc: Scope, datasets: dict[str, dict] | None = None, notes: bool = True
) -> dict[str, ViewChart]:
    """Every chart registered for `page`, each with its notes (unless `notes` is False: the page shows them itself,
    with show_notes); `datasets` by chart slug. Returns them by slug."""
    items = page_charts(page, sc)
    for item in items.values():
        show_chart(item, (datasets or {}).get(item.slug))
        if notes:
            show_notes(item)
    return items
