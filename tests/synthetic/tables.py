"""Random valid target tables drawn from the framework vocabulary (hypothesis strategies).

A :class:`Table` is what a form *says*: its kind (项目支出绩效目标表, 自评表,
部门整体支出绩效目标表), header fields (项目名称, 主管部门, 实施单位, 预算数 / 财政资金 /
其他资金 in 元 or 万元, 年度目标) and its indicator rows (一级 / 二级 / 三级, 指标值, and
for a 自评表 实际完成值, 分值, 得分, 偏差原因). How it is printed is :mod:`synthetic.layout`
(the official grid) and :mod:`synthetic.shapes` (the text forms).

The form families (``template``) and their options, each drawn so that every shape prints it:

* project targets: ``standard``; ``binhai`` (the example's form); ``transfer`` (转移支付区域
  绩效目标表: 专项名称, several departments in one 主管部门 cell, a 区域 field, 资金情况 with
  年度金额 / 其中：中央补助 / 地方资金, optionally one 指标值 column per region); ``investment``
  (中央预算内投资: 总投资 / 其中：中央预算内投资 / 地方配套);
* self-evaluations: ``standard`` and ``transfer`` (区域绩效自评表), the budget block, a
  偏差原因 column worded three ways, optionally a 总分 line under the rows; ``sichuan`` (部门
  预算项目支出绩效自评表: a 年度预算数 heading over 年初预算 | 调整后预算数 | 预算执行数 |
  预算执行率 | 权重 | 得分 | 原因, rows 总额 / 其中：财政资金 / 财政专户管理资金 / 单位资金 /
  其他资金, the 年初 amounts differing from the adjusted ones the gold takes); ``hunan`` (部门
  整体支出绩效自评表 of one fund: no 项目名称, 资金情况 | 年初预算资金总额 | 实际投入资金额 |
  产生差异的原因 with a 合计 row, 总体目标 over 年度目标 | 年度总体目标完成情况, no 分值 | 得分
  columns, the deviation column headed 产生差异的原因及改进措施);
* department targets: ``standard`` and ``tasks`` (年度履职目标 and a 年度主要任务 block of
  任务名称 | 主要内容 | 预算金额 rows before the indicators: never indicators or goals);
* ``value_columns``: one 指标值 column, or 实施期 (中长期) and 年度 values, or 半年(程) and
  全年(程) values — the gold ``target`` is the year's value, as the corpus gold takes the
  全年 value (jiangsu-zhenjiang) — or one column per region (fujian-anxi: the gold ``target``
  is the value all regions print; where they differ the row must come back doubted);
* ``name_label``: 三级指标, or 指标内容 standing in for it (a ``standard`` 项目绩效目标申报表);
* ``title_style``: 项目支出绩效目标表, 项目绩效目标申报表, 项目支出绩效目标批复表,
  项目支出绩效目标表（本次下达）, a 附件2 line before the title, or no title at all;
* the 2015-era framework (财预〔2015〕88号): 一级 only 产出指标 / 效益指标, with 满意度 as a
  二级 under 效益指标 (社会公众或服务对象满意度指标).

What is drawn, and why it is valid:

* the tree: 一级指标 in framework order (``jixiao.model.framework.FRAMEWORK``), the classic tree
  (成本指标 under 产出指标) or the 2021 one (成本指标 as a 一级 with 经济/社会/生态环境成本指标),
  each 一级 with one to three of its own 二级, printed in full (经济效益指标) or short (经济效益);
* 三级 names built from a work object and a stem that fits the 二级 (数量 → 培训人次, 质量 →
  合格率, 时效 → 及时率 / 完成时间, 成本 → 人均标准, 满意度 → 受益群众满意度), unique within
  the table, without digits or level words;
* 指标值 that the targets grammar (``jixiao.targets``) reads as what they are, checked by
  ``tests/synthetic/test_synthetic_tables.py``: ``≥95%``, ``≤30万元``, ``=24人/次``,
  ``2024年12月31日前``, ``≤3个工作日``, ``显著提升``, ``高`` / ``中`` / ``低`` …, the
  quantities also as operator | number | unit parts (for split-column templates);
* amounts in yuan with at most two decimals, printed in 元 or 万元, 财政资金 + 其他资金 = 预算数.

Strategies shrink towards the first choice of each list: a document of one table, one 产出指标
row of a 项目支出绩效目标表.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from hypothesis import strategies as st

PROJECT_TARGET = "project_target"
SELF_EVALUATION = "self_evaluation"
DEPARTMENT_TARGET = "department_target"
KINDS = (PROJECT_TARGET, SELF_EVALUATION, DEPARTMENT_TARGET)


@dataclass(frozen=True)
class Value:
    """A printed 指标值: a quantity (operator, number, unit) or a text (deadline, grade)."""

    op: str = ""
    number: str = ""
    unit: str = ""
    text: str = ""

    @property
    def printed(self) -> str:
        return self.text or f"{self.op}{self.number}{self.unit}"

    @property
    def quantity(self) -> bool:
        """Printable as operator | number | unit columns."""
        return not self.text


@dataclass(frozen=True)
class Row:
    level1: str
    level2: str
    name: str
    target: Value  # the year's 指标值 (年度, 全年(程)); with regions, the one all print
    description: str = ""
    actual: str = ""
    weight: str = ""
    score: str = ""
    deviation: str = ""
    spare: str = ""  # the value of the other period column (实施期 or 半年(程)), if printed
    by_region: tuple[str, ...] = ()  # one 指标值 per region column (transfer forms)


@dataclass(frozen=True)
class Task:
    """A row of a 部门整体 form's 年度主要任务 block: 任务名称 | 主要内容 | 预算金额."""

    name: str
    content: str
    amount: str


