"""One "Download" menu under every chart, at every width: PNG, SVG, PDF, HTML (from the on-screen spec), the CSV."""

import pandas as pd
import streamlit as st

from tracker.exports import cite, export
from ui.charts import Chart
from ui.page import app_address


def chart_downloads(
    chart: Chart, name_parts: tuple[str, ...], frame: pd.DataFrame, footer: str, version: str, key: str
) -> None:
    """Files are made only when clicked (deferred data), and cached per spec so a second click is instant.
    `footer` goes under the chart in every image (export.footer), with the app's public address after it;
    `version` stamps every CSV row."""
    exportable = chart.exportable(f"{footer}\n{cite.address_line(app_address())}")

    def rendered(fmt: str):
        return lambda: exportable.render(fmt)

    # One small menu rather than a row of five buttons: on a phone those stacked into 290 px after every chart.
    with st.popover("Download", icon=":material/download:", key=f"{key}-downloads"):
        for fmt, (label, mime) in export.FORMATS.items():
            data = (lambda: export.csv_bytes(frame, version)) if fmt == "csv" else rendered(fmt)
            st.download_button(
                label,
                data=data,
                file_name=export.file_name(*name_parts, ext=fmt),
                mime=mime,
                key=f"{key}-{fmt}",
                on_click="ignore",
                width="stretch",
            )
