"""``jixiao review --stored``: stored tables reviewed again, compared with the same project's
table of the year before (rule YR01), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.review import ReviewConfig
from jixiao.services import import_files, review_config, rule_reviewer
from jixiao.services.stored_review import review_stored
from jixiao.services.uploads import Upload
from jixiao.store import Database

runner = CliRunner()
PROJECT = "选调生到村任职工作补助区配套资金"


def store_two_years(database: Database, edited_copy: Callable[..., Path]) -> None:
    # last year the same project promised 25 people; this year 20 (the example's ≥20人)
    last_year = edited_copy(("≥20人", "≥25人"), name="2023.txt")
    (old,) = import_files(database, [last_year], year=2023)
    assert old.error is None
    this_year = edited_copy(name="2024.txt")  # the example as it is
    (new,) = import_files(database, [this_year], year=2024)
    assert new.error is None


def test_a_target_weaker_than_last_year_is_found(
    database: Database, edited_copy: Callable[..., Path]
) -> None:
    store_two_years(database, edited_copy)
    reviewed = {
        r.table.year: r for r in review_stored(database, None) if r.table.project == PROJECT
    }
    this_year, last_year = reviewed[2024], reviewed[2023]
    assert this_year.previous is not None
    assert this_year.previous.year == 2023
    weaker = [f for f in this_year.findings if f.code == "YR01"]
    assert [f.indicator for f in weaker] == ["工作经费补助人数"]
    assert weaker[0].message == (
        "“工作经费补助人数”的指标值“≥20人”比上年（2023年）的“≥25人”更低（下限下调）"
    )
    assert last_year.previous is None
    assert not [f for f in last_year.findings if f.code == "YR01"]


def test_cli_review_stored(
    database: Database, database_url: str, edited_copy: Callable[..., Path]
) -> None:
    store_two_years(database, edited_copy)
    result = runner.invoke(
        app, ["review", "--stored", "--db", database_url, "--select", "YR01", "-f", "json"]
    )
    assert result.exit_code == 0, result.output  # YR01 is a warning; fail-on error
    data = json.loads(result.stdout)
    found = [(t["year"], f["indicator"]) for t in data["tables"] for f in t["findings"]]
    assert found == [(2024, "工作经费补助人数")]
    human = runner.invoke(app, ["review", "--stored", "--db", database_url, "--select", "YR01"])
    assert "与上年度表" in human.stdout
    assert "比上年（2023年）" in human.stdout
    missing = runner.invoke(app, ["review", "--stored", "--db", database_url, "没有这个项目"])
    assert missing.exit_code == 2
    nothing = runner.invoke(app, ["review"])
    assert nothing.exit_code == 2


def stored_codes(database: Database, code: str) -> list[tuple[str | None, str]]:
    return [(indicator, message) for indicator, message, _ in stored_findings(database, code)]


def stored_findings(
    database: Database, code: str
) -> list[tuple[str | None, str, tuple[int | None, int | None]]]:
    """The stored findings of ``code``: indicator, message, and table and row positions."""
    from sqlalchemy import select

    from jixiao.store.schema import findings

    columns = (findings.c.indicator, findings.c.message)
    places = (findings.c.table_position, findings.c.indicator_position)
    with database.engine.connect() as connection:
        query = select(*columns, *places).where(findings.c.code == code).order_by(findings.c.id)
        return [
            (row.indicator, row.message, (row.table_position, row.indicator_position))
            for row in connection.execute(query)
        ]


def test_the_import_reviews_against_last_years_stored_table(
    database: Database, edited_copy: Callable[..., Path]
) -> None:
    """jixiao import (and web uploads: the same import_files) runs YR01 against the store it
    imports into: the 2024 table is compared with the 2023 table stored before it."""
    review = rule_reviewer(review_config())
    last_year = edited_copy(("≥20人", "≥25人"), name="2023.txt")
    (old,) = import_files(database, [last_year], year=2023, review=review)
    assert old.error is None
    assert stored_findings(database, "YR01") == []  # no year before it in the store
    this_year = edited_copy(name="2024.txt")
    (new,) = import_files(database, [this_year], year=2024, review=review)
    assert new.error is None
    message = "“工作经费补助人数”的指标值“≥20人”比上年（2023年）的“≥25人”更低（下限下调）"
    # the example's 4th table, its 1st row
    assert stored_findings(database, "YR01") == [("工作经费补助人数", message, (3, 0))]
    # the rules of the configuration: YR01 ignored, none found
    again = edited_copy(("≥20人", "≥19人"), name="2024b.txt")
    ignoring = rule_reviewer(ReviewConfig(ignore=("YR01",)))
    (third,) = import_files(database, [again], year=2024, review=ignoring)
    assert third.error is None
    assert third.result is not None
    assert not third.result.already_imported
    assert len(stored_findings(database, "YR01")) == 1  # the earlier import's only


def test_a_web_upload_reviews_against_last_years_stored_table(
    database: Database, edited_copy: Callable[..., Path]
) -> None:
    last_year = edited_copy(("≥20人", "≥25人"), name="2023.txt")
    (old,) = import_files(database, [last_year], year=2023, review=rule_reviewer(review_config()))
    assert old.error is None
    upload = Upload("2024.txt", edited_copy(name="2024.txt").read_bytes())
    (new,) = import_files(database, [upload], year=2024, review=rule_reviewer(review_config()))
    assert new.error is None
    assert [indicator for indicator, _ in stored_codes(database, "YR01")] == ["工作经费补助人数"]


def test_an_edit_keeps_the_comparison_with_last_year(
    database: Database, edited_copy: Callable[..., Path]
) -> None:
    """An edit reviews the table again and replaces its findings: YR01 is found again."""
    from jixiao.services.edits import edit_target
    from jixiao.services.users import add_user, user_named
    from jixiao.store import TableFilter, list_tables

    review = rule_reviewer(review_config())
    last_year = edited_copy(("≥20人", "≥25人"), name="2023.txt")
    (old,) = import_files(database, [last_year], year=2023, review=review)
    (new,) = import_files(database, [edited_copy(name="2024.txt")], year=2024, review=review)
    assert old.error is None
    assert new.error is None
    add_user(database, "admin", "correct-horse-battery", "admin", [])
    with database.engine.connect() as connection:
        (table,) = [
            t for t in list_tables(connection, TableFilter(year=2024)) if t.project == PROJECT
        ]
    edited = edit_target(database, user_named(database, "admin"), table.id, 1, "≥3个", based_on=1)
    assert edited.changed
    found = stored_codes(database, "YR01")
    assert found.count(found[0]) == 2  # revision 1's finding, and revision 2's again
