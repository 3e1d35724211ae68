"""The core package: no Streamlit inside, atomic writes, generated files in sync, every page registered and tested."""

import ast
import os
import re
import signal
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest

from data_copies import RACE
from tracker.data import files, paths
from tracker.tools import build_countries, build_static

ROOT = Path(__file__).resolve().parent.parent
CORE_MODULES = sorted(  # tracker.model.load, …: every module of the engine, by its dotted name
    ".".join(p.relative_to(ROOT).with_suffix("").parts)
    for p in (ROOT / "tracker").rglob("*.py")
    if p.stem != "__init__"
)


def test_core_package_never_imports_streamlit():
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + ("print(sorted(m for m in sys.modules if m.count('.') == 2 and m.startswith('tracker.')))\n")
        + "print('streamlit' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    imported, streamlit = result.stdout.splitlines()
    assert imported == str(CORE_MODULES)  # every module really was imported
    assert streamlit == "False"


# --- write_atomic --------------------------------------------------------------------------------


def leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != name)


def test_write_atomic_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "sub" / "events.csv"  # the folder is made when missing
    files.write_atomic(target, b"first\n")
    files.write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert leftovers(target.parent, "events.csv") == []


def test_a_write_that_fails_keeps_the_old_file_and_removes_its_temporary(tmp_path, monkeypatch):
    target = tmp_path / "events.csv"
    target.write_bytes(b"old content\n")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        files.write_atomic(target, b"new content\n" * 1000)
    assert target.read_bytes() == b"old content\n"
    assert leftovers(tmp_path, "events.csv") == []


# The writer hands write_atomic a payload and writes it slowly enough to be killed in the middle.
SLOW_WRITER = """
import sys, time
from pathlib import Path
from tracker.data import files

real_fdopen = files.os.fdopen
def slow_fdopen(*args, **kwargs):
    handle = real_fdopen(*args, **kwargs)
    write = handle.write
    def dribble(data):
        for i in range(0, len(data), 4096):
            write(data[i:i + 4096]); handle.flush(); time.sleep(0.005)
    handle.write = dribble
    return handle
files.os.fdopen = slow_fdopen
files.write_atomic(Path(sys.argv[1]), b"new content " * 1_000_000)
"""


def test_a_write_killed_halfway_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "events.csv"
    target.write_bytes(b"old content\n")
    writer = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 20
        partial = []
        while time.monotonic() < deadline and writer.poll() is None:
            partial = [p for p in tmp_path.iterdir() if p.name != "events.csv" and p.stat().st_size > 0]
            if partial:
                break
            time.sleep(0.01)
        assert partial, "the kill should land while the temporary file is being written"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"old content\n"
    # A killed process cannot tidy up; what it leaves is hidden and marked temporary, so no loader takes it for data.
    assert all(re.fullmatch(r"\.events\.csv\..+\.tmp", name) for name in leftovers(tmp_path, "events.csv"))


# Logs written as the servers run, and HAProxy's configuration in a temporary folder: not files anyone loads.
LOGS = {("deploy/local_server.py", "open"), ("deploy/replicas.py", "open"), ("deploy/replicas.py", "write_text")}


def test_the_project_writes_files_only_through_write_atomic():
    code = [
        ROOT / "app.py",
        *(ROOT / "tracker").rglob("*.py"),
        *[p for folder in ("ui", "pages", "bench", "deploy") for p in (ROOT / folder).glob("*.py")],
    ]
    writes = []
    for path in code:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            mode = next((a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)), "")
            if name in ("write_text", "write_bytes") or (name in ("open", "fdopen") and set(mode) & set("wax")):
                writes.append((str(path.relative_to(ROOT)), name))
    assert set(writes) - LOGS == {("tracker/data/files.py", "fdopen")}  # write_atomic's own temporary file


def test_written_files_are_readable_by_others_like_any_new_file(tmp_path):
    """mkstemp makes owner-only files; a served or committed file must get the usual mode."""
    path = tmp_path / "data.csv"
    files.write_atomic(path, b"a\n")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    files.write_atomic(path, b"b\n")
    assert path.stat().st_mode & 0o777 == 0o640


# --- Generated files ---------------------------------------------------------------------------


def test_countries_csv_is_what_build_countries_writes_today(tmp_path):
    rebuilt = tmp_path / "countries.csv"
    files.write_atomic(rebuilt, build_countries.countries_csv_text().encode("utf-8"))  # as its __main__ does
    assert (ROOT / "data" / RACE / "countries.csv").read_bytes() == rebuilt.read_bytes()


def test_static_files_are_what_build_static_writes_today():
    """The backer map's shapes are served from static/; they must match the data they come from."""
    files_now = build_static.static_files()
    assert sorted(path.name for path in files_now) == sorted(path.name for path in paths.STATIC_DIR.iterdir())
    for path, text in files_now.items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: python -m tracker.tools.build_static"


def test_the_descriptor_names_the_pycountry_version_countries_csv_comes_from():
    descriptor = (ROOT / "data" / RACE / "datapackage.json").read_text(encoding="utf-8")
    assert f"ISO 3166-1 via pycountry {version('pycountry')} " in descriptor


# --- Pages ---------------------------------------------------------------------------------------


def registered_pages() -> dict[str, bool]:
    """Page file stems registered in app.py, each with whether it is the default page."""
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    return {stem: "default=True" in rest for stem, rest in re.findall(r'st\.Page\("pages/(\w+)\.py"([^)]*)\)', app)}


def pages_with_tests() -> set[str]:
    """Pages that tests/test_pages.py runs: the keys of its PAGES table, and the default page when it runs app.py."""
    import test_pages  # tests/ is on the path, as for every test module

    tree = ast.parse((ROOT / "tests" / "test_pages.py").read_text(encoding="utf-8"))
    tested = set(test_pages.PAGES)
    runs_app = any(isinstance(n, ast.Constant) and n.value == "app.py" for n in ast.walk(tree))
    if runs_app:
        tested |= {stem for stem, default in registered_pages().items() if default}
    return tested


def test_every_page_file_is_registered_in_app():
    on_disk = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
    assert sorted(registered_pages()) == on_disk
    assert list(registered_pages().values()).count(True) == 1, "exactly one default page"


def test_every_registered_page_has_a_test():
    assert set(registered_pages()) - pages_with_tests() == set()
