"""Users, their departments, login sessions and API tokens: repository functions.

Secrets never reach the database: sessions and tokens are stored by the SHA-256 of the value
the client holds, passwords by the hash the caller computed (:mod:`jixiao.services.users`
chooses the algorithm). No policy here: who may do what is decided by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from sqlalchemy import Connection, Row, bindparam, delete, insert, select, update

from jixiao.store.records import ApiTokenRecord, UserRecord
from jixiao.store.schema import (
    api_tokens,
    login_failures,
    sessions,
    target_tables,
    user_departments,
    users,
)


def insert_user(
    connection: Connection,
    *,
    name: str,
    password_hash: str,
    role: str,
    departments: Iterable[str],
    now: dt.datetime,
) -> int:
    user_id: int = connection.execute(
        insert(users).returning(users.c.id),
        {
            "name": name,
            "password_hash": password_hash,
            "role": role,
            "active": True,
            "created_at": now,
        },
    ).scalar_one()
    set_departments(connection, user_id, departments)
    return user_id


def set_departments(connection: Connection, user_id: int, departments: Iterable[str]) -> None:
    connection.execute(delete(user_departments).where(user_departments.c.user_id == user_id))
    rows = [{"user_id": user_id, "department": name} for name in sorted(set(departments))]
    if rows:
        connection.execute(insert(user_departments), rows)


def update_password(connection: Connection, user_id: int, password_hash: str) -> None:
    connection.execute(
        update(users).where(users.c.id == user_id).values(password_hash=password_hash)
    )


def user_id_by_name(connection: Connection, name: str) -> int | None:
    found: int | None = connection.scalar(select(users.c.id).where(users.c.name == name))
    return found


def password_hash_of(connection: Connection, name: str) -> tuple[int, str] | None:
    """(id, password hash) of an active user, or None."""
    row = connection.execute(
        select(users.c.id, users.c.password_hash).where(users.c.name == name, users.c.active)
    ).one_or_none()
    return (row.id, row.password_hash) if row else None


def load_user(connection: Connection, user_id: int) -> UserRecord | None:
    row = connection.execute(select(users).where(users.c.id == user_id)).one_or_none()
    return user_record(connection, row) if row else None


def list_users(connection: Connection) -> list[UserRecord]:
    return [
        user_record(connection, row)
        for row in connection.execute(select(users).order_by(users.c.name))
    ]


def user_record(connection: Connection, row: Row[Any]) -> UserRecord:
    departments = connection.scalars(
        select(user_departments.c.department)
        .where(user_departments.c.user_id == row.id)
        .order_by(user_departments.c.department)
    )
    return UserRecord(
        id=row.id,
        name=row.name,
        role=row.role,
        active=row.active,
        created_at=row.created_at,
        departments=tuple(departments),
    )


def insert_session(
    connection: Connection,
    *,
    token_hash: str,
    user_id: int,
    csrf_token: str,
    now: dt.datetime,
    expires_at: dt.datetime,
) -> None:
    connection.execute(delete(sessions).where(sessions.c.expires_at <= now))
    connection.execute(
        insert(sessions),
        {
            "token_hash": token_hash,
            "user_id": user_id,
            "csrf_token": csrf_token,
            "created_at": now,
            "expires_at": expires_at,
        },
    )


SESSION_USER: Final = (  # built once: every page request runs it (see queries.TABLE_SUMMARY)
    select(
        users.c.id,
        users.c.name,
        users.c.role,
        users.c.active,
        users.c.created_at,
        sessions.c.csrf_token,
        user_departments.c.department,
    )
    .join(users, users.c.id == sessions.c.user_id)
    .outerjoin(user_departments, user_departments.c.user_id == users.c.id)
    .where(
        sessions.c.token_hash == bindparam("token_hash"),
        sessions.c.expires_at > bindparam("now"),
        users.c.active,
    )
    .order_by(user_departments.c.department)
)


def session_of(
    connection: Connection, token_hash: str, now: dt.datetime
) -> tuple[UserRecord, str] | None:
    """(user, CSRF token) of an unexpired session of an active user, or None.

    One query (a row per department of the user), since every page request asks it."""
    rows = connection.execute(SESSION_USER, {"token_hash": token_hash, "now": now}).all()
    if not rows:
        return None
    first = rows[0]
    record = UserRecord(
        id=first.id,
        name=first.name,
        role=first.role,
        active=first.active,
        created_at=first.created_at,
        departments=tuple(row.department for row in rows if row.department is not None),
    )
    return record, first.csrf_token


def delete_session(connection: Connection, token_hash: str) -> None:
    connection.execute(delete(sessions).where(sessions.c.token_hash == token_hash))


def insert_api_token(
    connection: Connection,
    *,
    token_hash: str,
    user_id: int,
    label: str | None,
    now: dt.datetime,
    expires_at: dt.datetime | None,
) -> None:
    connection.execute(
        insert(api_tokens),
        {
            "token_hash": token_hash,
            "user_id": user_id,
            "label": label,
            "created_at": now,
            "expires_at": expires_at,
        },
    )


def api_token_user(connection: Connection, token_hash: str, now: dt.datetime) -> int | None:
    """The id of the active user an unexpired token belongs to, or None."""
    found: int | None = connection.scalar(
        select(api_tokens.c.user_id)
        .join(users, users.c.id == api_tokens.c.user_id)
        .where(
            api_tokens.c.token_hash == token_hash,
            (api_tokens.c.expires_at.is_(None)) | (api_tokens.c.expires_at > now),
            users.c.active,
        )
    )
    return found


def department_claims(
    connection: Connection, identifiers: Iterable[str]
) -> list[tuple[str | None, str | None]]:
    """(department, department code) of the stored tables carrying one of these identifiers
    as their department name or code."""
    wanted = sorted(set(identifiers))
    if not wanted:
        return []
    rows = connection.execute(
        select(target_tables.c.department, target_tables.c.department_code)
        .where(target_tables.c.department.in_(wanted) | target_tables.c.department_code.in_(wanted))
        .distinct()
    )
    return [(row.department, row.department_code) for row in rows]


def set_active(connection: Connection, user_id: int, active: bool) -> None:
    connection.execute(update(users).where(users.c.id == user_id).values(active=active))


def delete_sessions_of(connection: Connection, user_id: int) -> None:
    connection.execute(delete(sessions).where(sessions.c.user_id == user_id))


def list_api_tokens(connection: Connection, user_id: int | None = None) -> list[ApiTokenRecord]:
    """The tokens of one user (or of all), newest first."""
    query = select(
        api_tokens.c.id,
        users.c.name,
        api_tokens.c.label,
        api_tokens.c.created_at,
        api_tokens.c.expires_at,
    ).join(users, users.c.id == api_tokens.c.user_id)
    if user_id is not None:
        query = query.where(api_tokens.c.user_id == user_id)
    return [
        ApiTokenRecord(
            id=row.id,
            user=row.name,
            label=row.label,
            created_at=row.created_at,
            expires_at=row.expires_at,
        )
        for row in connection.execute(query.order_by(api_tokens.c.id.desc()))
    ]


def delete_api_token(connection: Connection, token_id: int, user_id: int | None = None) -> bool:
    """Revoke a token (only one of ``user_id``'s, when given); whether there was one."""
    query = delete(api_tokens).where(api_tokens.c.id == token_id)
    if user_id is not None:
        query = query.where(api_tokens.c.user_id == user_id)
    return connection.execute(query).rowcount > 0


def login_lock(connection: Connection, keys: Iterable[str], now: dt.datetime) -> dt.datetime | None:
    """The latest end of a lockout in force on one of these keys, or None."""
    found: dt.datetime | None = connection.scalar(
        select(login_failures.c.locked_until)
        .where(login_failures.c.key.in_(list(keys)), login_failures.c.locked_until > now)
        .order_by(login_failures.c.locked_until.desc())
        .limit(1)
    )
    return found


def record_login_failure(
    connection: Connection,
    key: str,
    now: dt.datetime,
    *,
    window: dt.timedelta,
    limit: int,
    lock: dt.timedelta,
) -> None:
    """Count a failure on ``key``; the ``limit``-th within ``window`` locks it for ``lock``.

    Failures older than the window (and an ended lockout) are forgotten.
    """
    connection.execute(
        delete(login_failures).where(login_failures.c.first_at <= now - window - lock)
    )
    row = connection.execute(
        select(login_failures).where(login_failures.c.key == key)
    ).one_or_none()
    ended = row is not None and (
        (row.locked_until is not None and row.locked_until <= now)
        or (row.locked_until is None and row.first_at <= now - window)
    )
    if row is None or ended:
        connection.execute(delete(login_failures).where(login_failures.c.key == key))
        failures = 1
        connection.execute(
            insert(login_failures),
            {"key": key, "failures": 1, "first_at": now, "locked_until": None},
        )
    else:
        failures = row.failures + 1
        connection.execute(
            update(login_failures).where(login_failures.c.key == key).values(failures=failures)
        )
    if failures >= limit:
        connection.execute(
            update(login_failures)
            .where(login_failures.c.key == key)
            .values(locked_until=now + lock)
        )


def clear_login_failures(connection: Connection, key: str) -> None:
    connection.execute(delete(login_failures).where(login_failures.c.key == key))
