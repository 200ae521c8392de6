"""``jixiao user add``, ``jixiao user token`` and ``jixiao serve --help``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.services import authenticate, connect_store, token_user


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_user_add_and_token(tmp_path: Path) -> None:
    db = str(tmp_path / "users.db")
    code, out, err = run(
        "user", "add", "张三", "--role", "filler", "--department", "503101",
        "--password-stdin", "--db", db, stdin="s3cret-password\n",
    )  # fmt: skip
    assert code == 0, err
    assert "已创建用户 张三（填报，503101）" in out
    code, _, err = run(
        "user", "add", "张三", "--role", "admin", "--password-stdin", "--db", db, stdin="x" * 9
    )
    assert code == 2
    assert "已被使用" in err
    code, _, err = run("user", "add", "李四", "--role", "reviewer", "--password-stdin",
                       "--db", db, stdin="long-enough\n")  # fmt: skip
    assert code == 2
    assert "至少需要一个部门" in err
    code, _, err = run("user", "add", "王五", "--role", "admin", "--password-stdin",
                       "--db", db, stdin="short\n")  # fmt: skip
    assert "密码至少 8 个字符" in err
    code, token, err = run("user", "token", "张三", "--db", db)
    assert code == 0, err
    database = connect_store(db)
    try:
        assert authenticate(database, "张三", "s3cret-password").departments == ("503101",)
        user = token_user(database, token.strip())
        assert user is not None
        assert user.name == "张三"
    finally:
        database.close()


def test_serve_is_documented() -> None:
    code, out, _ = run("serve", "--help")
    assert code == 0
    assert "--port" in out
    docs = Path(__file__).resolve().parents[2] / "docs"
    for command in ("jixiao serve", "jixiao user add", "jixiao user token"):
        assert command in (docs / "web.md").read_text("utf-8")
        assert command in (docs / "cli.md").read_text("utf-8")
