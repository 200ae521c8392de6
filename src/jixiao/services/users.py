"""Use-cases of users: create them, sign them in and out, API tokens, and what a role allows.

Roles (docs/web.md):

=========  ======  ==================================================================
role       label   may
=========  ======  ==================================================================
filler     填报    read, upload and edit the tables of the departments it belongs to
reviewer   审核    read and export the tables of the departments assigned to it
admin      管理员  everything, in every department; create API tokens for anyone
=========  ======  ==================================================================

A table belongs to a department when its 主管部门 name or its department code is one of the
user's departments. Passwords are hashed with Argon2id (argon2-cffi); sessions and API tokens
are random secrets held by the client, stored as their SHA-256. API tokens expire
(:data:`TOKEN_DAYS` by default) and can be listed and revoked; a user can be disabled (its
sessions end, its tokens stop working) and its password changed (its sessions end).

Sign-in throttling (in the database, so that it holds across worker processes and machines):
:data:`ACCOUNT_LIMIT` failures for one account name, or :data:`ADDRESS_LIMIT` from one client
address, within :data:`FAILURE_WINDOW` lock that account (or address) for :data:`LOCKOUT`;
while locked, every sign-in is refused (:class:`TooManyAttempts`, HTTP 429) without looking
at the password, the right one included. A success clears the account's count, never the
address's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from jixiao.errors import (
    InvalidRequest,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    TooManyAttempts,
)
from jixiao.store import ApiTokenRecord, Database, TableSummary, UserRecord, write_transaction
from jixiao.store import users as user_store

SESSION_HOURS: Final = 12
MIN_PASSWORD_LENGTH: Final = 8
MAX_NAME_LENGTH: Final = 64
TOKEN_DAYS: Final = 90
"""Default lifetime of an API token, in days (``--days`` / the account page choose another)."""
MAX_TOKEN_DAYS: Final = 3650
ACCOUNT_LIMIT: Final = 5
"""Failed sign-ins of one account name within :data:`FAILURE_WINDOW` that lock it."""
ADDRESS_LIMIT: Final = 20
"""Failed sign-ins from one client address within :data:`FAILURE_WINDOW` that lock it."""
FAILURE_WINDOW: Final = dt.timedelta(minutes=15)
LOCKOUT: Final = dt.timedelta(minutes=15)

_hasher = PasswordHasher()


@cache
def dummy_hash() -> str:
    """A hash checked when the name is unknown, so that a wrong name costs the same time as a
    wrong password. Computed on first use, not at import: one Argon2 hash costs 0.2-0.4 s and
    64 MiB, which commands that never check a password should not pay."""
    return _hasher.hash("jixiao: a password nobody has")


class Role(StrEnum):
    FILLER = "filler"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: Final = {Role.FILLER: "填报", Role.REVIEWER: "审核", Role.ADMIN: "管理员"}


@dataclass(frozen=True)
class User:
    """A signed-in user and what the role allows, department by department."""

    id: int
    name: str
    role: Role
    departments: tuple[str, ...] = ()

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def scope(self) -> tuple[str, ...] | None:
        """The departments whose tables the user sees; None: every department."""
        return None if self.is_admin else self.departments

    def covers(self, department: str | None, department_code: str | None) -> bool:
        if self.is_admin:
            return True
        return any(name in self.departments for name in (department, department_code) if name)

    def can_read(self, table: TableSummary) -> bool:
        return self.covers(table.department, table.department_code)

    def can_edit(self, table: TableSummary) -> bool:
        return self.role is not Role.REVIEWER and self.can_read(table)

    @property
    def can_upload(self) -> bool:
        return self.role is not Role.REVIEWER

    def require_read(self, table: TableSummary) -> None:
        """A table the user may not read is not found, like one that does not exist: the
        answer names nothing of it, and ids cannot be walked to list other departments'."""
        if not self.can_read(table):
            raise NotFound(f"编号为 {table.id} 的表")

    def require_edit(self, table: TableSummary) -> None:
        self.require_read(table)
        if not self.can_edit(table):
            raise PermissionDenied(f"{self.role.label}角色不能修改表格（{table.describe()}）")

    def require_upload(self) -> None:
        if not self.can_upload:
            raise PermissionDenied(f"{self.role.label}角色不能上传文件")

    def require_admin(self) -> None:
        if not self.is_admin:
            raise PermissionDenied("只有管理员可以执行此操作")


