"""Static embeds: every chart as offline HTML, SVG, PNG and CSV, with an index of <iframe> snippets."""

import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tracker.exports import embeds
from tracker.model.load import load

ROOT = Path(__file__).resolve().parent.parent
BASE_URL = "https://cdn.example.org/rutte/"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("embed")
    embeds.write_embeds(load(), out, BASE_URL)
    return out


def test_every_chart_of_the_story_is_there_in_every_format(folder):
    slugs = [item.slug for item in embeds.story_charts(load())]
    assert slugs == ["stances-by-ally", "timeline", "backer-map", "candidates"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["index.html", *(f"{s}.{f}" for s in slugs for f in embeds.FORMATS)]
    )
    for slug in slugs:
        assert (folder / f"{slug}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        ET.fromstring((folder / f"{slug}.svg").read_bytes())
        assert (folder / f"{slug}.csv").read_text(encoding="utf-8").count("\n") > 1


def test_embed_pages_need_no_network(folder):
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        remote = re.findall(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', text)
        assert not remote, f"{page.name} loads something from the network: {remote[:3]}"


def test_index_offers_a_snippet_for_each_chart_pointing_at_the_published_folder(folder):
    index = (folder / "index.html").read_text(encoding="utf-8")
    snippets = [html.unescape(code) for code in re.findall(r"<pre><code>(.*?)</code></pre>", index, flags=re.S)]
    assert len(snippets) == 4
    for code in snippets:
        src = re.search(r'<iframe src="([^"]+)" title="[^"]+" width="100%" height="\d+"', code).group(1)
        assert src.startswith(BASE_URL) and (folder / src.removeprefix(BASE_URL)).is_file()
    linked = set(re.findall(r'(?:src|href)="([^"]+)"', index))
    assert linked and all((folder / name).is_file() for name in linked)
    assert "Data version 1.3.0;" in index and load().version not in index  # the version readers see


def test_the_command_writes_the_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tracker.exports.embeds", str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 17 files" in result.stdout and (tmp_path / "out" / "index.html").is_file()
