"""The API keeps its own contract (issue 18): bounded integers, no control characters,
times with their offset, documented errors and statuses, declared enums, 405 with Allow.

Each test states a finding of the schemathesis probe that once failed (500s on ids above
2^63 − 1, ``?q=%00`` answering every table, naive timestamps, an undocumented 400, profiles not
an enum, 405 without ``Allow``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

API = Callable[..., Any]
HUGE = "99999999999999999999"  # above 2^63 − 1: once an SQLite integer overflow, 500
ABOVE_INT32 = str(2**31)  # above PostgreSQL's integer ids
BEIJING = dt.timezone(dt.timedelta(hours=8))


def assert_invalid(response: Any) -> None:
    assert response.status_code == 422, (response.status_code, response.text)
    assert response.json()["error"]["code"] == "invalid"


@pytest.mark.parametrize("number", [HUGE, ABOVE_INT32, "-1", "0"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/tables/{n}",
        "/api/v1/tables/{n}/indicators",
        "/api/v1/tables/{n}/findings",
        "/api/v1/tables/{n}/history",
        "/api/v1/tables/{n}/comments",
        "/api/v1/tables/{n}/evaluation",
    ],
)
def test_ids_out_of_range_are_422(api: API, path: str, number: str) -> None:
    assert_invalid(api("GET", path.format(n=number)))


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/tables/{t}", {"revision": HUGE}),
        ("/api/v1/tables/{t}/indicators", {"revision": ABOVE_INT32}),
        ("/api/v1/tables", {"offset": HUGE}),
        ("/api/v1/findings", {"offset": HUGE}),
        ("/api/v1/findings", {"limit": HUGE}),
    ],
)
def test_revisions_and_offsets_out_of_range_are_422(
    api: API, vl04_table: int, path: str, params: dict[str, str]
) -> None:
    assert_invalid(api("GET", path.format(t=vl04_table), params=params))


def test_ids_in_range_that_name_nothing_are_404(api: API, vl04_table: int) -> None:
    assert api("GET", f"/api/v1/tables/{2**31 - 1}").status_code == 404
    assert (
        api("GET", f"/api/v1/tables/{vl04_table}", params={"revision": 2**31 - 1}).status_code
        == 404
    )
    assert api("GET", "/api/v1/tables", params={"offset": 2**31 - 1}).json()["tables"] == []


def test_positions_and_bodies_out_of_range_are_422(api: API, vl04_table: int) -> None:
    edit = {"target": "=100%", "based_on": 1}
    assert_invalid(api("PUT", f"/api/v1/tables/{vl04_table}/indicators/{HUGE}/target", json=edit))
    huge_base = {"target": "=100%", "based_on": int(HUGE)}
    assert_invalid(api("PUT", f"/api/v1/tables/{vl04_table}/indicators/0/target", json=huge_base))
    comment = {"body": "请核对", "position": int(HUGE)}
    assert_invalid(api("POST", f"/api/v1/tables/{vl04_table}/comments", json=comment))


@pytest.mark.parametrize("text", ["\x00", "甲\x00", "\x1b[31m", "a\tb", "a\nb"])
@pytest.mark.parametrize("name", ["q", "department"])
def test_control_characters_in_text_parameters_are_422(api: API, name: str, text: str) -> None:
    assert_invalid(api("GET", "/api/v1/tables", params={name: text}))
    assert_invalid(api("GET", "/api/v1/exports", params={name: text}))


def test_a_nul_search_no_longer_answers_every_table(api: API) -> None:
    response = api("GET", "/api/v1/tables?q=%00")
    assert_invalid(response)
    assert "tables" not in response.json()
    assert api("GET", "/api/v1/findings", params={"code": "VL\x00"}).status_code == 422


def test_multi_line_text_takes_line_breaks_but_no_other_control_character(
    api: API, vl04_table: int
) -> None:
    path = f"/api/v1/tables/{vl04_table}/comments"
    assert api("POST", path, json={"body": "第一行\n第二行\t完"}).status_code == 201
    assert_invalid(api("POST", path, json={"body": "坏\x00"}))
    assert_invalid(api("POST", path, json={"body": "坏\x07"}))
    edit = {"target": "=100%\x00", "based_on": 1}
    assert_invalid(api("PUT", f"/api/v1/tables/{vl04_table}/indicators/0/target", json=edit))


def test_times_carry_their_offset_in_beijing_time(api: API, vl04_table: int) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    created = api("POST", f"/api/v1/tables/{vl04_table}/comments", json={"body": "请核对"}).json()[
        "created_at"
    ]
    after = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    stamp = dt.datetime.fromisoformat(created)
    assert created.endswith("+08:00"), created
    assert stamp.utcoffset() == dt.timedelta(hours=8)
    assert before <= stamp <= after  # the same instant as stored (UTC), shown at +08:00
    detail = api("GET", f"/api/v1/tables/{vl04_table}").json()
    assert detail["created_at"].endswith("+08:00")
    history = api("GET", f"/api/v1/tables/{vl04_table}/history").json()
    assert all(r["created_at"].endswith("+08:00") for r in history["revisions"])
    listed = api("GET", "/api/v1/tables").json()["tables"]
    assert all(t["updated_at"].endswith("+08:00") for t in listed)


def test_pages_show_beijing_time(
    client: TestClient, login: Callable[[str], str], api: API, vl04_table: int
) -> None:
    created = api("GET", f"/api/v1/tables/{vl04_table}").json()["created_at"]
    shown = dt.datetime.fromisoformat(created).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    login("admin")
    assert shown in client.get(f"/tables/{vl04_table}").text


def test_malformed_json_is_a_documented_422(api: API, vl04_table: int) -> None:
    response = api(
        "PUT",
        f"/api/v1/tables/{vl04_table}/indicators/0/target",
        content=b'{"target": "=100%", ',
        headers={"Content-Type": "application/json"},
    )
    assert_invalid(response)
    spec = api("GET", "/api/v1/openapi.json", user=None).json()
    operation = spec["paths"]["/api/v1/tables/{table_id}/indicators/{position}/target"]["put"]
    assert "422" in operation["responses"]


def test_every_status_is_documented_and_ints_bounded(api: API) -> None:
    spec = api("GET", "/api/v1/openapi.json", user=None).json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            assert {"400", "401", "403", "404", "413", "422", "500", "503"} <= documented, (
                method,
                path,
            )
            for parameter in operation.get("parameters", []):
                schema = parameter["schema"]
                kinds = [schema, *schema.get("anyOf", [])]
                for kind in kinds:
                    if kind.get("type") == "integer":
                        assert kind.get("maximum", 2**63) <= 2**63 - 1, (path, parameter)
                    if kind.get("type") == "string":
                        declared = {**schema, **kind}
                        assert "pattern" in declared or "enum" in declared, (path, parameter)


def test_profiles_are_an_enum(api: API, vl04_table: int) -> None:
    spec = api("GET", "/api/v1/openapi.json", user=None).json()
    parameters = spec["paths"]["/api/v1/tables/{table_id}/evaluation"]["get"]["parameters"]
    (profile,) = [p for p in parameters if p["name"] == "profile"]
    declared = [
        kind.get("enum") for kind in [profile["schema"], *profile["schema"].get("anyOf", [])]
    ]
    enums = [values for values in declared if values]
    assert enums, profile
    assert "national" in enums[0]
    for name in enums[0]:
        response = api("GET", f"/api/v1/tables/{vl04_table}/evaluation", params={"profile": name})
        assert response.status_code == 200, (name, response.text)
    unknown = api("GET", f"/api/v1/tables/{vl04_table}/evaluation", params={"profile": "nope"})
    assert unknown.status_code == 422


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/api/v1/tables/1", {"GET"}),
        ("PATCH", "/api/v1/tables/1/evaluation", {"GET", "PUT"}),
        ("DELETE", "/api/v1/tables/1/comments", {"GET", "POST"}),
        ("PUT", "/api/v1/documents", {"POST"}),
    ],
)
def test_405_carries_allow(api: API, method: str, path: str, allowed: set[str]) -> None:
    response = api(method, path)
    assert response.status_code == 405, response.text
    assert set(re.split(r",\s*", response.headers["Allow"])) == allowed
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_pages_bound_their_ids_too(client: TestClient, login: Callable[[str], str]) -> None:
    login("admin")
    for path in (f"/tables/{HUGE}", f"/tables/1?revision={HUGE}", f"/tables/1/indicators/{HUGE}"):
        response = client.get(path)
        assert response.status_code == 422, (path, response.status_code)
    assert client.get(f"/tables/{2**31 - 1}").status_code == 404
    response = client.delete("/tables/1")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
