"""The whole-budget-book fixture for scripts/make_fixtures.py: ``binhai-zuzhibu-2024-book.pdf``.

A 部门预算 publication as departments print it: a cover, a table of contents, text chapters
(部门概况, 预算情况说明 with one paragraph per 科目, 名词解释), the nine budget tables
(收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表,
政府性基金预算支出表, 国有资本经营预算支出表, “三公”经费支出表; long ones run over pages with
a repeated header, empty ones carry a note), and — between the budget tables and a closing
政府采购预算表 — the example's four 项目支出绩效目标表, paged exactly as in
``binhai-zuzhibu-2024.pdf``. Text pages are portrait, tables landscape.

The other tables are built to tempt a reader: amounts in 万元 under 单位 lines, codes before
names (``2013201 行政运行``, like a department line), the words 项目支出, 绩效工资 and 绩效目标
in tables and text, the contents listing the target tables' titles. jixiao must find the four
target tables, say which pages they are on, and report nothing from the rest.

The amounts are invented but add up (every 合计 is the sum of its rows; the 项目支出 is the four
tables' 623 万元).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tables import TableStyle

from fixture_pdf import FONT, MARGIN, ORIGINAL, register_font, target_story
from jixiao.model import TargetTable

DEPARTMENT = "中国共产党天津市滨海新区委员会组织部"
CODE = "503101"
YEAR = 2024

TITLE = ParagraphStyle("book-title", fontName=FONT, fontSize=26, leading=40, alignment=1)
HEADING = ParagraphStyle("book-heading", fontName=FONT, fontSize=16, leading=26, alignment=1)
SUBHEADING = ParagraphStyle("book-sub", fontName=FONT, fontSize=12, leading=22)
BODY = ParagraphStyle(
    "book-body", fontName=FONT, fontSize=11, leading=20, firstLineIndent=22, spaceAfter=4
)
CONTENTS = ParagraphStyle("book-contents", fontName=FONT, fontSize=11, leading=21)
TABLE_TITLE = ParagraphStyle("book-table", fontName=FONT, fontSize=14, leading=22, alignment=1)
SMALL = ParagraphStyle("book-small", fontName=FONT, fontSize=9, leading=13)
CELL_SIZE = 9

# --- the department's budget (万元) ------------------------------------------------------

# 功能分类: (code, name, total, basic, project); 类 and 款 rows are the sums of their 项 rows.
FUNCTIONS: tuple[tuple[str, str, float, float], ...] = (
    ("2013201", "行政运行", 3879.31, 0.0),
    ("2013202", "一般行政管理事务", 0.0, 623.00),
    ("2013250", "事业运行", 200.00, 0.0),
    ("2080505", "机关事业单位基本养老保险缴费支出", 208.35, 0.0),
    ("2080506", "机关事业单位职业年金缴费支出", 104.17, 0.0),
    ("2101101", "行政单位医疗", 98.45, 0.0),
    ("2210201", "住房公积金", 123.20, 0.0),
)
CLASSES = {
    "201": "一般公共服务支出",
    "20132": "组织事务",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "210": "卫生健康支出",
    "21011": "行政事业单位医疗",
    "221": "住房保障支出",
    "22102": "住房改革支出",
}
# 经济分类 of the 基本支出: (code, name, amount); 人员经费 = 301 + 303, 公用经费 = 302.
ECONOMIC: tuple[tuple[str, str, float], ...] = (
    ("30101", "基本工资", 980.40),
    ("30102", "津贴补贴", 1120.56),
    ("30103", "奖金", 310.22),
    ("30107", "绩效工资", 420.00),
    ("30108", "机关事业单位基本养老保险缴费", 208.35),
    ("30109", "职业年金缴费", 104.17),
    ("30110", "职工基本医疗保险缴费", 98.45),
    ("30112", "其他社会保障缴费", 12.32),
    ("30113", "住房公积金", 123.20),
    ("30199", "其他工资福利支出", 272.45),
    ("30201", "办公费", 120.50),
    ("30202", "印刷费", 35.20),
    ("30205", "水费", 8.60),
    ("30206", "电费", 42.30),
    ("30207", "邮电费", 18.40),
    ("30211", "差旅费", 25.00),
    ("30213", "维修（护）费", 30.00),
    ("30215", "会议费", 12.00),
    ("30216", "培训费", 45.00),
    ("30217", "公务接待费", 3.50),
    ("30226", "劳务费", 60.00),
    ("30228", "工会经费", 52.10),
    ("30229", "福利费", 48.76),
    ("30231", "公务用车运行维护费", 18.00),
    ("30239", "其他交通费用", 210.00),
    ("30299", "其他商品和服务支出", 114.00),
    ("30302", "退休费", 80.00),
    ("30305", "生活补助", 25.00),
    ("30309", "奖励金", 15.00),
)
ECONOMIC_CLASSES = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"}
LAST_YEAR = 0.94  # last year's budget as a share of this year's, for the explanations


def amount(value: float) -> str:
    return f"{value:.2f}" if value else ""


def total_of(prefix: str) -> tuple[float, float]:
    rows = [(basic, project) for code, _, basic, project in FUNCTIONS if code.startswith(prefix)]
    return round(sum(b for b, _ in rows), 2), round(sum(p for _, p in rows), 2)


BASIC, PROJECT = total_of("")
TOTAL = round(BASIC + PROJECT, 2)
PEOPLE = round(sum(a for code, _, a in ECONOMIC if code[:3] in ("301", "303")), 2)
PUBLIC = round(sum(a for code, _, a in ECONOMIC if code.startswith("302")), 2)
assert round(PEOPLE + PUBLIC, 2) == BASIC, (PEOPLE, PUBLIC, BASIC)


def function_rows() -> list[tuple[str, str, float, float]]:
    """类, 款 and 项 rows in order, each with its basic and project amounts."""
    rows: list[tuple[str, str, float, float]] = []
    seen: set[str] = set()
    for code, name, _, _ in FUNCTIONS:
        for prefix in (code[:3], code[:5]):
            if prefix not in seen:
                seen.add(prefix)
                rows.append((prefix, CLASSES[prefix], *total_of(prefix)))
        rows.append((code, name, *total_of(code)))
    return rows


# --- tables ---------------------------------------------------------------------------------


def grid_table(
    rows: list[list[str]], widths: tuple[float, ...], header_rows: int, spans: list[Any] = ()
) -> Table:
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE, 12),
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
    ]
    style += [("SPAN", *span) for span in spans]
    for index, row in enumerate(rows[header_rows:], start=header_rows):
        for column, text in enumerate(row):
            if text and text.replace(".", "").isdigit() and "." in text:
                style.append(("ALIGN", (column, index), (column, index), "RIGHT"))
    return Table(rows, colWidths=widths, repeatRows=header_rows, style=TableStyle(style))


def budget_table(
    number: int,
    name: str,
    rows: list[list[str]],
    widths: tuple[float, ...],
    header_rows: int,
    spans: list[Any] = (),
    note: str | None = None,
) -> list[Any]:
    """A numbered budget table: title, the department and unit line, the ruled table."""
    caption = Table(
        [[f"编制部门：{DEPARTMENT}", "单位：万元"]],
        colWidths=(sum(widths) - 120, 120),
        style=TableStyle(
            [("FONT", (0, 0), (-1, -1), FONT, 10, 14), ("ALIGN", (1, 0), (1, 0), "RIGHT")]
        ),
    )
    story: list[Any] = [
        Paragraph(f"表{number}", SMALL),
        Paragraph(f"{DEPARTMENT}{YEAR}年{name}", TABLE_TITLE),
        caption,
        Spacer(1, 4),
        grid_table(rows, widths, header_rows, spans),
    ]
    if note:
        story += [Spacer(1, 6), Paragraph(note, SMALL)]
    return [*story, PageBreak()]


def income_expense_summary(number: int, name: str, fiscal_only: bool) -> list[Any]:
    """收支总表 / 财政拨款收支总表: income on the left, expenditure on the right."""
    income = [
        ("一、一般公共预算拨款收入", TOTAL),
        ("二、政府性基金预算拨款收入", 0.0),
        ("三、国有资本经营预算拨款收入", 0.0),
    ]
    if not fiscal_only:
        income += [("四、事业收入", 0.0), ("五、事业单位经营收入", 0.0), ("六、其他收入", 0.0)]
    spending = [
        (f"{label}、{CLASSES[code]}", total_of(code))
        for label, code in zip("一二三四", ("201", "208", "210", "221"), strict=True)
    ]
    rows = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    for index in range(max(len(income), len(spending))):
        left = income[index] if index < len(income) else ("", 0.0)
        right = spending[index] if index < len(spending) else None
        right_text = amount(sum(right[1])) if right else ""
        rows.append([left[0], amount(left[1]), right[0] if right else "", right_text])
    rows += [
        ["本年收入合计", amount(TOTAL), "本年支出合计", amount(TOTAL)],
        ["上年结转", "", "结转下年", ""],
        ["收入总计", amount(TOTAL), "支出总计", amount(TOTAL)],
    ]
    widths = (230.0, 150.0, 230.0, 150.0)
    spans = [((0, 0), (1, 0)), ((2, 0), (3, 0))]
    return budget_table(number, name, rows, widths, 2, spans)


def income_table(number: int) -> list[Any]:
    header = ["科目编码", "科目名称", "合计", "一般公共预算拨款收入", "政府性基金预算拨款收入"]
    header += ["国有资本经营预算拨款收入", "事业收入", "其他收入"]
    rows = [header, ["", "合计", amount(TOTAL), amount(TOTAL), "", "", "", ""]]
    for code, name, basic, project in function_rows():
        total = amount(basic + project)
        rows.append([code, name, total, total, "", "", "", ""])
    return budget_table(number, "部门收入总表", rows, (62, 170, 70, 100, 100, 110, 60, 60), 1)


def expenditure_table(number: int, name: str, extra_columns: bool) -> list[Any]:
    header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    first = ["", "合计", amount(TOTAL), amount(BASIC), amount(PROJECT)]
    if extra_columns:
        header += ["上缴上级支出", "对附属单位补助支出"]
        first += ["", ""]
    rows = [header, first]
    for code, item, basic, project in function_rows():
        row = [code, item, amount(basic + project), amount(basic), amount(project)]
        rows.append([*row, "", ""] if extra_columns else row)
    widths: tuple[float, ...] = (70, 220, 90, 90, 90)
    if extra_columns:
        widths += (90, 110)
    return budget_table(number, name, rows, widths, 1)


def basic_expenditure_table(number: int) -> list[Any]:
    rows = [
        ["经济分类科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["", "合计", amount(BASIC), amount(PEOPLE), amount(PUBLIC)],
    ]
    for code, name in ECONOMIC_CLASSES.items():
        items = [(c, n, a) for c, n, a in ECONOMIC if c.startswith(code)]
        subtotal = round(sum(a for _, _, a in items), 2)
        public = code == "302"
        rows.append([code, name, amount(subtotal), amount(0 if public else subtotal)])
        rows[-1].append(amount(subtotal if public else 0))
        for item_code, item, value in items:
            people, common = (0.0, value) if public else (value, 0.0)
            rows.append([item_code, item, amount(value), amount(people), amount(common)])
    return budget_table(number, "一般公共预算基本支出表", rows, (100, 250, 110, 110, 110), 1)


def empty_fund_table(number: int, name: str, fund: str) -> list[Any]:
    rows = [
        ["科目编码", "科目名称", "本年预算支出", "", ""],
        ["", "", "合计", "基本支出", "项目支出"],
        ["", "合计", "", "", ""],
    ]
    spans = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (4, 0))]
    note = f"注：本部门{YEAR}年没有使用{fund}安排的支出，故本表无数据。"
    return budget_table(number, name, rows, (90, 260, 110, 110, 110), 2, spans, note)


def three_public_table(number: int) -> list[Any]:
    rows = [
        ["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
        ["", "", "", "小计", "公务用车购置费", "公务用车运行费", ""],
        [f"{YEAR - 1}年预算数", "23.80", "", "20.00", "", "20.00", "3.80"],
        [f"{YEAR}年预算数", "21.50", "", "18.00", "", "18.00", "3.50"],
    ]
    spans = [
        ((0, 0), (0, 1)),
        ((1, 0), (1, 1)),
        ((2, 0), (2, 1)),
        ((3, 0), (5, 0)),
        ((6, 0), (6, 1)),
    ]
    return budget_table(
        number,
        "一般公共预算“三公”经费支出表",
        rows,
        (120, 90, 110, 90, 110, 110, 100),
        2,
        spans,
    )


def project_table(number: int, tables: list[TargetTable]) -> list[Any]:
    """项目支出表: one row per project, under a header that starts with 项目名称."""
    rows = [
        ["项目名称", "项目类别", "合计", "一般公共预算拨款", "政府性基金预算拨款", "其他资金"],
        ["合计", "", amount(PROJECT), amount(PROJECT), "", ""],
    ]
    for table in tables:
        value = amount((table.budget.total or 0) / 10000)
        rows.append([table.project or "", "专项业务类", value, value, "", ""])
    return budget_table(number, "项目支出表", rows, (250, 90, 90, 110, 110, 90), 1)


def procurement_table(number: int) -> list[Any]:
    rows = [
        ["采购项目", "采购品目", "采购方式", "数量", "预算金额"],
        ["合计", "", "", "", "86.40"],
        ["办公设备购置", "台式计算机", "协议供货", "40", "24.00"],
        ["办公设备购置", "多功能一体机", "协议供货", "6", "5.40"],
        ["印刷服务", "党建读物印制", "公开招标", "1", "35.00"],
        ["物业管理服务", "机关物业服务", "竞争性磋商", "1", "22.00"],
    ]
    return budget_table(number, "政府采购预算表", rows, (170, 170, 130, 90, 110), 1)


# --- text -----------------------------------------------------------------------------------


def paragraphs(texts: list[str], style: ParagraphStyle = BODY) -> list[Any]:
    return [Paragraph(text, style) for text in texts]


def cover() -> list[Any]:
    return [
        Spacer(1, 180),
        Paragraph(DEPARTMENT, TITLE),
        Spacer(1, 12),
        Paragraph(f"{YEAR}年部门预算", TITLE),
        Spacer(1, 260),
        Paragraph(f"{YEAR}年2月", HEADING),
        PageBreak(),
    ]


CONTENTS_LINES = (
    "第一部分 部门概况",
    "一、主要职能",
    "二、机构设置",
    f"第二部分 {YEAR}年部门预算情况说明",
    "第三部分 名词解释",
    f"第四部分 {YEAR}年部门预算表",
    "1.部门收支总表",
    "2.部门收入总表",
    "3.部门支出总表",
    "4.财政拨款收支总表",
    "5.一般公共预算支出表",
    "6.一般公共预算基本支出表",
    "7.政府性基金预算支出表",
    "8.国有资本经营预算支出表",
    "9.一般公共预算“三公”经费支出表",
    "10.项目支出表",
    "11.项目支出绩效目标表",
    "12.政府采购预算表",
)


def contents() -> list[Any]:
    lines = [Paragraph("目  录", HEADING), Spacer(1, 12)]
    lines += [Paragraph(f"{line}{'…' * (30 - len(line))}", CONTENTS) for line in CONTENTS_LINES]
    return [*lines, PageBreak()]


def overview() -> list[Any]:
    duties = [
        "贯彻执行党中央、市委和区委关于组织工作的方针政策和决策部署，研究制定全区组织工作"
        "的规划和具体措施，指导全区各级党组织贯彻落实。",
        "负责全区党的组织建设工作，指导基层党组织建设和党员队伍建设，负责党员教育管理、"
        "发展党员和党费收缴、管理、使用等工作。",
        "负责全区领导班子和干部队伍建设，按照干部管理权限承担干部的考察、任免、调配、"
        "监督和管理工作，指导干部人事制度改革。",
        "负责全区公务员队伍建设和管理，承担公务员的录用、考核、奖励、培训和调配等工作，"
        "组织实施选调生招录和到村任职工作。",
        "负责全区人才工作的宏观指导和综合协调，牵头抓总人才发展规划和重大人才政策的制定和实施。",
        "负责全区干部教育培训工作的规划、指导和协调，组织实施重点班次的调训工作。",
        "完成区委交办的其他任务。",
    ]
    units = [
        "本部门内设办公室、组织一科、组织二科、干部一科、干部二科、干部监督科、公务员管理科、"
        "人才工作科、基层党建工作办公室等9个科室。",
        f"纳入本部门{YEAR}年部门预算编制范围的单位共1个，为中国共产党天津市滨海新区委员会"
        "组织部本级。本部门编制数68人，实有人数65人，其中行政编制62人，工勤人员3人；"
        "离退休人员41人。",
    ]
    story: list[Any] = [Paragraph("第一部分 部门概况", HEADING), Spacer(1, 8)]
    story += [Paragraph("一、主要职能", SUBHEADING)]
    story += paragraphs([f"（{number}）{text}" for number, text in enumerate(duties, 1)])
    story += [Paragraph("二、机构设置", SUBHEADING)]
    story += paragraphs(units)
    return [*story, PageBreak()]


def change(value: float) -> str:
    before = round(value * LAST_YEAR, 2)
    return (
        f"{YEAR}年预算数为{value:.2f}万元，比{YEAR - 1}年预算数增加{value - before:.2f}万元，"
        f"增长{(value - before) / before * 100:.1f}%"
    )


def explanation() -> list[Any]:
    story: list[Any] = [Paragraph(f"第二部分 {YEAR}年部门预算情况说明", HEADING), Spacer(1, 8)]
    story += [Paragraph("一、收支预算总体情况", SUBHEADING)]
    story += paragraphs(
        [
            f"{YEAR}年本部门收入预算{TOTAL:.2f}万元，全部为一般公共预算拨款收入；支出预算"
            f"{TOTAL:.2f}万元，其中基本支出{BASIC:.2f}万元，项目支出{PROJECT:.2f}万元。"
            "与上年相比，收支预算总额均有所增加，主要原因是人员调整及组织工作任务增加。",
        ]
    )
    story += [Paragraph("二、一般公共预算支出情况", SUBHEADING)]
    for code, name, basic, project in function_rows():
        if len(code) == 7:
            story += paragraphs(
                [
                    f"{name}（项）{change(basic + project)}，主要用于{name}方面的支出。"
                    "预算安排坚持厉行节约，从严从紧控制一般性支出，保障机构正常运转和"
                    "重点工作任务的顺利开展。",
                ]
            )
    story += [Paragraph("三、一般公共预算基本支出情况", SUBHEADING)]
    story += paragraphs(
        [
            f"{YEAR}年本部门一般公共预算基本支出{BASIC:.2f}万元，其中：人员经费{PEOPLE:.2f}"
            f"万元，公用经费{PUBLIC:.2f}万元。",
        ]
    )
    for code, name, value in ECONOMIC:
        story += paragraphs(
            [f"{name}（{code}）{change(value)}，按照相关政策标准和实际需要据实核定。"]
        )
    story += [Paragraph("四、政府性基金和国有资本经营预算支出情况", SUBHEADING)]
    story += paragraphs([f"本部门{YEAR}年没有使用政府性基金和国有资本经营预算拨款安排的支出。"])
    story += [Paragraph("五、“三公”经费预算情况", SUBHEADING)]
    story += paragraphs(
        [
            f"{YEAR}年“三公”经费预算21.50万元，比上年减少2.30万元。其中因公出国（境）费0万元；"
            "公务用车购置及运行费18.00万元，均为运行费；公务接待费3.50万元。减少的主要原因是"
            "严格落实中央八项规定精神，压减公务接待和公务用车运行支出。",
        ]
    )
    story += [Paragraph("六、机关运行经费", SUBHEADING)]
    story += paragraphs(
        [f"{YEAR}年本部门机关运行经费预算{PUBLIC:.2f}万元，主要用于办公、水电、差旅等支出。"]
    )
    story += [Paragraph("七、政府采购情况", SUBHEADING)]
    story += paragraphs(
        [f"{YEAR}年本部门政府采购预算86.40万元，其中货物29.40万元，服务57.00万元。"]
    )
    story += [Paragraph("八、国有资产占用情况", SUBHEADING)]
    story += paragraphs(
        ["截至上年末，本部门共有车辆3辆，均为一般公务用车；单位价值50万元以上通用设备0台（套）。"]
    )
    story += [Paragraph("九、预算绩效管理情况", SUBHEADING)]
    story += paragraphs(
        [
            f"按照全面实施预算绩效管理的要求，本部门{YEAR}年实行绩效目标管理的项目4个，涉及"
            f"一般公共预算拨款{PROJECT:.2f}万元，均已编制项目支出绩效目标表，设置产出指标、"
            "效益指标和满意度指标，各项目绩效目标表见第四部分。",
            "本部门将加强绩效运行监控，年度终了开展绩效自评，评价结果作为改进管理和以后"
            "年度预算安排的重要依据。",
        ]
    )
    return [*story, PageBreak()]


TERMS = (
    ("一般公共预算拨款收入", "指区级财政当年拨付的资金。"),
    ("上年结转", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    (
        "“三公”经费",
        "指用一般公共预算拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
    ),
    ("机关运行经费", "指为保障行政单位运行用于购买货物和服务的各项公用经费。"),
    ("绩效目标", "指预算资金计划在一定期限内达到的产出和效果，由绩效指标细化、量化描述。"),
)


def terms() -> list[Any]:
    story: list[Any] = [Paragraph("第三部分 名词解释", HEADING), Spacer(1, 8)]
    story += paragraphs([f"{n}. {term}：{meaning}" for n, (term, meaning) in enumerate(TERMS, 1)])
    return [*story, NextPageTemplate("landscape"), PageBreak()]


def part_title(text: str) -> list[Any]:
    return [Spacer(1, 200), Paragraph(text, TITLE), PageBreak()]


# --- the book -------------------------------------------------------------------------------


def numbered(canvas: Any, document: Any) -> None:
    width = canvas._pagesize[0]
    canvas.setFont(FONT, 9)
    canvas.drawCentredString(width / 2, MARGIN / 2, f"- {canvas.getPageNumber()} -")


class PageRecorder:
    """Notes the page on which each marked flowable was drawn (the target tables' pages)."""

    def __init__(self) -> None:
        self.pages: dict[str, list[int]] = {}

    def after(self, document: Any) -> Callable[[Any], None]:
        def record(flowable: Any) -> None:
            mark = getattr(flowable, "_book_mark", None)
            if mark is not None:
                self.pages.setdefault(mark, []).append(document.page)

        return record


def marked_target_story(tables: list[TargetTable]) -> list[Any]:
    """The target tables paged as in the PDF fixture, each of their flowables marked with its
    table's number (the recorder reports the pages)."""
    story = target_story(tables, ORIGINAL)
    number = 0
    for flowable in story:
        if isinstance(flowable, Paragraph) and flowable.style.name == "title":
            number += 1
        if not isinstance(flowable, PageBreak):
            flowable._book_mark = f"表{number}"
    return story


def write_book(tables: list[TargetTable], path: Path, font: str) -> dict[str, list[int]]:
    """Write the book; returns the pages each target table was drawn on."""
    register_font(font)
    portrait_frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="p")
    width, height = landscape(A4)
    landscape_frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="l")
    document = BaseDocTemplate(
        str(path),
        pagesize=A4,
        title=f"{DEPARTMENT}{YEAR}年部门预算",
        author="jixiao scripts/make_fixtures.py",
        invariant=1,
        pageTemplates=[
            PageTemplate("portrait", [portrait_frame], onPage=numbered, pagesize=A4),
            PageTemplate("landscape", [landscape_frame], onPage=numbered, pagesize=landscape(A4)),
        ],
    )
    recorder = PageRecorder()
    document.afterFlowable = recorder.after(document)
    story: list[Any] = [*cover(), *contents(), *overview(), *explanation(), *terms()]
    story += [
        *income_expense_summary(1, "部门收支总表", fiscal_only=False),
        *income_table(2),
        *expenditure_table(3, "部门支出总表", extra_columns=True),
        *income_expense_summary(4, "财政拨款收支总表", fiscal_only=True),
        *expenditure_table(5, "一般公共预算支出表", extra_columns=False),
        *basic_expenditure_table(6),
        *empty_fund_table(7, "政府性基金预算支出表", "政府性基金预算拨款"),
        *empty_fund_table(8, "国有资本经营预算支出表", "国有资本经营预算拨款"),
        *three_public_table(9),
        *project_table(10, tables),
        *marked_target_story(tables),
        PageBreak(),
        *procurement_table(12),
    ]
    story.pop()  # the last page break
    document.build(story)
    return {mark: sorted(set(pages)) for mark, pages in recorder.pages.items()}
