"""Signing in and out. The login form is protected by a double-submit CSRF cookie."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from jixiao.errors import NotAuthenticated, TooManyAttempts
from jixiao.services import authenticate, end_session, start_session
from jixiao.web.auth import PageSession, optional_session, same
from jixiao.web.errors import CsrfFailed
from jixiao.web.settings import LOGIN_CSRF_COOKIE, SESSION_COOKIE, database_of, settings_of
from jixiao.web.ui.rendering import render

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path on this site (never ``//host`` or a URL)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login", response_class=Response)
def login_page(request: Request, next: str | None = None) -> Response:
    if optional_session(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    token = secrets.token_urlsafe(32)
    response = render(request, "login.html", {"login_csrf": token, "next": safe_next(next)})
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=settings_of(request).secure_cookies,
        path="/login",
    )
    return response


@router.post("/login", response_class=Response)
def login(
    request: Request,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    if not same(request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf_token):
        raise CsrfFailed()
    database = database_of(request)
    client = request.client.host if request.client else None
    try:
        user = authenticate(database, name.strip(), password, client=client)
    except (NotAuthenticated, TooManyAttempts) as error:
        throttled = isinstance(error, TooManyAttempts)
        token = secrets.token_urlsafe(32)
        response = render(
            request,
            "login.html",
            {"login_csrf": token, "next": safe_next(next), "error": error.message, "name": name},
            status=429 if throttled else 401,
        )
        if isinstance(error, TooManyAttempts):
            response.headers["Retry-After"] = str(error.retry_after)
        response.set_cookie(
            LOGIN_CSRF_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=settings_of(request).secure_cookies,
            path="/login",
        )
        return response
    session = start_session(database, user)
    redirect = RedirectResponse(safe_next(next), status_code=303)
    redirect.set_cookie(
        SESSION_COOKIE,
        session.token,
        httponly=True,
        samesite="lax",
        secure=settings_of(request).secure_cookies,
        max_age=12 * 3600,
    )
    redirect.delete_cookie(
        LOGIN_CSRF_COOKIE, path="/login", secure=settings_of(request).secure_cookies, httponly=True
    )
    return redirect


@router.post("/logout", response_class=Response)
def logout(request: Request, session: PageSession) -> Response:
    end_session(database_of(request), session.token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE, secure=settings_of(request).secure_cookies, httponly=True, samesite="lax"
    )
    return response
