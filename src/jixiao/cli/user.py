"""``jixiao user add|disable|enable|password`` and ``jixiao user token new|list|revoke``:
users of the web app and their API tokens."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from jixiao.cli.database import DbOption, DebugOption, reporting_errors
from jixiao.errors import InvalidRequest
from jixiao.services import (
    ROLE_LABELS,
    TOKEN_DAYS,
    Role,
    add_user,
    change_password,
    create_api_token,
    list_api_tokens,
    open_store,
    revoke_api_token,
    set_user_active,
)

app = typer.Typer(
    help="网页版的用户：创建、停用、启用用户，修改密码，签发、列出、吊销 API 令牌。",
    no_args_is_help=True,
)
token_app = typer.Typer(
    help="API 令牌：签发（new）、列出（list）、吊销（revoke）。", no_args_is_help=True
)
app.add_typer(token_app, name="token")


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


@app.command(name="disable")
def disable_command(
    name: Annotated[str, typer.Argument(help="用户名。")],
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """停用用户：不能再登录，已登录的会话立即结束，API 令牌随之失效。"""
    with reporting_errors(debug), open_store(db) as database:
        set_user_active(database, name, False)
    Console().print(f"已停用用户 {name}。")


@app.command(name="enable")
def enable_command(
    name: Annotated[str, typer.Argument(help="用户名。")],
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """重新启用停用的用户。"""
    with reporting_errors(debug), open_store(db) as database:
        set_user_active(database, name, True)
    Console().print(f"已启用用户 {name}。")


@app.command(name="password")
def password_command(
    name: Annotated[str, typer.Argument(help="用户名。")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="从标准输入读取新密码（一行）。")
    ] = False,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """修改用户的密码；该用户所有已登录的会话随之结束。"""
    with reporting_errors(debug):
        password = read_password(password_stdin)
        with open_store(db) as database:
            change_password(database, name, password)
    Console().print(f"已修改用户 {name} 的密码。")


@token_app.command(name="new")
def token_command(
    name: Annotated[str, typer.Argument(help="用户名。")],
    label: Annotated[str | None, typer.Option(help="令牌的用途说明。")] = None,
    days: Annotated[int, typer.Option(help="有效期（天，1–3650）。")] = TOKEN_DAYS,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """为用户签发 API 令牌（Authorization: Bearer …）；令牌只显示这一次。"""
    with reporting_errors(debug), open_store(db) as database:
        token = create_api_token(database, name, label=label, days=days)
    sys.stdout.write(token + "\n")


@token_app.command(name="list")
def token_list_command(
    name: Annotated[str | None, typer.Argument(help="用户名（省略时列出所有用户的令牌）。")] = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """列出 API 令牌（编号、用户、用途、创建与到期时间；不含令牌本身）。"""
    with reporting_errors(debug), open_store(db) as database:
        tokens = list_api_tokens(database, name)
    for token in tokens:
        expires = token.expires_at.strftime("%Y-%m-%d %H:%M") if token.expires_at else "不过期"
        created = token.created_at.strftime("%Y-%m-%d %H:%M")
        label = token.label or "-"
        sys.stdout.write(
            f"{token.id}\t{token.user}\t{label}\t创建 {created}\t到期 {expires}（UTC）\n"
        )
    if not tokens:
        Console(stderr=True).print("没有 API 令牌。")


@token_app.command(name="revoke")
def token_revoke_command(
    token_id: Annotated[int, typer.Argument(help="令牌编号（见 jixiao user token list）。")],
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """吊销 API 令牌：立即失效。"""
    with reporting_errors(debug), open_store(db) as database:
        revoke_api_token(database, token_id)
    Console().print(f"已吊销令牌 {token_id}。")
