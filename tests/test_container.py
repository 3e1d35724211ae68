"""The container: slim base, non-root user, healthcheck on /_stcore/health, and an image that holds all the
app needs. Without a Docker engine (as on CI) the image's files are copied as its COPY lines say and its own
CMD and HEALTHCHECK commands are run on them; with one, deploy/docker-smoke.sh builds and runs the image.
"""

import asyncio
import json
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.session import Session
from deploy.local_server import free_port, stop_app

ROOT = Path(__file__).resolve().parent.parent
PORT = "8501"


def instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [tuple(line.split(None, 1)) for line in lines]


def argv(instruction: str) -> list[str]:
    """The exec-form command of CMD or HEALTHCHECK as an argv."""
    value = next(v for k, v in instructions() if k == instruction)
    return json.loads(value[value.index("[") :])


def on_port(command: list[str], port: int) -> list[str]:
    swapped = [part.replace(PORT, str(port)).replace("0.0.0.0", "127.0.0.1") for part in command]
    return [sys.executable if part == "python" else part for part in swapped]


def test_slim_base_non_root_user_and_healthcheck():
    steps = instructions()
    kinds = [k for k, _ in steps]
    assert steps[0][0] == "FROM" and steps[0][1].startswith("python:3.11-slim")
    user = next(v for k, v in steps if k == "USER")
    runs = " ".join(v for k, v in steps if k == "RUN")
    assert user not in ("root", "0") and f"useradd --create-home --uid 10001 {user}" in runs
    assert kinds.index("USER") < kinds.index("CMD")
    assert "/_stcore/health" in " ".join(argv("HEALTHCHECK")) and dict(steps)["EXPOSE"] == PORT


def image_files(target: Path) -> None:
    """/app as the Dockerfile builds it: every COPY after the requirements, from the project."""
    ignored = shutil.ignore_patterns("__pycache__", "*.pyc")
    for kind, value in instructions():
        if kind != "COPY":
            continue
        source = value.split()[0]
        if (ROOT / source).is_dir():
            shutil.copytree(ROOT / source, target / source, ignore=ignored)
        else:
            shutil.copy2(ROOT / source, target / source)


def health(port: int) -> int:
    return subprocess.run(on_port(argv("HEALTHCHECK"), port), capture_output=True, timeout=30).returncode


@pytest.mark.slow
def test_the_image_files_run_the_app_with_its_own_commands(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    image_files(app)
    port = free_port()
    log = tmp_path / "app.log"
    with log.open("w") as out:
        process = subprocess.Popen(on_port(argv("CMD"), port), cwd=app, stdout=out, stderr=subprocess.STDOUT)
    try:
        for _ in range(120):
            if health(port) == 0:
                break
            assert process.poll() is None, log.read_text()
        assert health(port) == 0

        async def story():
            reader = Session(f"http://127.0.0.1:{port}", "")
            try:
                await reader.open()
                return reader.exceptions, len(reader.widgets)
            finally:
                await reader.close()

        with ThreadPoolExecutor(1) as worker:  # Playwright may keep an event loop running in this thread
            exceptions, widgets = worker.submit(asyncio.run, story()).result()
        assert exceptions == [] and widgets >= 2, log.read_text()  # the sidebar's filters: data loaded, page drawn
    finally:
        stop_app(process)
    assert health(port) != 0  # and the healthcheck notices a dead server
    assert "Traceback" not in log.read_text()


def docker_engine() -> bool:
    return (
        shutil.which("docker") is not None and subprocess.run(["docker", "info"], capture_output=True).returncode == 0
    )


@pytest.mark.slow
@pytest.mark.skipif(not docker_engine(), reason="no Docker engine here: the image is checked by the test above instead")
def test_the_image_builds_and_passes_its_smoke_test():
    result = subprocess.run([str(ROOT / "deploy" / "docker-smoke.sh")], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "smoke test passed" in result.stdout


def test_the_deploy_guide_names_the_python_the_image_uses():
    python = re.match(r"python:(\d+\.\d+)-slim", instructions()[0][1]).group(1)
    assert f"**Python {python}**" in (ROOT / "docs" / "DEPLOY.md").read_text(encoding="utf-8")
