"""Rebuild data/countries.csv, the ISO 3166-1 code list, from the pycountry package.

Run `python -m tracker.tools.build_countries` after upgrading pycountry; tests check the file is in sync.
"""

import csv
import io

from tracker.data.files import write_atomic
from tracker.data.paths import DATA_DIR

COUNTRIES_CSV = DATA_DIR / "countries.csv"


def countries_csv_text() -> str:
    import pycountry

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["iso3", "iso_numeric", "name"])
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        writer.writerow([country.alpha_3, country.numeric, country.name])
    return out.getvalue()


if __name__ == "__main__":
    write_atomic(COUNTRIES_CSV, countries_csv_text().encode("utf-8"))
    print(f"wrote {COUNTRIES_CSV}")