@dataclass(frozen=True)
class Table:
    kind: str
    year: int
    department: str
    implementer: str
    project: str | None
    department_code: str
    amount_unit: str  # 元 or 万元
    total: Decimal  # yuan
    fiscal: Decimal
    other: Decimal
    executed: Decimal  # 自评表: 全年执行数, yuan
    goals: str
    done: str  # 自评表: 实际完成情况
    rows: tuple[Row, ...]
    template: str = "standard"  # the form family: see the module docstring
    describe: bool = False  # a 绩效指标描述 column
    describe_label: str = "绩效指标描述"
    target_label: str = "指标值"
    name_label: str = "三级指标"
    actual_label: str = "实际完成值"
    deviation_label: str = "偏差原因分析及改进措施"
    repeat_level2: bool = False  # 二级 printed on every row instead of merged
    title_style: str = "standard"  # see TITLE_STYLES
    value_columns: str = "single"  # "single", "period", "half_year" or "regions"
    regions: tuple[str, ...] = ()  # the region columns' names (value_columns "regions")
    region: str = ""  # the 区域 field of a transfer form
    # the region columns under one 指标值 label (a two-row header: 指标值 over 城关镇 | 新河乡)
    target_over_regions: bool = False
    department_label: str = "主管部门"
    goals_label: str = "年度目标"
    tasks: tuple[Task, ...] = ()  # a 部门整体 form's 年度主要任务
    total_line: bool = False  # 自评表: a 总分 line under the indicator rows
    initial: Decimal | None = None  # 自评表 ``sichuan``: the 年初预算, when it differs

    def amount(self, yuan: Decimal) -> str:
        """An amount as printed in the table's unit: 3300000.00 (元) or 330 (万元)."""
        if self.amount_unit == "元":
            return f"{yuan:.2f}"
        return format((yuan / 10000).normalize(), "f")

    def map_text(self, convert: Callable[[str], str]) -> Table:
        """The same table with every printed text converted (traditional characters …)."""

        def value(v: Value) -> Value:
            return Value(convert(v.op), convert(v.number), convert(v.unit), convert(v.text))

        rows = tuple(
            Row(
                convert(r.level1), convert(r.level2), convert(r.name), value(r.target),
                convert(r.description), convert(r.actual), r.weight, r.score,
                convert(r.deviation), convert(r.spare),
                tuple(convert(v) for v in r.by_region),
            )
            for r in self.rows
        )  # fmt: skip
        return replace(
            self,
            department=convert(self.department),
            implementer=convert(self.implementer),
            project=convert(self.project) if self.project is not None else None,
            goals=convert(self.goals),
            done=convert(self.done),
            rows=rows,
            regions=tuple(convert(r) for r in self.regions),
            region=convert(self.region),
            tasks=tuple(Task(convert(t.name), convert(t.content), t.amount) for t in self.tasks),
        )

    def gold(self) -> dict[str, object]:
        """The table in the corpus gold shape (tests/corpus/README.md), for corpus_accuracy."""
        return {
            "kind": self.kind,
            "department": self.department,
            "project": self.project,
            "year": self.year,
            "budget_total": float(self.total),
            "indicators": [
                {
                    "level1": row.level1,
                    "level2": row.level2,
                    "name": row.name,
                    "target": row.target.printed,
                    # a 自评表's figures: read right or left out (synthetic.scoring)
                    "actual": row.actual or None,
                    "weight": row.weight or None,
                    "score": row.score or None,
                }
                for row in self.rows
            ],
        }


