"""``jixiao user add NAME`` and ``jixiao user token NAME``: users of the web app."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from jixiao.cli.database import DbOption, DebugOption, reporting_errors
from jixiao.errors import InvalidRequest
from jixiao.services import ROLE_LABELS, Role, add_user, create_api_token, open_store

app = typer.Typer(help="网页版的用户：创建用户、签发 API 令牌。", no_args_is_help=True)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("密码", hide_input=True)
    second = typer.prompt("再次输入密码", hide_input=True)
    if first != second:
        raise InvalidRequest("两次输入的密码不一致")
    return str(first)


@app.command(name="add")
def add_command(
    name: Annotated[str, typer.Argument(help="用户名（登录名）。")],
    role: Annotated[
        Role, typer.Option(help="角色：filler（填报）、reviewer（审核）或 admin（管理员）。")
    ],
    department: Annotated[
        list[str] | None,
        typer.Option(
            "--department",
            help="填报用户所属、审核用户负责的部门（名称或部门编码），可重复。",
        ),
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="从标准输入读取密码（一行）。")
    ] = False,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """创建网页版用户；密码以 Argon2 哈希保存。"""
    with reporting_errors(debug):
        password = read_password(password_stdin)
        with open_store(db, for_writes=True) as database:
            user = add_user(database, name, password, role.value, department or [])
    departments = "、".join(user.departments) or "全部部门"
    Console().print(f"已创建用户 {user.name}（{ROLE_LABELS[user.role]}，{departments}）。")


@app.command(name="token")
def token_command(
    name: Annotated[str, typer.Argument(help="用户名。")],
    label: Annotated[str | None, typer.Option(help="令牌的用途说明。")] = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """为用户签发 API 令牌（Authorization: Bearer …）；令牌只显示这一次。"""
    with reporting_errors(debug), open_store(db) as database:
        token = create_api_token(database, name, label=label)
    sys.stdout.write(token + "\n")
