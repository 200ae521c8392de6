"""Web latency and throughput: the table page and the search page under 20 concurrent clients,
against a bare Starlette endpoint measured in the same run.

Sets up a SQLite database in a temporary folder (the example document imported under
``--copies`` project names, so the search has tables to look through, and an admin user),
starts two uvicorn servers on free loopback ports (one worker each, in subprocesses, with
uvloop and httptools unless ``--server h11``): the jixiao app, and a Starlette app with one
endpoint returning a short text. Then 20 clients (asyncio tasks sharing one httpx2
connection pool, a signed-in session) send requests to each target in ``--rounds`` rounds
that take the targets in turn (so that load from elsewhere on the machine falls on all of
them), and the script prints p50 and p95 latency, requests per second, the server's CPU time
per request (from ``/proc``: the figure least moved by other load) and each p95 as a
multiple of the bare endpoint's p95.

    .venv/bin/python bench/bench_web.py [--copies 50] [--requests 500] [--clients 20]

Not part of the test suite (make bench-web). The code under test is whatever ``jixiao`` the
interpreter imports, so another checkout is measured with ``PYTHONPATH=its/src``.

Two runs of ``--requests 500`` on the shared 2-core machine, both while other test suites
kept it busy (load average 6–11: the bare endpoint's own p95 is ten times its quiet value),
the code before this change (a45b234) and after it:

    target              p95 before  p95 after   CPU/req before  CPU/req after   p95/bare after
    bare Starlette /    197.6 ms    200.6 ms        0.18 ms         0.16 ms         1.0x
    table page          823.4 ms    529.7 ms        6.90 ms         3.46 ms         2.6x
    search page         746.3 ms    796.4 ms        6.50 ms         6.16 ms         4.0x

Session of 2026-12-05 (third), after building the pages' statements once with bound
parameters, reading the table page in one transaction (13 statements → 8 for a reviewer)
and loading the per-cell macros once: three runs of ``--requests 500`` back to back
(load average 5–6), the code before (182b68e, ``PYTHONPATH``) and after:

    run (p95 of bare)      table p95  /bare  CPU/req   search p95  /bare  CPU/req
    before    (46.9 ms)    149.9 ms    3.2x   3.66 ms   250.9 ms    5.3x   4.12 ms
    after     (50.0 ms)    113.7 ms    2.3x   1.76 ms   187.9 ms    3.8x   3.16 ms
    after     (52.4 ms)    102.1 ms    1.9x   1.70 ms   136.2 ms    2.6x   3.22 ms

On a quieter machine earlier the same day (the previous version of this script, h11): the
table page's p95 was 392 ms against the bare endpoint's 16.7 ms (23x) before, and 80 ms
against 39 ms (2.1x) with the caching, session and thread changes but before uvloop.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx2

from jixiao.services import add_user, connect_store, import_files, rule_reviewer
from jixiao.services.uploads import Upload
from jixiao.services.users import Role, User

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"
PASSWORD = "bench-password"
PROJECT = re.compile(r"(<b>项目名称</b>\t)([^\t\n]+)")
BARE_APP = """
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

async def hello(request):
    return PlainTextResponse("ok")

app = Starlette(routes=[Route("/", hello)])
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def prepare(database: str, copies: int) -> None:
    store = connect_store(database)
    try:
        add_user(store, "admin", PASSWORD, "admin")
        admin = User(1, "admin", Role.ADMIN)
        text = EXAMPLE.read_text("utf-8")
        uploads = [  # each copy's tables under new project names: new tables, not revisions
            Upload(f"copy-{n}.txt", re.sub(PROJECT, rf"\1\2（第{n}组）", text).encode())
            for n in range(copies)
        ]
        list(import_files(store, uploads, user=admin, review=rule_reviewer()))
    finally:
        store.close()


def start(args: list[str], port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", *args, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--workers", "1"]
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"server on port {port} did not start")


async def sign_in(client: httpx2.AsyncClient) -> None:
    page = await client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text
    data = {"name": "admin", "password": PASSWORD, "csrf_token": token.group(1)}
    response = await client.post("/login", data=data)
    assert response.status_code == 303, response.text


