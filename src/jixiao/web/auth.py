"""Who is asking: a session cookie for pages, a bearer token for the API; CSRF for forms.

Pages: the ``jixiao_session`` cookie (HttpOnly, SameSite=Lax) names a session stored in the
database. Every unsafe page request (POST…) must carry the session's CSRF token, in the
``X-CSRF-Token`` header (htmx sends it) or the ``csrf_token`` form field. The login form,
before any session exists, uses a double-submit cookie instead.

API: ``Authorization: Bearer <token>`` (``jixiao user token NAME`` or the account page).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from jixiao.errors import NotAuthenticated
from jixiao.services import Session, User, session_of, token_user
from jixiao.web.errors import CsrfFailed
from jixiao.web.settings import CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, database_of

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def optional_session(request: Request) -> Session | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    return session_of(database_of(request), token)


async def csrf_token_sent(request: Request) -> str:
    sent = request.headers.get(CSRF_HEADER)
    if sent:
        return sent
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


def same(expected: str, sent: str) -> bool:
    return bool(expected) and hmac.compare_digest(expected.encode(), sent.encode())


async def page_session(
    request: Request, session: Annotated[Session | None, Depends(optional_session)]
) -> Session:
    """The signed-in session of a page request; unsafe requests must carry its CSRF token."""
    if session is None:
        raise NotAuthenticated()
    if request.method in UNSAFE_METHODS and not same(
        session.csrf_token, await csrf_token_sent(request)
    ):
        raise CsrfFailed()
    request.state.session = session
    return session


async def page_user(session: Annotated[Session, Depends(page_session)]) -> User:
    """(async: no blocking work, so FastAPI runs it in the event loop, not a thread)"""
    return session.user


def api_user(request: Request) -> User:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("需要 API 令牌（请求头 Authorization: Bearer <令牌>）")
    user = token_user(database_of(request), token.strip())
    if user is None:
        raise NotAuthenticated("API 令牌无效或已过期")
    return user


PageSession = Annotated[Session, Depends(page_session)]
PageUser = Annotated[User, Depends(page_user)]
ApiUser = Annotated[User, Depends(api_user)]
