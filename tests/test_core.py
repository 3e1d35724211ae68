"""The core package: no Streamlit inside, atomic writes, generated files in sync."""
import signal
import subprocess
import sys
import time
from pathlib import Path

from rutte_race import build_countries

ROOT = Path(__file__).resolve().parent.parent


def test_core_package_never_imports_streamlit():
    modules = sorted(p.stem for p in (ROOT / "rutte_race").glob("*.py") if p.stem != "__init__")
    script = "import sys\n" + "".join(f"import rutte_race.{m}\n" for m in modules) + "print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_write_killed_halfway_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "events.csv"
    target.write_bytes(b"old content\n")
    # The writer hands write_atomic a payload that it writes slowly enough to be killed in the middle.
    writer = f"""
import time
from pathlib import Path
from rutte_race import files

real_fdopen = files.os.fdopen
def slow_fdopen(*args, **kwargs):
    handle = real_fdopen(*args, **kwargs)
    write = handle.write
    def dribble(data):
        for i in range(0, len(data), 1024):
            write(data[i:i + 1024]); handle.flush(); time.sleep(0.01)
    handle.write = dribble
    return handle
files.os.fdopen = slow_fdopen
print("writing", flush=True)
files.write_atomic(Path({str(target)!r}), b"new content " * 100_000)
"""
    process = subprocess.Popen([sys.executable, "-c", writer], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    time.sleep(0.3)
    partial = [p for p in tmp_path.iterdir() if p.name.startswith(".events.csv.")]
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert partial and partial[0].stat().st_size > 0, "the kill should land while the temporary file is being written"
    assert target.read_bytes() == b"old content\n"


def test_countries_csv_is_what_pycountry_gives_today():
    assert (ROOT / "data" / "countries.csv").read_text(encoding="utf-8") == build_countries.countries_csv_text()