# --- vocabulary ------------------------------------------------------------------------------

PLACES = (
    "滨海新区", "蒙城县", "天长市", "昭化区", "南县", "永德县", "乐昌市", "宁晋县", "荣昌区",
    "濉溪县", "衡山县", "安居区", "中江县", "古城区", "宁德市", "乌海市",
)  # fmt: skip
AGENCIES = (
    "卫生健康委员会", "教育体育局", "民政局", "水利局", "林业局", "文化和旅游局", "农业农村局",
    "住房和城乡建设局", "交通运输局", "市场监督管理局", "人力资源和社会保障局", "生态环境局",
)  # fmt: skip
UNITS_OF_WORK = (
    "疾病预防控制中心", "图书馆", "中心小学", "人民医院", "国有林场", "水利工程管理站",
    "综合行政执法大队", "社会福利院", "农业技术推广中心", "博物馆",
)  # fmt: skip
# Work objects: no digits, no level words (指标), no header labels.
OBJECTS = (
    "业务培训", "补助发放", "设备维护", "档案数字化", "道路养护", "疫苗接种", "健康档案管理",
    "宣传活动", "监督检查", "困难群众救助", "图书采购", "信息系统运维", "绿化养护",
    "高标准农田建设",
    "志愿服务", "课程建设", "污水处理", "森林防火巡查", "文物保护", "义务教育营养改善",
    "公共卫生服务", "水旱灾害防御", "食品安全抽检", "乡村道路硬化", "养老服务", "就业帮扶",
)  # fmt: skip
PROJECT_SUFFIXES = ("专项经费", "补助经费", "工作经费", "能力提升项目", "运行维护经费")
# Not 服务对象 alone: 服务对象满意度 is also a 二级 name, and a 三级 printed the same as a 二级
# cannot be told from it where empty cells vanish (spaces, paragraphs, glued).
GROUPS = ("受益群众", "参训人员", "学生家长", "患者", "村民", "企业", "社会公众")
DEVIATIONS = ("受天气影响部分工作延期", "部分对象外出务工未能覆盖", "资金拨付进度滞后", "无")

# Counting stems: name stem → units its 指标值 may be printed in.
COUNTS = {
    "人数": ("人",),
    "人次": ("人次", "人/次"),
    "次数": ("次",),
    "数量": ("个", "台", "套", "份", "项", "册"),
    "场次": ("场",),
    "户数": ("户",),
    "面积": ("亩", "平方米"),
    "里程": ("公里",),
}
RATES = ("合格率", "达标率", "覆盖率", "准确率", "完好率", "验收通过率", "完成率")
GRADES = (
    "高", "中", "低", "良好", "达标", "合格", "显著提升", "有效提高", "明显改善", "持续发挥作用",
)  # fmt: skip
BENEFIT_STEMS = {
    "经济效益指标": ("带动增收成效", "节约成本情况", "经济效益"),
    "社会效益指标": ("服务水平", "群众获得感", "社会影响", "政策知晓度"),
    "生态效益指标": ("环境改善情况", "生态保护成效"),
    "可持续影响指标": ("长效管护机制", "持续发挥作用年限", "制度建设"),
}
SHORT_LEVEL2 = {
    "经济效益指标": "经济效益",
    "社会效益指标": "社会效益",
    "生态效益指标": "生态效益",
    "可持续影响指标": "可持续影响",
    "服务对象满意度指标": "服务对象满意度",
}

