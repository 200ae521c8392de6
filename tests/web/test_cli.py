"""``jixiao user add``, ``jixiao user token`` and ``jixiao serve --help``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.errors import NotAuthenticated
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
    code, token, err = run("user", "token", "new", "张三", "--db", db)
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


def test_tokens_are_listed_revoked_and_expire(tmp_path: Path) -> None:
    db = str(tmp_path / "users.db")
    run("user", "add", "张三", "--role", "admin", "--password-stdin", "--db", db,
        stdin="s3cret-password\n")  # fmt: skip
    code, first, err = run(
        "user", "token", "new", "张三", "--label", "报表", "--days", "1", "--db", db
    )
    assert code == 0, err
    code, second, err = run("user", "token", "new", "张三", "--db", db)
    assert code == 0, err
    code, listed, err = run("user", "token", "list", "张三", "--db", db)
    assert code == 0, err
    rows = [line.split("\t") for line in listed.splitlines()]
    assert [row[1] for row in rows] == ["张三", "张三"]
    assert rows[1][2] == "报表"
    assert first.strip() not in listed  # never the secret
    assert second.strip() not in listed
    code, _, err = run("user", "token", "revoke", rows[1][0], "--db", db)
    assert code == 0, err
    code, _, err = run("user", "token", "revoke", rows[1][0], "--db", db)
    assert code != 0
    assert "没有编号为" in err
    code, _, err = run("user", "token", "new", "张三", "--days", "0", "--db", db)
    assert code != 0
    assert "有效期" in err
    database = connect_store(db)
    try:
        assert token_user(database, first.strip()) is None  # revoked
        assert token_user(database, second.strip()) is not None
    finally:
        database.close()


def test_users_are_disabled_enabled_and_get_new_passwords(tmp_path: Path) -> None:
    db = str(tmp_path / "users.db")
    run("user", "add", "张三", "--role", "admin", "--password-stdin", "--db", db,
        stdin="s3cret-password\n")  # fmt: skip
    _, token, _ = run("user", "token", "new", "张三", "--db", db)
    assert run("user", "disable", "张三", "--db", db)[0] == 0
    database = connect_store(db)
    try:
        with pytest.raises(NotAuthenticated):
            authenticate(database, "张三", "s3cret-password")
        assert token_user(database, token.strip()) is None
        assert run("user", "enable", "张三", "--db", db)[0] == 0
        assert token_user(database, token.strip()) is not None
        code, _, err = run("user", "password", "张三", "--password-stdin", "--db", db,
                           stdin="another-password\n")  # fmt: skip
        assert code == 0, err
        with pytest.raises(NotAuthenticated):
            authenticate(database, "张三", "s3cret-password")
        assert authenticate(database, "张三", "another-password").name == "张三"
        code, _, err = run("user", "disable", "无此人", "--db", db)
        assert code != 0
        assert "没有用户" in err
    finally:
        database.close()


def test_serve_refuses_to_start_without_the_front_end_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jixiao.web.app

    static = tmp_path / "static"
    (static / "vendor").mkdir(parents=True)
    (static / "vendor" / "htmx.min.js").write_text("/* htmx */")
    monkeypatch.setattr(jixiao.web.app, "STATIC", static)
    code, _, err = run("serve", "--db", str(tmp_path / "jixiao.db"), "--port", "1")
    assert code != 0
    assert "echarts.min.js" in err
    assert "htmx.min.js" not in err
    assert "make assets" in err
