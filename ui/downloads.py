"""One row of download buttons under every chart: PNG, SVG, PDF, HTML (from the on-screen spec) and the CSV behind it."""
import pandas as pd
import streamlit as st

from rutte_race import export
from ui.charts import Chart


def chart_downloads(chart: Chart, name_parts: tuple[str, ...], frame: pd.DataFrame, footer: str, version: str, key: str) -> None:
    """Files are made only when clicked (deferred data), and cached per spec so a second click is instant.
    `footer` goes under the chart in every image (export.footer); `version` stamps every CSV row."""
    exportable = chart.exportable(footer)

    def rendered(fmt: str):
        return lambda: exportable.render(fmt)

    columns = st.columns(5, gap="small")
    for column, fmt in zip(columns, export.FORMATS):
        label, mime = export.FORMATS[fmt]
        data = (lambda: export.csv_bytes(frame, version)) if fmt == "csv" else rendered(fmt)
        column.download_button(
            label, data=data, file_name=export.file_name(*name_parts, ext=fmt), mime=mime,
            key=f"{key}-{fmt}", on_click="ignore", width="stretch",
        )
