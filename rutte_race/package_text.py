"""The texts of data/datapackage.json that speak of counts ("five news articles", "The 32 allies ..."), from templates.

`python -m rutte_race.data_docs` writes them; the check reports any that is out of step with the CSVs, so a new
article or ally never leaves the data package speaking of the old number.
"""

import json
from pathlib import Path

from rutte_race.counts import Counts, counted

SEEDS_SOURCE_PREFIX = "../../seeds/"  # a race's articles, seeds/<race>/, seen from its data/<race>/datapackage.json


def _package_description(n: Counts) -> str:
    return (
        f"Every claim of {n.news_articles} about Mark Rutte's 2024 race to lead NATO, as tidy, sourced rows. "
        "Each event row carries the verbatim sentence of its article that supports it."
    )


def _seeds_source_title(n: Counts) -> str:
    return (
        f"{counted(n.articles, 'news article', capital=True)} about the 2024 race for NATO Secretary General (seeds/)"
    )


RESOURCE_TITLES = {
    "articles": lambda n: f"The {counted(n.articles, 'source article')}",
    "nato_members": lambda n: f"The {n.allies} allies and when they joined",
}


def counted_texts(package: dict, n: Counts) -> list[tuple[tuple, str]]:
    """(where in the descriptor, the text it must hold) for every text that speaks of a count."""
    texts = [(("description",), _package_description(n))]
    sources = [(("sources", i), s) for i, s in enumerate(package.get("sources", []))]
    for r, resource in enumerate(package.get("resources", [])):
        if resource.get("name") in RESOURCE_TITLES:
            texts.append((("resources", r, "title"), RESOURCE_TITLES[resource["name"]](n)))
        sources += [(("resources", r, "sources", i), s) for i, s in enumerate(resource.get("sources", []))]
    texts += [
        ((*where, "title"), _seeds_source_title(n))
        for where, source in sources
        if str(source.get("path", "")).startswith(SEEDS_SOURCE_PREFIX)
    ]
    return texts


def _get(package: dict, where: tuple):
    value = package
    for key in where:
        value = value.get(key) if isinstance(value, dict) else value[key]
    return value


def _set(package: dict, where: tuple, text: str) -> None:
    _get(package, where[:-1])[where[-1]] = text


def where_text(where: tuple) -> str:
    """('resources', 0, 'title') -> 'resources[0].title', as an editor finds it in the file."""
    return "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in where).lstrip(".")


def stale_texts(package: dict, n: Counts) -> list[tuple[str, str, str]]:
    """(where, what it says, what it should say) for every counted text out of step with the data."""
    return [
        (where_text(where), _get(package, where) or "", text)
        for where, text in counted_texts(package, n)
        if _get(package, where) != text
    ]


def with_counted_texts(package: dict, n: Counts) -> dict:
    """A copy of the descriptor with every counted text written from its template."""
    package = json.loads(json.dumps(package))
    for where, text in counted_texts(package, n):
        _set(package, where, text)
    return package


def descriptor_text(package: dict) -> str:
    """The descriptor as the file holds it (two-space indent, UTF-8 as is, a final newline)."""
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def read_package(data_dir: Path) -> dict:
    return json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
