"""Safe defaults: no error details for readers, XSRF on, no way to upload or name a file, and no link or
request that makes the app read or serve a file outside what it means to.
"""

import ast
import http.client
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_copies import RACE
from deploy.local_server import start_app, stop_app
from entry_points import ENTRY_POINTS

ROOT = Path(__file__).resolve().parent.parent
APP_CODE = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
FILE_INPUTS = {"file_uploader", "camera_input", "audio_input", "text_input", "text_area", "chat_input", "data_editor"}
RAW_HTML = {"html", "unsafe_allow_html"}
# The data and its articles (the project's, or the tests' fixture copy), the page icon and the HTML templates: fixed
# paths, never from a setting.
READABLE = (("data",), ("seeds",), ("assets",), ("tests", "fixture"), ("tracker", "exports", "templates"))


def test_reader_facing_config_hides_errors_and_keeps_xsrf_on():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"  # a failure shows a generic message, no trace or path
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["fileWatcherType"] == "none"  # every new session paid 300-500 ms to watch the sources


@pytest.mark.parametrize("path", APP_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_input_that_takes_a_file_or_free_text_and_no_raw_html(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {
        node.func.attr for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    keywords = {kw.arg for node in ast.walk(tree) if isinstance(node, ast.Call) for kw in node.keywords}
    modules = {
        alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not calls & FILE_INPUTS
    assert "unsafe_allow_html" not in keywords
    # st.html only with a fixed style sheet (a module constant that is one <style> block and nothing else), or a
    # table from ui.tables.table_html: an autoescaped template (its escaping is tested below).
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RAW_HTML:
            (arg,) = node.args
            if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "table_html":
                continue
            sheet = constants.get(arg.id) if isinstance(arg, ast.Name) else None
            assert sheet is not None, f"{node.func.attr}() takes only a module constant"
            assert sheet.startswith("<style>") and sheet.endswith("</style>") and sheet.count("<") == 2, sheet
    assert not any("components" in (m or "") for m in modules)


@pytest.fixture
def files_opened():
    """Every file Python opens while the fixture's list is being filled."""
    opened: list[str] = []
    recording = [False]

    def hook(event, args):
        if recording[0] and event == "open" and isinstance(args[0], (str, bytes)):
            opened.append(str(Path(args[0] if isinstance(args[0], str) else args[0].decode()).resolve()))

    sys.addaudithook(hook)  # hooks cannot be removed; this one only records while asked to
    yield opened, recording
    recording[0] = False


def path_like_params(canary: Path) -> dict[str, list[str]]:
    paths = [
        str(canary),
        f"file://{canary}",
        "../../etc/passwd",
        "/etc/passwd",
        "README.md",
        "../README.md",
        "docs/DATA.md",
        "..%2f..%2fetc%2fpasswd",
        "data/../README.md",
        "~/.ssh/id_rsa",
    ]
    return {
        "from": paths[:3],
        "to": paths[3:5],
        "as_of": paths[5:6],
        "countries": [",".join(paths)],
        "speakers": paths,
        "event": paths,
        "file": paths,
        "page": paths,
        "data_dir": [str(canary.parent)],
    }


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_path_like_link_settings_never_make_a_page_read_a_file(files_opened, tmp_path, entry):
    opened, recording = files_opened
    canary = tmp_path / "canary.csv"
    canary.write_text("event_id\nsecret\n")
    at = AppTest.from_file(str(ROOT / entry), default_timeout=60)
    at.query_params.update(path_like_params(canary))
    recording[0] = True
    at.run()
    recording[0] = False
    assert not at.exception
    assert at.info and "could not be used" in at.info[0].value
    assert not [p for p in opened if p.startswith(str(tmp_path)) or "passwd" in p or ".ssh" in p]
    in_project = {
        Path(p).relative_to(ROOT) for p in opened if p.startswith(f"{ROOT}/") and ".venv" not in Path(p).parts
    }
    data_read = {p for p in in_project if p.suffix not in (".py", ".pyc", ".toml")}
    assert any(p.endswith(entry) for p in opened), "the hook saw the page script opened: it is recording"
    assert all(any(p.parts[: len(place)] == place for place in READABLE) for p in data_read), sorted(
        map(str, data_read)
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    process, url = start_app("app.py", tmp_path_factory.mktemp("serve") / "app.log")
    try:
        yield urlsplit(url).netloc
    finally:
        stop_app(process)


SECRETS = {
    "app.py": ROOT / "app.py",
    "events.csv": ROOT / "data" / RACE / "events.csv",
    "config": ROOT / ".streamlit" / "config.toml",
    "passwd": Path("/etc/passwd"),
}
REQUESTS = [
    "/app/static/../app.py",
    "/app/static/%2e%2e/app.py",
    "/app/static/..%2fapp.py",
    "/app/static/%2e%2e%2fdata%2fevents.csv",
    "/app/static/../../etc/passwd",
    "/app/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/app/static//etc/passwd",
    "/app.py",
    "/data/events.csv",
    "/seeds/004_f81cd5b717ad3e36.txt",
    "/.streamlit/config.toml",
    "/../app.py",
    "/media/../app.py",
    "/_stcore/../data/events.csv",
    "/component/../app.py",
    "/app/static/%252e%252e/app.py",
]


@pytest.mark.slow
@pytest.mark.parametrize("target", REQUESTS)
def test_the_server_never_serves_a_file_outside_static(served, target):
    connection = http.client.HTTPConnection(served, timeout=10)
    try:
        connection.request("GET", target)  # sent as written: no client-side normalisation of '..'
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    leaked = [
        name
        for name, path in SECRETS.items()
        if path.is_file() and path.read_bytes()[:200].strip() and path.read_bytes()[:200] in body
    ]
    assert not leaked, f"GET {target} ({response.status}) returned the content of {leaked}"


def test_a_page_table_shows_text_from_the_data_as_text():
    from ui.tables import table_html

    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"'
    html = table_html(pd.DataFrame({"What": [hostile], 'Say "hi"': ["&amp;"]}), label='<b>"label"</b>')
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp;amp;" in html
    assert 'data-label="Say &#34;hi&#34;"' in html