@dataclass(frozen=True)
class Session:
    """A signed-in browser: the user, the cookie secret and the CSRF token of its forms."""

    user: User
    token: str
    csrf_token: str


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def user_of(record: UserRecord) -> User:
    return User(record.id, record.name, Role(record.role), record.departments)


def check_new_user(name: str, password: str, role: str, departments: Iterable[str]) -> Role:
    if not name.strip() or len(name) > MAX_NAME_LENGTH or name != name.strip():
        raise InvalidRequest(f"用户名不能为空、不能以空格开头或结尾，最长 {MAX_NAME_LENGTH} 个字符")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidRequest(f"密码至少 {MIN_PASSWORD_LENGTH} 个字符")
    try:
        chosen = Role(role)
    except ValueError:
        raise InvalidRequest(f"未知角色“{role}”（应为 filler、reviewer 或 admin）") from None
    if chosen is not Role.ADMIN and not [d for d in departments if d.strip()]:
        raise InvalidRequest(f"{chosen.label}用户至少需要一个部门（--department）")
    return chosen


def add_user(
    database: Database,
    name: str,
    password: str,
    role: str,
    departments: Iterable[str] = (),
) -> User:
    """Create a user; :class:`InvalidRequest` for a taken name or an unacceptable value."""
    wanted = [department.strip() for department in departments if department.strip()]
    chosen = check_new_user(name, password, role, wanted)
    with write_transaction(database) as connection:
        if user_store.user_id_by_name(connection, name) is not None:
            raise InvalidRequest(f"用户名“{name}”已被使用")
        user_id = user_store.insert_user(
            connection,
            name=name,
            password_hash=_hasher.hash(password),
            role=chosen.value,
            departments=wanted,
            now=utc_now(),
        )
    return User(user_id, name, chosen, tuple(sorted(set(wanted))))


def list_users(database: Database, acting: User) -> list[UserRecord]:
    acting.require_admin()
    with database.engine.connect() as connection:
        return user_store.list_users(connection)


def login_keys(name: str, client: str | None) -> list[tuple[str, int]]:
    """The throttling keys of a sign-in and their limits."""
    keys = [(f"account:{name[:200]}", ACCOUNT_LIMIT)]
    if client:
        keys.append((f"address:{client[:100]}", ADDRESS_LIMIT))
    return keys