async def measure(
    client: httpx2.AsyncClient, path: str, requests: int, clients: int, seconds: float
) -> tuple[list[float], float]:
    latencies: list[float] = []
    remaining = requests
    deadline = time.monotonic() + seconds

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0 and time.monotonic() < deadline:
            remaining -= 1
            started = time.perf_counter()
            response = await client.get(path)
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Target:
    name: str
    client: httpx2.AsyncClient
    path: str
    pid: int
    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    cpu: float = 0.0

    def p(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


async def run(options: argparse.Namespace, servers: dict[str, subprocess.Popen[bytes]]) -> None:
    limits = httpx2.Limits(max_connections=options.clients)
    timeout = httpx2.Timeout(30.0)
    bare_port, jixiao_port = options.ports
    async with (
        httpx2.AsyncClient(base_url=f"http://127.0.0.1:{bare_port}", limits=limits) as bare,
        httpx2.AsyncClient(
            base_url=f"http://127.0.0.1:{jixiao_port}", limits=limits, timeout=timeout
        ) as app,
    ):
        await sign_in(app)
        listing = await app.get("/tables", params={"q": "选调生到村任职工作补助区配套资金"})
        table = re.search(r'href="/tables/(\d+)"', listing.text)
        assert table, listing.text
        bare_pid, app_pid = servers["bare"].pid, servers["jixiao"].pid
        targets = [
            Target("bare Starlette /", bare, "/", bare_pid),
            Target("table page", app, f"/tables/{table.group(1)}", app_pid),
            Target("search page", app, "/tables?q=经费使用及时率", app_pid),
        ]
        for target in targets:  # warm up
            await measure(target.client, target.path, options.clients * 2, options.clients, 10)
        print(f"{options.clients} concurrent clients, {options.rounds} rounds of up to "
              f"{options.requests // options.rounds} requests per target (targets taken in "
              f"turn, so that load from elsewhere falls on all of them), "
              f"{options.copies * 4} tables, uvicorn {options.server}\n")  # fmt: skip
        share = options.requests // options.rounds
        for _round in range(options.rounds):
            for target in targets:
                cpu = cpu_seconds(target.pid)
                latencies, elapsed = await measure(
                    target.client, target.path, share, options.clients, options.seconds
                )
                target.cpu += cpu_seconds(target.pid) - cpu
                target.latencies += latencies
                target.elapsed += elapsed
        bare_target = targets[0]
        print(f"{'target':<18} {'requests':>8} {'p50':>9} {'p95':>9} {'req/s':>8} "
              f"{'server CPU/req':>15} {'p95 / bare p95':>15}")  # fmt: skip
        for target in targets:
            count = len(target.latencies)
            ratio = target.p(0.95) / bare_target.p(0.95)
            p50, p95 = target.p(0.5), target.p(0.95)
            print(f"{target.name:<18} {count:>8} {p50:>6.1f} ms {p95:>6.1f} ms "
                  f"{count / target.elapsed:>8.1f} {target.cpu / count * 1000:>12.2f} ms "
                  f"{ratio:>14.1f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50, help="copies of the example (4 tables)")
    parser.add_argument("--requests", type=int, default=500, help="requests per target")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds taking the targets in turn")
    parser.add_argument(
        "--server",
        choices=("h11", "httptools"),
        default="httptools",
        help="uvicorn's HTTP parser (jixiao serve uses httptools and uvloop when installed)",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "bench.db")
        prepare(database, options.copies)
        Path(folder, "bare_app.py").write_text(BARE_APP, "utf-8")
        path = os.pathsep.join(filter(None, [folder, os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "JIXIAO_DB": database, "PYTHONPATH": path}
        options.ports = bare_port, jixiao_port = free_port(), free_port()
        loop = [
            "--http",
            options.server,
            "--loop",
            "uvloop" if options.server == "httptools" else "asyncio",
        ]
        servers = {
            "jixiao": start(
                ["--factory", "jixiao.web:app_from_environment", *loop], jixiao_port, env
            ),
            "bare": start(["bare_app:app", *loop], bare_port, env),
        }
        try:
            asyncio.run(run(options, servers))
        finally:
            for server in servers.values():
                server.terminate()
                server.wait(10)


if __name__ == "__main__":
    main()
