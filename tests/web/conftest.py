"""Web tests: the app over a real database holding the example, with one user per role.

A SQLite database is prepared once per session (the example imported and reviewed, users
created: hashing passwords is deliberately slow) and copied for every test.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jixiao.services import (
    add_user,
    connect_store,
    create_api_token,
    import_files,
    rule_reviewer,
)
from jixiao.web import create_app

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"
EXAMPLE_XLSX = ROOT / "tests" / "documents" / "binhai-zuzhibu-2024.xlsx"
DEPARTMENT = "中国共产党天津市滨海新区委员会组织部"
PASSWORD = "correct-horse-battery"
USERS = {  # name: (role, departments)
    "admin": ("admin", ()),
    "filler": ("filler", (DEPARTMENT,)),
    "reviewer": ("reviewer", ("503101",)),
    "outsider": ("filler", ("某某区财政局",)),
}
PROJECT_WITH_VL04 = "选调生到村任职工作补助区配套资金"


def prepare_database(url: str, *, with_example: bool = True) -> dict[str, str]:
    """Users (and the example, imported by admin) in a new database; their API tokens."""
    database = connect_store(url)
    try:
        for name, (role, departments) in USERS.items():
            add_user(database, name, PASSWORD, role, departments)
        if with_example:
            outcomes = list(
                import_files(database, [EXAMPLE], review=rule_reviewer(), author="admin")
            )
            assert outcomes[0].result is not None, outcomes[0].error
        return {name: create_api_token(database, name) for name in USERS}
    finally:
        database.close()


@pytest.fixture
def prepare() -> Callable[[str], dict[str, str]]:
    """``prepare(url)``: users and the example in a new database (PostgreSQL…); tokens out."""
    return prepare_database


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("web") / "jixiao.db"
    tokens = prepare_database(str(path))
    return path, tokens


@pytest.fixture
def database_path(template: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    path = tmp_path / "jixiao.db"
    shutil.copyfile(template[0], path)
    return path


@pytest.fixture
def tokens(template: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return template[1]


@pytest.fixture
def app(database_path: Path) -> FastAPI:
    """The app over a copy of the example database. Its uploads wait for their job to end
    (``upload_wait=None``), so that a test sees the results whatever the machine's load;
    tests/web/test_upload_jobs.py asks for the background answer explicitly."""
    return create_app(str(database_path), max_upload_mb=1, upload_wait=None)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient, tokens: dict[str, str]) -> Callable[..., Any]:
    """``api(method, path, user=..., **kwargs)``: a request with that user's bearer token."""

    def call(method: str, path: str, *, user: str | None = "admin", **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if user is not None:
            headers["Authorization"] = f"Bearer {tokens[user]}"
        return client.request(method, path, headers=headers, **kwargs)

    return call


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign in through the login form; returns the session's CSRF token."""
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text
    response = client.post(
        "/login", data={"name": name, "password": password, "csrf_token": token.group(1)}
    )
    assert response.status_code == 303, response.text
    home = client.get("/")
    csrf = re.search(r'"X-CSRF-Token": "([^"]+)"', home.text)
    assert csrf, home.text
    return csrf.group(1)


@pytest.fixture
def login(client: TestClient) -> Callable[[str], str]:
    return lambda name: log_in(client, name)


@pytest.fixture
def sign_in() -> Callable[..., str]:
    """``sign_in(client, name)`` for a client of an app made in the test itself."""
    return log_in


@pytest.fixture
def vl04_table(api: Callable[..., Any]) -> int:
    """The id of the example's table whose 经费使用及时率 says ≥100% (finding VL04)."""
    found = api("GET", "/api/v1/tables", params={"q": PROJECT_WITH_VL04}).json()
    ids: list[int] = [t["id"] for t in found["tables"] if t["project"] == PROJECT_WITH_VL04]
    assert len(ids) == 1, found
    return ids[0]


@pytest.fixture
def position_of(api: Callable[..., Any]) -> Callable[[int, str], int]:
    """The position (from 0) of the indicator named so in a table's current revision."""

    def find(table_id: int, name: str) -> int:
        indicators = api("GET", f"/api/v1/tables/{table_id}/indicators").json()["indicators"]
        positions = [i["position"] for i in indicators if i["indicator"]["name"] == name]
        assert positions, name
        return int(positions[0])

    return find


@pytest.fixture
def serve() -> Iterator[Callable[[FastAPI], str]]:
    """Serve apps with uvicorn on free loopback ports (for a browser): app in, its URL out."""
    import socket
    import threading
    import time

    import uvicorn

    running: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(app: FastAPI) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread))
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(10)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser() -> Iterator[Callable[..., Any]]:
    """Pages in Debian's chromium (Playwright, never its own browser downloads):
    ``browser(base_url, width=1280, height=900)``. Every page must satisfy its
    Content-Security-Policy. Skipped, saying why, when chromium cannot be launched."""
    from playwright.sync_api import Error, sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (make test installs it: apt-get install chromium)")
    violations: list[str] = []
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except Error as error:
            pytest.skip(f"chromium cannot be launched here: {error.message.splitlines()[0]}")

        def open_page(base_url: str, width: int = 1280, height: int = 900) -> Any:
            context = launched.new_context(
                base_url=base_url, locale="zh-CN", viewport={"width": width, "height": height}
            )
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.on(
                "console",
                lambda message: (
                    violations.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            return page

        yield open_page
        launched.close()
    assert violations == []


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    """``screenshot(page, name)``: a full-page screenshot in test-artifacts/ (ignored by git)."""

    def take(page: Any, name: str) -> Path:
        folder = ROOT / "test-artifacts"
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


class Gate:
    """Holds an upload job after its first file, until opened."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = import_files

        def gated(database: Any, sources: Iterable[Any], **options: Any) -> Any:
            def held() -> Iterator[Any]:
                for number, source in enumerate(sources):
                    if number == 1:  # the first file's result is committed by now
                        self.reached.set()
                        assert self.opened.wait(60), "the test never opened the gate"
                    yield source

            return real(database, held(), **options)

        monkeypatch.setattr("jixiao.services.jobs.import_files", gated)


@pytest.fixture
def upload_gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Upload jobs held after their first file; opened at the end of the test whatever
    happened, so that no job thread is left waiting."""
    held = Gate()
    held.install(monkeypatch)
    yield held
    held.opened.set()


@pytest.fixture
def jobs_idle() -> Callable[[FastAPI], None]:
    """``jobs_idle(app)``: wait until the app's job thread has finished every job queued
    before the call (a no-op queued behind them: no clock involved)."""

    def wait(app: FastAPI) -> None:
        app.state.jobs.executor.submit(lambda: None).result(timeout=120)

    return wait
