"""Start-up: commands are registered lazily, so ``jixiao --help`` and the reading commands
load no database, web stack, PDF library or password hashing (issue 17). Structural, not
timed: each case runs in a new interpreter and lists the heavy modules it finds loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import COMMANDS, app, load_command

HEAVY = (
    "sqlalchemy",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "pdfplumber",
    "argon2",
    "jixiao.services.users",
    "jixiao.web",
)

PROBE = """
import json, sys
from jixiao.cli import main
sys.argv = ["jixiao", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy}
                        or m in {heavy})), file=sys.stderr)
"""


def loaded_after(*args: str) -> list[str]:
    """The heavy modules a new interpreter holds after running ``jixiao ARGS``."""
    probe = PROBE.format(heavy=repr(set(HEAVY)))
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


def test_help_loads_no_heavy_module() -> None:
    assert loaded_after("--help") == []


def test_parse_loads_no_database_web_or_password_hashing(example_path: Path) -> None:
    assert loaded_after("parse", str(example_path)) == []


def test_password_hashing_waits_for_a_password() -> None:
    probe = (
        "import sys, jixiao.services.users as users;print(users.dummy_hash.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "0", done.stderr


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_summary_is_the_first_line_of_its_commands_help(name: str) -> None:
    command = load_command(name)
    assert command.name == name
    assert (command.help or "").strip().splitlines()[0] == COMMANDS[name].summary


def test_every_command_runs_its_own_help() -> None:
    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert f"jixiao {name}" in result.output


def test_an_unknown_command_is_a_usage_error_with_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["pars"])
    assert result.exit_code == 2
    assert "parse" in result.output


def test_every_service_name_loads_where_it_is_defined() -> None:
    import jixiao.services as services

    assert sorted(services._MODULES) == sorted(services.__all__)
    for name in services.__all__:
        assert getattr(services, name) is not None, name
