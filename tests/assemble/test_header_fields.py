"""Header fields of real forms: which unit is the department, amounts' unit and cells.

Each case is the shape of a corpus document (named), written small, in tab-separated text.
"""

from __future__ import annotations

import pytest

from jixiao.assemble import assemble_tables
from jixiao.assemble.fields import choose_department, parse_unit_line_with_role
from jixiao.ingest import read_grid
from jixiao.model import Finding, TargetTable

ROWS = "\n".join(
    [
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t数量指标\t甲数\t≥1个",
        "\t质量指标\t乙率\t100%",
    ]
)


def assemble(text: str) -> tuple[list[TargetTable], list[Finding]]:
    return assemble_tables(read_grid(text.encode(), "t.txt"))


def form(*header: str, before: str = "2022年度甲项目绩效自评表") -> str:
    return "\n".join([before, "项目名称\t甲项目", *header, ROWS])


# --- department ---------------------------------------------------------------------------


def test_the_supervisor_is_the_department_when_no_unit_reports() -> None:
    # hunan-yueyangxian, hunan-hengyang-nanyue: 主管部门 and an 实施单位 below it
    (table,), _ = assemble(form("主管部门\t某县农业农村局\t实施单位\t某中心"))
    assert table.department == "某县农业农村局"


def test_the_reporting_unit_is_the_department() -> None:
    # hubei-huangshi: 项目单位(盖章):黄石市图书馆 above a table whose 主管部门 is the bureau
    text = form(
        "主管部门\t某市文化和旅游局\t项目实施单位\t某市图书馆",
        before="2022年度甲项目自评表\n项目单位(盖章):某市图书馆主要领导签字:\n填报日期:2023.6.28",
    )
    (table,), _ = assemble(text)
    assert table.department == "某市图书馆"


def test_the_implementer_cell_names_the_reporting_unit_as_printed_in_the_table() -> None:
    # yunnan-yongde: 部门:临沧市永德县明朗中学 above, 实施单位 永德县明朗中学 in the table
    text = form(
        "主管部门\t某县教育体育局\t实施单位\t某县某中学",
        before="2022年度项目支出绩效自评表\t部门:某市某县某中学",
    )
    (table,), _ = assemble(text)
    assert table.department == "某县某中学"
    assert table.year == 2022


def test_the_implementer_alone_is_the_department() -> None:
    # anhui-bozhou (主管部门 cell empty), chongqing-rongchang (具体实施单位 only)
    (table,), _ = assemble(form("具体实施单位\t区林业局"))
    assert table.department == "区林业局"


def test_the_implementer_is_kept_as_printed_beside_the_department() -> None:
    # hunan-hengshan: 主管部门 衡山县商务和粮食局, 实施单位 粮食调控储备与产业发展股
    (table,), _ = assemble(form("主管部门\t某县商务和粮食局\t实施单位\t某股"))
    assert (table.department, table.implementer) == ("某县商务和粮食局", "某股")
    (table,), _ = assemble(form("主管部门\t某县商务和粮食局"))
    assert table.implementer is None


def test_a_placeholder_implementer_is_not_kept() -> None:
    (table,), _ = assemble(form("主管部门\t某县教育局\t实施单位\t××单位"))
    assert (table.department, table.implementer) == ("某县教育局", None)


def test_a_template_placeholder_is_no_department() -> None:
    # guangdong-shaoguan: the transfer form's 县级主管部门 row left as the template prints it
    (table,), _ = assemble(form("县级主管部门\t县(市、区)教育部门"))
    assert table.department is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("项目单位(盖章):黄石市图书馆 主要领导签字:", ("reporting", None, "黄石市图书馆")),
        ("项目单位(盖章):黄石市图书馆主要领导签字:", ("reporting", None, "黄石市图书馆")),
        ("部门:临沧市永德县明朗中学", ("reporting", None, "临沧市永德县明朗中学")),
        ("填报单位（盖章）：南县疾病预防控制中心", ("reporting", None, "南县疾病预防控制中心")),
        ("主管部门：某县教育局", ("supervisor", None, "某县教育局")),
        ("503101 中共某区委组织部", ("reporting", "503101", "中共某区委组织部")),
        ("部门职能", None),
    ],
)
def test_unit_lines_name_their_role(line: str, expected: tuple[str, str | None, str]) -> None:
    assert parse_unit_line_with_role(line) == expected


def test_choose_department_prefers_the_cell_the_reporting_unit_ends_with() -> None:
    assert choose_department("临沧市某中学", "某局", "某中学") == "某中学"
    assert choose_department("某局", "某局", "某中心") == "某局"
    assert choose_department("另一单位", "某局", "某中心") == "另一单位"
    assert choose_department(None, None, "某中心") == "某中心"


