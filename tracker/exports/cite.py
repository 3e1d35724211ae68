"""How to cite the data, and ready snippets to load it, all naming one dataset version."""

import ipaddress
from datetime import date
from urllib.parse import urlsplit

from tracker.data.counts import counted
from tracker.data.formatting import day_text

ADDRESS_SETTING = "TRACKER_PUBLIC_URL"  # environment variable, or `public_url` in Streamlit's secrets


def public_address(setting: str | None) -> str:
    """The app's public address from its setting, ending in '/'; '' when unset or not public (a loopback, private
    or single-label host would send a reader nowhere)."""
    parts = urlsplit((setting or "").strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or parts.query or parts.fragment or not internet_host(host):
        return ""
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/"


def internet_host(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_global
    except ValueError:  # a name
        return "." in host and not host.endswith((".localhost", ".local", ".internal", ".lan", ".home.arpa"))


def address_line(address: str) -> str:
    """The line an exported file carries to lead back to the app and its corrections; '' when the app's public
    address is not set (a file never prints a placeholder)."""
    return f"Online, with every correction: {address}" if address else ""


def title(race: str, articles: int) -> str:
    """The dataset's title as cited, from the race's (race.toml): 'Rutte's race to lead NATO: every claim of five
    news articles, sourced'."""
    return f"{race}: every claim of {counted(articles, 'news article')}, sourced"


def dateline(version: str, last_change, published=None, byline: str = "") -> str:
    """The story's dateline: 'By …' when the race names its authors; once published (datapackage.json's
    `published`), that day and the day its data last changed ('Updated'); before, only the day its data stands at
    ('Last checked against the articles': 'Updated' read as published, beside a Corrections page with none yet, and
    'Data as of' as the events' own date, on a story of 2024); and its data version."""
    return " · ".join(
        part
        for part in (
            byline and f"By {byline}",
            published is not None and f"Published {day_text(published)}",
            f"{'Updated' if published is not None else 'Last checked against the articles'} {day_text(last_change)}",
            f"Data version {published_version(version)}",
        )
        if part
    )


def published_version(version: str) -> str:
    """The version a reader sees on a chart or page, '1.3.0' of '1.3.0+28121712': the package's version, without
    the fingerprint of its content that the CSVs and the data package carry for whoever reproduces a figure."""
    return version.split("+")[0]


def package_folder(version: str, prefix: str) -> str:
    """The folder the data package zip holds (see export.data_package_zip), named like every file of the race
    (`prefix`, race.toml's [files]): 'rutte-data-1.3.0'."""
    return f"{prefix}-data-{version}"


def zip_name(version: str, prefix: str) -> str:
    return f"{package_folder(version, prefix)}.zip"


def citation(version: str, retrieved: date, address: str = "", *, race: str, articles: int) -> str:
    """`address`: the app's public address (public_address); left out when unset, rather than guessed."""
    return " ".join(
        part
        for part in (
            f"{title(race, articles)}.",
            f"Dataset version {published_version(version)}.",
            "CC BY 4.0.",
            f"Retrieved {day_text(retrieved)}.",
            address,
        )
        if part
    )


def snippets(version: str, prefix: str) -> dict[str, tuple[str, str]]:
    """Language name → (code language for highlighting, code) loading the events table from the downloaded zip."""
    zip_file, table = zip_name(version, prefix), f"{package_folder(version, prefix)}/events.csv"
    return {
        "Python (pandas)": (
            "python",
            (
                "import zipfile\n\nimport pandas as pd\n\n"
                f'with zipfile.ZipFile("{zip_file}") as package:\n'
                f'    events = pd.read_csv(package.open("{table}"), dtype=str, keep_default_na=False)\n'
                'events["date"] = pd.to_datetime(events["date"])'
            ),
        ),
        "R": (
            "r",
            (
                f'events <- read.csv(unz("{zip_file}", "{table}", encoding = "UTF-8"),\n'
                '                   colClasses = "character", na.strings = character(0))\n'
                "events$date <- as.Date(events$date)"
            ),
        ),
        "Spreadsheet": (
            "text",
            (
                f"1. Unzip {zip_file}.\n"
                f'2. Excel: Data > From Text/CSV > {table}, File origin "65001: Unicode (UTF-8)", delimiter Comma.\n'
                f"   LibreOffice Calc: open {table}, character set UTF-8, separated by comma.\n"
                "   Google Sheets: File > Import > Upload, separator type Comma.\n"
                "3. Keep every column as text: dates are ISO (YYYY-MM-DD) and codes like 008 keep their zeros."
            ),
        ),
    }
