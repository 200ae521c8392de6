"""The built wheel works for a user who installs it: ``pip install jixiao-*.whl``, then
``jixiao serve``, gives a UI whose front-end files (htmx, ECharts) are there.

The front-end files are vendored at build time and ignored by git (``make assets``), so the
wheel only has them because ``pyproject.toml`` names them as build artifacts. This test builds
the wheel from the checkout, installs it with its dependencies into a new virtualenv (no
editable install, no source tree on the path), starts the installed ``jixiao serve`` and fetches
the login page and htmx over HTTP.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDORED = ("htmx.min.js", "echarts.min.js")


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("jixiao-*.whl")
    return wheel


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, deadline: float, log: Path) -> tuple[int, bytes]:
    """GET *url*, retrying until the server answers or *deadline* (monotonic) passes; the
    server's output (*log*) is in the failure."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return answer.status, answer.read()
        except OSError as error:
            if time.monotonic() > deadline:
                raise AssertionError(log.read_text("utf-8", "replace")) from error
            time.sleep(0.3)


def test_the_installed_wheel_serves_pages_and_its_front_end_files(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for name in VENDORED:
        assert f"jixiao/web/static/vendor/{name}" in names
    assert "jixiao/store/migrations/versions/r0001_initial_schema.py" in names

    home = tmp_path / "venv"
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )

    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    log = tmp_path / "serve.log"
    command = [str(home / "bin" / "jixiao"), "serve", "--db", str(tmp_path / "jixiao.db")]
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--port", str(port)],
            cwd=tmp_path,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        status, login = fetch(f"http://127.0.0.1:{port}/login", deadline, log)
        assert status == 200
        assert "登录" in login.decode("utf-8")
        status, htmx = fetch(f"http://127.0.0.1:{port}/static/vendor/htmx.min.js", deadline, log)
        assert status == 200
        assert b"htmx" in htmx[:2000]
        # the installed package answers, not the checkout
        where = subprocess.run(
            [str(python), "-c", "import jixiao; print(jixiao.__file__)"],
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=environment,
        ).stdout
        assert str(home) in where
    finally:
        server.terminate()
        server.wait(timeout=30)