@pytest.mark.parametrize(
    "line", ["114677 某县市场监督管理局单位：万元", "114677 某县市场监督管理局 金额单位:万元"]
)
def test_a_unit_line_run_into_the_department_line_is_both(line: str) -> None:
    # a scan or an OCR'd preview loses the break between the department and 单位：万元
    text = "\n".join(["甲项目绩效目标表", line, "项目名称\t甲项目", "年度资金总额\t1.94", ROWS])
    (table,), _ = assemble(text)
    assert (table.department, table.department_code) == ("某县市场监督管理局", "114677")
    assert (table.budget.unit_printed, table.budget.total) == ("万元", 19400.0)


def test_an_unfilled_unit_label_before_the_unit_is_no_department() -> None:
    # hunan-xiangtan: 填报单位:(盖章) 单位:万元 — the form's blank, then the amounts' unit
    text = "\n".join(["甲项目绩效目标表", "填报单位:(盖章) 单位:万元", "项目名称\t甲项目", ROWS])
    (table,), _ = assemble(text)
    assert (table.department, table.budget.unit_printed) == (None, "万元")


# --- amounts -------------------------------------------------------------------------------


def test_the_unit_a_notice_states_for_the_same_amount_is_used() -> None:
    # shaanxi-yulin-qingjian: a finance notice (资金500万元) and its attached table printing 500
    text = "\n".join(
        [
            "现将产业建设资金500万元下达你们，请按规定使用。",
            form("资金情况\t年度资金总额:\t500", "其中:财政拨款\t500", before="绩效目标申报表"),
        ]
    )
    (table,), findings = assemble(text)
    assert (table.budget.total, table.budget.fiscal) == (5000000.0, 5000000.0)
    assert table.budget.unit_printed == "万元"
    (doubt,) = [f for f in findings if f.code == "PRS018"]
    assert "500万元" in doubt.message


def test_without_a_stated_unit_yuan_is_assumed_without_a_doubt() -> None:
    text = "资金500元以内的零星支出另行安排。\n" + form("资金情况\t年度资金总额:\t3300000.00")
    (table,), findings = assemble(text)
    assert table.budget.total == 3300000.0
    assert not [f for f in findings if f.code == "PRS018"]


def test_text_in_an_amount_cell_is_no_printed_amount() -> None:
    # anhui-bozhou: the 项目概况 paragraph ran into the 其他资金 cell
    text = form("资金情况\t年度资金总额:\t100\t其他资金\t针对当前城乡居民存在的主要健康问题")
    (table,), findings = assemble(text)
    assert table.budget.other_printed is None
    assert table.budget.total == 100.0
    (doubt,) = [f for f in findings if f.code == "PRS019"]
    assert "针对当前" in doubt.message


def test_a_dash_is_an_empty_amount_cell() -> None:
    (table,), findings = assemble(form("资金情况\t年度资金总额:\t100\t其他资金\t—"))
    assert table.budget.other_printed is None
    assert not [f for f in findings if f.code == "PRS019"]


def test_garbage_in_the_execution_rate_is_not_kept() -> None:
    # chongqing-kexuecheng: OCR text 'O76%107.6当年' in the 执行率 cell
    text = form(
        "预算执行情况（万元）\t全年预算数\t全年执行数\t执行率", "年度资金总额\t10\t8\tO76%当年"
    )
    (table,), findings = assemble(text)
    assert table.budget.execution_rate_printed is None
    assert [f.code for f in findings if f.code == "PRS019"] == ["PRS019"]


def test_budget_values_on_lines_after_the_total_label() -> None:
    # yunnan-yongde: the 年度资金总额 label ends the sub-column headings, its values follow
    # on lines of their own (the 年初预算数 cell is empty and vanished)
    text = form(
        "项目资金 (元)",
        "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t年度资金总额",
        "387664.62",
        "387664.62",
        "10",
        "100%",
        "10",
        "其中:当年财政拨款\t387664.62",
    )
    (table,), _ = assemble(text)
    assert table.budget.total == 387664.62
    assert table.budget.executed is None  # 387664.62 or 10: which cell vanished is not known


def test_fiscal_money_printed_by_level_is_summed() -> None:
    # chongqing-rongchang: 其中:1.中央资金 | 2.市级资金 | 3.区级资金 | 4.其他资金
    text = form(
        "资金情况(万元)\t年度资金总额:\t153.5184",
        "其中:1.中央资金\t100",
        "2.市级资金\t53.5184",
        "3.区级资金",
        "4.其他资金",
    )
    (table,), _ = assemble(text)
    assert table.budget.total == 1535184.0
    assert table.budget.fiscal == 1535184.0
    assert table.budget.fiscal_printed == "100 + 53.5184"
    assert table.budget.other is None


def test_a_fiscal_total_under_sub_columns_is_the_fiscal_amount() -> None:
    # hubei-huangshi: 预算执行情况(万元) | 预算数 | 执行数 | 执行率, then 年度财政资金总额 | 5 | 5
    text = form(
        "预算执行情况(万元)\t预算数(A)\t执行数(B)\t执行率(B/A)", "年度财政资金总额\t5\t5\t100%"
    )
    (table,), _ = assemble(text)
    assert (table.budget.total, table.budget.fiscal) == (50000.0, 50000.0)
    assert table.budget.execution_rate_printed == "100%"