# 2015-era printings of 二级 names (财预〔2015〕88号 申报表): 环境效益, 社会公众或服务对象满意度.
OLD_LEVEL2 = {
    "生态效益指标": "环境效益指标",
    "服务对象满意度指标": "社会公众或服务对象满意度指标",
}
# Several departments in one 主管部门 cell (a transfer form's, as guangdong-lechang prints it).
DEPARTMENT_GROUPS = (
    ("财政局", "教育局", "人力资源和社会保障局"),
    ("财政局", "农业农村局"),
    ("卫生健康委员会", "财政局"),
    ("财政局", "水利局", "自然资源局"),
)
REGIONS = ("城关镇", "新河乡", "石桥镇", "东坪乡", "白沙镇", "龙泉乡", "青山村", "河口村")
TASK_WORDS = ("保障", "开展", "推进", "完成", "组织")
TITLE_STYLES = ("standard", "申报表", "批复表", "本次下达", "附件", "none")
DEVIATION_LABELS = ("偏差原因分析及改进措施", "偏差原因及改进措施", "未完成原因分析及改进措施")

CLASSIC = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
FRAMEWORK_2021 = {
    "产出指标": ("数量指标", "质量指标", "时效指标"),
    "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
# 财预〔2015〕88号: two 一级 only, satisfaction a 二级 under 效益指标 (hunan-xiangtan).
FRAMEWORK_2015 = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": (
        "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
    ),
}  # fmt: skip


# --- values ----------------------------------------------------------------------------------

percent = st.sampled_from(("95", "100", "90", "98", "85", "80", "99"))