def authenticate(
    database: Database, name: str, password: str, *, client: str | None = None
) -> User:
    """The user with this name and password; :class:`NotAuthenticated` otherwise.

    ``client`` is the address the request came from (throttled as well as the account);
    :class:`TooManyAttempts` while either is locked, whatever the password.
    """
    keys = login_keys(name, client)
    with database.engine.connect() as connection:
        locked = user_store.login_lock(connection, [key for key, _ in keys], utc_now())
        found = user_store.password_hash_of(connection, name) if locked is None else None
    if locked is not None:
        raise TooManyAttempts(int((locked - utc_now()).total_seconds()) + 1)
    try:
        _hasher.verify(found[1] if found else dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        found = None
    if found is None:
        record_failure(database, keys)
        raise NotAuthenticated("用户名或密码错误")
    with write_transaction(database) as connection:
        if _hasher.check_needs_rehash(found[1]):
            user_store.update_password(connection, found[0], _hasher.hash(password))
        user_store.clear_login_failures(connection, keys[0][0])
        record = user_store.load_user(connection, found[0])
    if record is None:  # deleted meanwhile
        raise NotAuthenticated("用户名或密码错误")
    return user_of(record)


def record_failure(database: Database, keys: list[tuple[str, int]]) -> None:
    for attempt in (1, 2):  # two first failures at once: the second insert retries as update
        try:
            with write_transaction(database) as connection:
                for key, limit in keys:
                    user_store.record_login_failure(
                        connection, key, utc_now(), window=FAILURE_WINDOW, limit=limit, lock=LOCKOUT
                    )
            return
        except IntegrityError:
            if attempt == 2:
                raise


def start_session(database: Database, user: User) -> Session:
    token, csrf_token = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utc_now()
    with write_transaction(database) as connection:
        user_store.insert_session(
            connection,
            token_hash=secret_hash(token),
            user_id=user.id,
            csrf_token=csrf_token,
            now=now,
            expires_at=now + dt.timedelta(hours=SESSION_HOURS),
        )
    return Session(user, token, csrf_token)


def session_of(database: Database, token: str) -> Session | None:
    """The live session a cookie names, or None (expired, signed out, unknown)."""
    with database.engine.connect() as connection:
        found = user_store.session_of(connection, secret_hash(token), utc_now())
    if found is None:
        return None
    record, csrf_token = found
    return Session(user_of(record), token, csrf_token)


def end_session(database: Database, token: str) -> None:
    with write_transaction(database) as connection:
        user_store.delete_session(connection, secret_hash(token))


def create_api_token(
    database: Database, user_name: str, *, label: str | None = None, days: int = TOKEN_DAYS
) -> str:
    """A new API token for the user, valid ``days`` days (the secret is returned once and
    stored only hashed)."""
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise InvalidRequest(f"令牌有效期应为 1 至 {MAX_TOKEN_DAYS} 天")
    token = "jx_" + secrets.token_urlsafe(32)
    now = utc_now()
    with write_transaction(database) as connection:
        user_id = user_store.user_id_by_name(connection, user_name)
        if user_id is None:
            raise InvalidRequest(f"没有用户“{user_name}”")
        user_store.insert_api_token(
            connection,
            token_hash=secret_hash(token),
            user_id=user_id,
            label=label,
            now=now,
            expires_at=now + dt.timedelta(days=days),
        )
    return token


def list_api_tokens(database: Database, user_name: str | None = None) -> list[ApiTokenRecord]:
    """The API tokens of a user (of every user when None), newest first, without secrets."""
    with database.engine.connect() as connection:
        user_id = None if user_name is None else existing_user_id(connection, user_name)
        return user_store.list_api_tokens(connection, user_id)


def revoke_api_token(database: Database, token_id: int, *, owner: str | None = None) -> None:
    """Revoke a token (when ``owner`` is given, only one of that user's); NotFound otherwise."""
    with write_transaction(database) as connection:
        user_id = None if owner is None else existing_user_id(connection, owner)
        if not user_store.delete_api_token(connection, token_id, user_id):
            raise NotFound(f"没有编号为 {token_id} 的令牌")


def set_user_active(database: Database, name: str, active: bool) -> None:
    """Enable or disable a user; a disabled user's sessions end and its tokens stop working."""
    with write_transaction(database) as connection:
        user_id = existing_user_id(connection, name)
        user_store.set_active(connection, user_id, active)
        if not active:
            user_store.delete_sessions_of(connection, user_id)


def change_password(
    database: Database, name: str, new_password: str, *, current: str | None = None
) -> None:
    """Set a new password (checking ``current`` first when given); every session of the user
    ends, so that a stolen session does not outlive the password.

    A wrong ``current`` counts as a failed sign-in of the account, and a locked account is
    refused (:class:`TooManyAttempts`): a stolen session cannot guess the password faster
    than the login form."""
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise InvalidRequest(f"密码至少 {MIN_PASSWORD_LENGTH} 个字符")
    if current is not None:
        keys = login_keys(name, None)
        with database.engine.connect() as connection:
            locked = user_store.login_lock(connection, [key for key, _ in keys], utc_now())
            found = user_store.password_hash_of(connection, name)
        if locked is not None:
            raise TooManyAttempts(int((locked - utc_now()).total_seconds()) + 1)
        try:
            _hasher.verify(found[1] if found else dummy_hash(), current)
        except (VerificationError, InvalidHashError):
            record_failure(database, keys)
            raise InvalidRequest("当前密码不正确") from None
    with write_transaction(database) as connection:
        user_id = existing_user_id(connection, name)
        user_store.update_password(connection, user_id, _hasher.hash(new_password))
        user_store.delete_sessions_of(connection, user_id)


def existing_user_id(connection: Connection, name: str) -> int:
    user_id = user_store.user_id_by_name(connection, name)
    if user_id is None:
        raise NotFound(f"没有用户“{name}”")
    return user_id


def user_named(database: Database, name: str) -> User:
    """An active user by name: who the command line acts as (``--as``)."""
    with database.engine.connect() as connection:
        user_id = user_store.user_id_by_name(connection, name)
        record = user_store.load_user(connection, user_id) if user_id is not None else None
    if record is None:
        raise NotFound(f"用户“{name}”")
    if not record.active:
        raise PermissionDenied(f"用户“{name}”已停用")
    return user_of(record)


def token_user(database: Database, token: str) -> User | None:
    """The user an API token (``Authorization: Bearer``) belongs to, or None."""
    with database.engine.connect() as connection:
        user_id = user_store.api_token_user(connection, secret_hash(token), utc_now())
        record = user_store.load_user(connection, user_id) if user_id is not None else None
    return user_of(record) if record else None
