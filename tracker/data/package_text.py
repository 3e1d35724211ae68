"""The texts of data/datapackage.json that speak of counts ("five news articles", "The 32 allies ..."), from the
race's copy (copy/package-*.md).

`python -m tracker.tools.data_docs` writes them; the check reports any that is out of step with the CSVs, so a new
article or member never leaves the data package speaking of the old number.
"""

import json
from pathlib import Path

from tracker.data import copy_files
from tracker.data.counts import Counts, counted

SEEDS_SOURCE_PREFIX = "../../seeds/"  # a race's articles, seeds/<race>/, seen from its data/<race>/datapackage.json


def counted_texts(package: dict, n: Counts, copy: dict[str, str]) -> list[tuple[tuple, str]]:
    """(where in the descriptor, the text it must hold) for every text that speaks of a count; `copy`: the race's
    (copy_files.read)."""
    resource_titles = {
        "articles": f"The {counted(n.articles, 'source article')}",
        "members": copy_files.fill_plain(copy, "package-members-title", count=n.allies),
    }
    texts = [(("description",), copy_files.fill_plain(copy, "package-description", news_articles=n.news_articles))]
    sources = [(("sources", i), s) for i, s in enumerate(package.get("sources", []))]
    for r, resource in enumerate(package.get("resources", [])):
        if resource.get("name") in resource_titles:
            texts.append((("resources", r, "title"), resource_titles[resource["name"]]))
        sources += [(("resources", r, "sources", i), s) for i, s in enumerate(resource.get("sources", []))]
    seeds_title = copy_files.fill_plain(
        copy, "package-articles-title", articles=counted(n.articles, "news article", capital=True)
    )
    texts += [
        ((*where, "title"), seeds_title)
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


def stale_texts(package: dict, n: Counts, copy: dict[str, str]) -> list[tuple[str, str, str]]:
    """(where, what it says, what it should say) for every counted text out of step with the data."""
    return [
        (where_text(where), _get(package, where) or "", text)
        for where, text in counted_texts(package, n, copy)
        if _get(package, where) != text
    ]


def with_counted_texts(package: dict, n: Counts, copy: dict[str, str]) -> dict:
    """A copy of the descriptor with every counted text written from its template."""
    package = json.loads(json.dumps(package))
    for where, text in counted_texts(package, n, copy):
        _set(package, where, text)
    return package


def descriptor_text(package: dict) -> str:
    """The descriptor as the file holds it (two-space indent, UTF-8 as is, a final newline)."""
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def read_package(data_dir: Path) -> dict:
    return json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
