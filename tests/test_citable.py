"""Citable, versioned data: the version on every download, the citation, and snippets that really load the data."""

import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package

from data_copies import RACE
from tracker.data.formatting import article_names
from tracker.data.paths import DATA_DIR
from tracker.exports import cite, export
from tracker.model import load


@pytest.fixture(scope="module")
def package_zip(ds, tmp_path_factory):
    path = tmp_path_factory.mktemp("download") / cite.zip_name(ds.version, ds.race.files.prefix)
    path.write_bytes(export.data_package_zip(str(DATA_DIR), ds.version, ds.race.files.prefix))
    return path


def test_the_version_is_the_package_version_and_a_fingerprint_of_the_content(ds):
    package = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    release, fingerprint = ds.version.split("+")
    assert release == package["version"] and re.fullmatch("[0-9a-f]{8}", fingerprint)


def tiny_package(root: Path) -> tuple[Path, Path]:
    data, seeds = root / "data" / RACE, root / "seeds" / RACE
    data.mkdir(parents=True)
    seeds.mkdir(parents=True)
    (data / "datapackage.json").write_bytes(b'{"version": "2.0.0"}\n')
    (data / "a.csv").write_bytes(b"x\n")
    (seeds / "s.txt").write_bytes(b"y\n")
    return data, seeds


def test_the_fingerprint_of_a_fixed_package_is_known(tmp_path):
    # sha256 of each file's name, a NUL and its bytes (descriptor, tables, articles), worked out with sha256sum:
    # printf 'datapackage.json\0{"version": "2.0.0"}\na.csv\0x\ns.txt\0y\n' | sha256sum
    assert load.data_version(*tiny_package(tmp_path), ["a.csv"]) == "2.0.0+038ead7b"


@pytest.mark.parametrize("folder, file", [("data", "a.csv"), ("seeds", "s.txt"), ("data", "datapackage.json")])
def test_the_fingerprint_changes_with_any_byte_of_a_table_an_article_or_the_descriptor(tmp_path, folder, file):
    data, seeds = tiny_package(tmp_path)
    before = load.data_version(data, seeds, ["a.csv"])
    assert load.data_version(data, seeds, ["a.csv"]) == before  # read again, unchanged
    path = tmp_path / folder / RACE / file
    path.write_bytes(path.read_bytes().replace(b"\n", b" \n"))
    assert load.data_version(data, seeds, ["a.csv"]) != before


@pytest.mark.parametrize("file", ["race.toml", "copy/timeline-intro.md"])
def test_the_fingerprint_changes_with_the_race_s_words(tmp_path, file):
    data, seeds = tiny_package(tmp_path)
    before = load.data_version(data, seeds, ["a.csv"])
    (data / file).parent.mkdir(exist_ok=True)
    (data / file).write_bytes(b"words\n")
    added = load.data_version(data, seeds, ["a.csv"])
    (data / file).write_bytes(b"other words\n")
    assert len({before, added, load.data_version(data, seeds, ["a.csv"])}) == 3


def test_the_zip_descriptor_carries_the_full_version_and_stays_valid(ds, package_zip, tmp_path):
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(tmp_path)
        descriptor = json.loads(
            archive.read(f"{cite.package_folder(ds.version, ds.race.files.prefix)}/datapackage.json")
        )
    assert descriptor["version"] == ds.version
    report = Package(
        str(tmp_path / cite.package_folder(ds.version, ds.race.files.prefix) / "datapackage.json")
    ).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]


def test_every_csv_row_carries_the_version(ds):
    frame = pd.read_csv(io.BytesIO(export.csv_bytes(ds.events[["event_id", "summary"]], ds.version)), dtype=str)
    assert list(frame.columns) == ["event_id", "summary", "Data version"]
    # the package's version, as every chart and page gives it (the descriptor keeps the content's fingerprint)
    package_version = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert set(frame["Data version"]) == {package_version} and "+" not in package_version
    assert len(frame) == len(ds.events)


def test_the_pandas_snippet_loads_the_events_from_the_downloaded_zip(ds, package_zip, monkeypatch):
    monkeypatch.chdir(package_zip.parent)
    language, code = cite.snippets(ds.version, ds.race.files.prefix)["Python (pandas)"]
    scope: dict = {}
    exec(code, scope)
    events = scope["events"]
    assert language == "python"
    assert len(events) == len(ds.events) and list(events["event_id"]) == list(ds.events["event_id"])
    assert events["date"].dtype.kind == "M"
    assert events.loc[events["event_id"] == "fra-initial-support", "date"].iloc[0] == pd.Timestamp("2024-01-19")


def test_the_r_and_spreadsheet_snippets_name_files_the_zip_holds(ds, package_zip):
    names = zipfile.ZipFile(package_zip).namelist()
    for name in ("R", "Spreadsheet"):
        code = cite.snippets(ds.version, ds.race.files.prefix)[name][1]
        assert (
            package_zip.name in code and f"{cite.package_folder(ds.version, ds.race.files.prefix)}/events.csv" in code
        )
    assert f"{cite.package_folder(ds.version, ds.race.files.prefix)}/events.csv" in names


def test_the_citation_names_the_version_the_day_and_the_address(ds):
    text = cite.citation(
        ds.version, pd.Timestamp("2026-11-25").date(), "https://example.org/rutte/", race=ds.race.race.title, articles=5
    )
    assert (
        "Dataset version 1.3.0." in text  # the version readers see: its fingerprint is in the files
        and ds.version not in text
        and "Retrieved 25 November 2026." in text
        and text.endswith("https://example.org/rutte/")
    )
    assert "CC BY 4.0" in text and "every claim of five news articles, sourced" in text


def test_chart_exports_carry_the_version_under_the_chart(ds):
    lines = export.footer(
        "Seven allies back Rutte.", ds.version, articles=list(article_names(ds.articles).values())
    ).split("\n")
    assert lines == [
        "Seven allies back Rutte.",
        "Source: five news articles (Bloomberg via a Ukrainian news site, c. 19 January 2024; Outlet not named, "
        "c. 23 February 2024; EUROPolitika, c. 4 April 2024; News aggregator (Nitish Verma), c. 29 April 2024; "
        "Outlet not named, c. 26 June 2024); data version 1.3.0",
    ]


def test_the_dateline_names_the_byline_publication_update_and_version_only_when_known():
    updated = pd.Timestamp("2026-12-07")
    assert (  # unpublished: the day the data was last checked, not a date of the events (editor round 31)
        cite.dateline("1.3.0+abcd1234", updated)
        == "Last checked against the articles 7 December 2026 · Data version 1.3.0"
    )
    assert (
        cite.dateline("1.3.0+abcd1234", updated, pd.Timestamp("2026-12-01"), "the data desk")
        == "By the data desk · Published 1 December 2026 · Updated 7 December 2026 · Data version 1.3.0"
    )
