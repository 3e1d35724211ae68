"""How to cite the data, and ready snippets to load it, all naming one dataset version."""
from datetime import date

from rutte_race.counts import counted
from rutte_race.formatting import day_text


def title(articles: int) -> str:
    """The dataset's title as cited: 'Rutte's race to lead NATO: every claim of five news articles, sourced'."""
    return f"Rutte's race to lead NATO: every claim of {counted(articles, 'news article')}, sourced"


def package_folder(version: str) -> str:
    """The folder the data package zip holds (see export.data_package_zip)."""
    return f"rutte-nato-race-{version}"


def zip_name(version: str) -> str:
    return f"rutte-nato-race-data-{version}.zip"


def citation(version: str, retrieved: date, url: str = "", *, articles: int) -> str:
    where = f" {url}" if url else ""
    return (f"The project's data desk. {title(articles)}. Dataset version {version}. CC BY 4.0. "
            f"Retrieved {day_text(retrieved)}.{where}")


def snippets(version: str) -> dict[str, tuple[str, str]]:
    """Language name → (code language for highlighting, code) loading the events table from the downloaded zip."""
    zip_file, table = zip_name(version), f"{package_folder(version)}/events.csv"
    return {
        "Python (pandas)": ("python", (
            "import zipfile\n\nimport pandas as pd\n\n"
            f'with zipfile.ZipFile("{zip_file}") as package:\n'
            f'    events = pd.read_csv(package.open("{table}"), dtype=str, keep_default_na=False)\n'
            'events["date"] = pd.to_datetime(events["date"])')),
        "R": ("r", (
            f'events <- read.csv(unz("{zip_file}", "{table}", encoding = "UTF-8"),\n'
            '                   colClasses = "character", na.strings = character(0))\n'
            'events$date <- as.Date(events$date)')),
        "Spreadsheet": ("text", (
            f"1. Unzip {zip_file}.\n"
            f"2. Excel: Data > From Text/CSV > {table}, File origin \"65001: Unicode (UTF-8)\", delimiter Comma.\n"
            f"   LibreOffice Calc: open {table}, character set UTF-8, separated by comma.\n"
            "   Google Sheets: File > Import > Upload, separator type Comma.\n"
            "3. Keep every column as text: dates are ISO (YYYY-MM-DD) and codes like 008 keep their zeros.")),
    }