@st.composite
def indicator(draw: st.DrawFn, level2: str, year: int) -> tuple[str, Value, str]:
    """A 三级 name, its 指标值 and its 实际完成值, fitting the 二级 ``level2``."""
    obj = draw(st.sampled_from(OBJECTS))
    if level2 == "数量指标":
        stem = draw(st.sampled_from(sorted(COUNTS)))
        unit = draw(st.sampled_from(COUNTS[stem]))
        number = str(draw(st.integers(1, 5000)))
        op = draw(st.sampled_from(("≥", "=", "", "≤")))
        actual = str(draw(st.integers(1, 5000))) + unit
        return obj + stem, Value(op, number, unit), actual
    if level2 == "质量指标":
        if draw(st.integers(0, 4)) == 0:
            grade = draw(st.sampled_from(("合格", "达标", "良好")))
            return obj + "质量", Value(text=grade), grade
        op = draw(st.sampled_from(("≥", "", "=")))
        return obj + draw(st.sampled_from(RATES)), Value(op, draw(percent), "%"), "100%"
    if level2 == "时效指标":
        form = draw(st.integers(0, 2))
        if form == 0:
            op = draw(st.sampled_from(("≥", "", "=")))
            return obj + "及时率", Value(op, draw(percent), "%"), "100%"
        if form == 1:
            month = draw(st.integers(1, 12))
            text = draw(
                st.sampled_from(
                    (
                        f"{year}年12月31日前",
                        f"{year}年{month}月底前完成",
                        f"{month}月底前",
                        f"{year}年{month}月{draw(st.integers(1, 28))}日前",
                    )
                )
            )
            return obj + "完成时间", Value(text=text), "按期完成"
        days = str(draw(st.integers(1, 30)))
        unit = draw(st.sampled_from(("个工作日", "天")))
        return obj + "办理时限", Value("≤", days, unit), f"{days}{unit}"
    if level2 in ("成本指标", "经济成本指标"):
        form = draw(st.integers(0, 2))
        if form == 0:
            number = str(draw(st.integers(1, 500)))
            unit = draw(st.sampled_from(("万元", "元")))
            return obj + "经费", Value("≤", number, unit), number + unit
        if form == 1:
            number = str(draw(st.integers(10, 2000)))
            unit = draw(st.sampled_from(("元/人", "元/人/年", "元/次")))
            return obj + "人均标准", Value("≤", number, unit), number + unit
        number = str(draw(st.integers(1, 100)))
        return obj + "成本控制率", Value("≤", number, "%"), number + "%"
    if level2 in ("社会成本指标", "生态环境成本指标"):
        grade = draw(st.sampled_from(("无", "低", "减少")))
        stem = "社会影响" if level2 == "社会成本指标" else "环境影响"
        return obj + stem, Value(text=grade), grade
    if level2 in BENEFIT_STEMS:
        stem = draw(st.sampled_from(BENEFIT_STEMS[level2]))
        if draw(st.integers(0, 3)) == 0:
            number = draw(percent)
            return obj + stem + "提升率", Value("≥", str(int(number) // 10), "%"), "10%"
        grade = draw(st.sampled_from(GRADES))
        return obj + stem, Value(text=grade), grade
    # 服务对象满意度指标
    group = draw(st.sampled_from(GROUPS))
    op = draw(st.sampled_from(("≥", "", "≥")))
    return group + "满意度", Value(op, draw(st.sampled_from(("90", "95", "85", "100"))), "%"), "96%"


@st.composite
def tree(draw: st.DrawFn, kind: str, year: int, max_rows: int) -> tuple[Row, ...]:
    """Indicator rows: a valid 一级 / 二级 tree with unique 三级 names."""
    framework = draw(st.sampled_from((CLASSIC, FRAMEWORK_2021, FRAMEWORK_2015)))
    short = draw(st.booleans())
    old_names = framework is FRAMEWORK_2015 and not short and draw(st.booleans())
    self_evaluation = kind == SELF_EVALUATION
    # a 自评表 printed with its 分值 before the actuals are filled in (blank 实际完成值 and 得分)
    unfilled = self_evaluation and draw(st.integers(0, 4)) == 0
    rows: list[Row] = []
    names: set[str] = set()
    for index, (level1, level2s) in enumerate(framework.items()):
        if index and not draw(st.booleans()):
            continue
        chosen = draw(st.lists(st.sampled_from(level2s), min_size=1, max_size=min(3, len(level2s))))
        for level2 in sorted(set(chosen), key=level2s.index):
            printed2 = SHORT_LEVEL2.get(level2, level2) if short else level2
            if old_names:
                printed2 = OLD_LEVEL2.get(level2, level2)
            for _ in range(draw(st.integers(1, 3))):
                if len(rows) >= max_rows:
                    break
                name, target, actual = draw(indicator(level2, year))
                if overlaps(name, names):
                    continue
                names.add(name)
                row = Row(level1, printed2, name, target, description=f"反映{name}情况")
                if self_evaluation:
                    weight = draw(st.sampled_from(("10", "5", "15", "20")))
                    lost = draw(st.sampled_from((0, 0, 0, 1, 2)))
                    score = str(int(weight) - lost)
                    deviation = draw(st.sampled_from(DEVIATIONS)) if lost else ""
                    row = replace(
                        row, actual=actual, weight=weight, score=score, deviation=deviation
                    )
                    if unfilled:
                        row = replace(row, actual="", score="", deviation="")
                rows.append(row)
    return tuple(rows)


def other_period(value: Value, half: bool) -> str:
    """The value a 半年(程) (``half``) or 实施期 column prints beside the year's: half or three
    times a count or an amount, the same rate, grade or date."""
    if not value.quantity or value.unit in ("%", "元/人", "元/人/年", "元/次", "个工作日", "天"):
        return value.printed
    number = int(value.number)
    number = max(1, number // 2) if half else number * 3
    return f"{value.op}{number}{value.unit}"


@st.composite
def region_values(draw: st.DrawFn, row: Row, count: int) -> Row:
    """One 指标值 per region: all the same, or (a quarter of the rows) one region's count
    differs — then no single value is the row's, and a reader must doubt it."""
    values = [row.target.printed] * count
    if row.target.quantity and draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, count - 1))
        other = replace(row.target, number=str(int(row.target.number) + 1))
        values[at] = other.printed
    return replace(row, by_region=tuple(values))


@st.composite
def tables(draw: st.DrawFn, kinds: tuple[str, ...] = KINDS, max_rows: int = 12) -> Table:
    """A random valid table of one of ``kinds``."""
    kind = draw(st.sampled_from(kinds))
    year = draw(st.integers(2018, 2025))
    place = draw(st.sampled_from(PLACES))
    department = place + draw(st.sampled_from(AGENCIES))
    implementer = draw(st.sampled_from((department, place + draw(st.sampled_from(UNITS_OF_WORK)))))
    obj = draw(st.sampled_from(OBJECTS))
    project = None
    if kind != DEPARTMENT_TARGET:
        project = obj + draw(st.sampled_from(PROJECT_SUFFIXES))
    cents = draw(st.integers(1, 50_000))  # in hundredths of 万元: 0.01 … 500 万元
    total = Decimal(cents) * 100
    fiscal = draw(st.sampled_from((total, total - Decimal(cents // 2) * 100)))
    executed = draw(st.sampled_from((total, total - Decimal(cents // 10) * 100)))
    amount_unit = draw(st.sampled_from(("万元", "元")))
    if kind == PROJECT_TARGET:
        templates = ("standard", "binhai", "transfer", "investment")
        if fiscal != total:
            templates = ("standard", "transfer", "investment")
    elif kind == SELF_EVALUATION:
        templates = ("standard", "transfer")
    else:
        templates = ("standard", "tasks")
    template = draw(st.sampled_from(templates))
    describe = template == "binhai" or (kind != SELF_EVALUATION and draw(st.booleans()))

    target_label = "年度指标值" if kind == SELF_EVALUATION else "指标值"
    if kind == DEPARTMENT_TARGET:
        target_label = draw(st.sampled_from(("指标值", "目标值")))
    if template == "binhai":
        title_style = "standard"
    elif kind == PROJECT_TARGET and template == "standard":
        title_style = draw(st.sampled_from(TITLE_STYLES))
    elif kind == DEPARTMENT_TARGET:
        title_style = draw(st.sampled_from(("standard", "申报表", "none")))
    else:
        title_style = draw(st.sampled_from(("standard", "附件", "none")))
    name_label = "三级指标"
    if kind == PROJECT_TARGET and template == "standard" and title_style == "申报表":
        # 指标内容 standing in for 三级指标 (一级指标 | 二级指标 | 指标内容 | 指标值:
        # hubei-qingshan); tied to a drawn style: no draw is added, the documents stay the same
        name_label = "指标内容"
    value_columns = "single"
    if kind == PROJECT_TARGET and template != "binhai":
        choices = ["single", "period", "half_year"]
        if template == "transfer":
            choices.append("regions")
        value_columns = draw(st.sampled_from(choices))
    rows = draw(tree(kind, year, max_rows))
    regions: tuple[str, ...] = ()
    if value_columns == "regions":
        count = draw(st.integers(2, 4))
        regions = tuple(draw(st.permutations(REGIONS))[:count])
        rows = tuple(draw(region_values(row, count)) for row in rows)
    elif value_columns != "single":
        half = value_columns == "half_year"
        rows = tuple(replace(row, spare=other_period(row.target, half)) for row in rows)
    department_label = "主管部门"
    goals_label = "年度目标"
    if template == "transfer":
        department = "、".join(draw(st.sampled_from(DEPARTMENT_GROUPS)))
        if kind == PROJECT_TARGET:
            department_label = draw(st.sampled_from(("主管部门", "中央主管部门")))
        goals_label = draw(st.sampled_from(("年度目标", "年度绩效目标")))
    tasks: tuple[Task, ...] = ()
    if template == "tasks":
        goals_label = draw(st.sampled_from(("年度履职目标", "年度总体目标")))
        objects = draw(st.lists(st.sampled_from(OBJECTS), min_size=1, max_size=3, unique=True))
        share = total / len(objects)
        tasks = tuple(
            Task(
                f"{name}工作",
                f"{draw(st.sampled_from(TASK_WORDS))}{name}，{draw(st.sampled_from(TASK_WORDS))}"
                f"{draw(st.sampled_from(OBJECTS))}",
                format((share / 10000).quantize(Decimal("0.01")).normalize(), "f"),
            )
            for name in objects
        )
    goals = f"完成{obj}工作任务，提升{draw(st.sampled_from(OBJECTS))}服务水平。"
    if title_style == "none":
        goals = f"{year}年{goals}"  # no title: the year is stated in the goals
    if template == "transfer":
        goals = f"目标1：{goals}目标2：保障{draw(st.sampled_from(OBJECTS))}资金及时拨付。"
    deviation_label = "偏差原因分析及改进措施"
    if kind == SELF_EVALUATION:
        deviation_label = draw(st.sampled_from(DEVIATION_LABELS))
    initial = None
    if kind == SELF_EVALUATION and template == "standard" and title_style == "附件":
        # the Sichuan form (tied to a drawn style: no draw is added, the documents stay the
        # same), its 年初 budget adjusted during the year (a reader taking it is wrong)
        template = "sichuan"
        initial = total - Decimal(cents // 3) * 100 if cents % 2 else total + 10000
    table = Table(
        kind=kind,
        year=year,
        department=department,
        implementer=implementer,
        project=project,
        department_code=str(draw(st.integers(100001, 999999))),
        amount_unit=amount_unit,
        total=total,
        fiscal=fiscal,
        other=total - fiscal,
        executed=executed,
        goals=goals,
        done=f"已完成{obj}年度工作任务。",
        rows=rows,
        template=template,
        describe=describe,
        name_label=name_label,
        target_label=target_label,
        deviation_label=deviation_label,
        repeat_level2=template == "binhai" and draw(st.booleans()),
        title_style=title_style,
        value_columns=value_columns,
        regions=regions,
        region=place if template == "transfer" else "",
        department_label=department_label,
        goals_label=goals_label,
        tasks=tasks,
        total_line=kind == SELF_EVALUATION and draw(st.booleans()),
        initial=initial,
    )
    # (chosen from what was drawn, not drawn: a further draw would change every later table)
    if kind == SELF_EVALUATION and template == "standard" and int(table.department_code) % 5 == 0:
        # the Hunan 部门整体支出绩效自评表 of one fund: no 项目名称, no 分值 | 得分 columns
        # (its 全年实际完成值 always filled, as the form is published after the year; its
        # 产生差异的原因 left empty: with no 分值 | 得分 after the values, a reason's words run
        # into the next row's name in the streamed shapes — cell_lines, spaces_run_on — where
        # the readers read them as a row of their own: a known gap, not generated)
        filled = tuple(
            replace(row, actual=row.actual or row.target.printed, deviation="") for row in rows
        )
        table = replace(
            table,
            template="hunan",
            rows=filled,
            project=None,
            title_style="standard",
            actual_label="全年实际完成值",
            deviation_label="产生差异的原因及改进措施",
            total_line=False,
        )
    hubei = int(table.department_code) % 2 == 0
    if value_columns == "regions" and int(table.department_code) % 3 != 0:
        # the national 区域绩效目标表: 指标值 printed over the regions' columns (two header rows)
        table = replace(table, target_over_regions=True)
    if describe and template == "standard" and value_columns == "single" and hubei:
        # the Hubei form: 一级指标 | 二级指标 (over the unlabelled 三级 column) | 绩效标准 |
        # 当年预期实现值
        table = replace(
            table, name_label="", describe_label="绩效标准", target_label="当年预期实现值"
        )
    return table


def documents(
    kinds: tuple[str, ...] = KINDS, max_tables: int = 3, max_rows: int = 12
) -> st.SearchStrategy[tuple[Table, ...]]:
    """The tables of one document, printed one after another (as the example's four); shrinks
    to a single table."""
    return st.lists(tables(kinds, max_rows), min_size=1, max_size=max_tables).map(apart)


def overlaps(name: str, names: set[str]) -> bool:
    """``name`` is another name, or part of one, or holds one (森林防火巡查长效管护机制 and
    森林防火巡查长效管护机制提升率): the scoring finds a row that was not read by the line its
    name is printed on, which must be the row's own."""
    return any(name in other or other in name for other in names)


def apart(drawn: list[Table]) -> tuple[Table, ...]:
    """The tables of a document with no 三级 name overlapping one of an earlier table
    (:func:`overlaps`); a later table left with no row is left out."""
    names: set[str] = set()
    kept: list[Table] = []
    for table in drawn:
        rows = tuple(row for row in table.rows if not overlaps(row.name, names))
        names |= {row.name for row in rows}
        if rows or not kept:
            kept.append(replace(table, rows=rows or table.rows))
    return tuple(kept)
