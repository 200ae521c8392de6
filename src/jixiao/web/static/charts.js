// The dashboard's charts, drawn with the vendored ECharts from the data the page embeds.
// One theme for all of them (the colours of the page's header), every label shown: the
// departments' names wrap instead of being dropped, the donut shows its numbers, and table
// counts and finding counts have an axis each (they differ a hundredfold).
const THEME = {
  color: ["#7f1d1d", "#c2410c", "#a8a29e", "#b45309", "#57534e", "#dc2626"],
  textStyle: { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif' },
};
const SEVERITY_COLOURS = { 错误: "#7f1d1d", 警告: "#c2410c", 提示: "#a8a29e" };

document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("chart-data");
  if (!source || typeof echarts === "undefined") return;
  echarts.registerTheme("jixiao", THEME);
  const data = JSON.parse(source.textContent);
  const charts = [];
  const draw = (id, option, height) => {
    const element = document.getElementById(id);
    if (!element) return;
    if (height) element.style.height = `${height}px`;
    const chart = echarts.init(element, "jixiao", { renderer: "svg" }); // text stays text
    chart.setOption(Object.assign({ tooltip: {} }, option));
    charts.push(chart);
  };
  draw("chart-severity", {
    tooltip: { trigger: "item", formatter: "{b}：{c} 个（{d}%）" },
    legend: { bottom: 0 },
    series: [{
      type: "pie",
      radius: ["38%", "66%"],
      label: { formatter: "{b}\n{c} 个", fontSize: 13 },
      data: data.severity.map((item) => ({
        ...item, itemStyle: { color: SEVERITY_COLOURS[item.name] },
      })),
    }],
  });
  const rules = data.rules.slice().reverse(); // the most frequent at the top
  draw("chart-rules", {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
      formatter: (items) => `${rules[items[0].dataIndex][2]}<br>${items[0].value} 个` },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: rules.map((r) => r[0]), axisLabel: { interval: 0 } },
    series: [{ type: "bar", data: rules.map((r) => r[1]), label: { show: true, position: "right" } }],
  }, Math.max(240, rules.length * 24 + 40));
  const departments = data.departments.slice().reverse();
  draw("chart-departments", {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { data: ["表（张）", "审核发现（个）"], bottom: 0 },
    grid: { left: 8, right: 48, top: 48, bottom: 64, containLabel: true },
    xAxis: [
      { type: "value", name: "表（张）", nameLocation: "middle", nameGap: 24, position: "top",
        minInterval: 1, splitLine: { show: false } },
      { type: "value", name: "审核发现（个）", nameLocation: "middle", nameGap: 24,
        position: "bottom", minInterval: 1 },
    ],
    yAxis: {
      type: "category",
      data: departments.map((d) => d[0]),
      axisLabel: { interval: 0, width: 150, overflow: "break" },
    },
    series: [
      { name: "表（张）", type: "bar", xAxisIndex: 0, data: departments.map((d) => d[1]),
        label: { show: true, position: "right" } },
      { name: "审核发现（个）", type: "bar", xAxisIndex: 1, data: departments.map((d) => d[2]),
        label: { show: true, position: "right" } },
    ],
  }, Math.max(280, departments.length * 56 + 90));
  draw("chart-years", {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: data.years.map((y) => y[0]), axisLabel: { interval: 0 } },
    yAxis: { type: "value", minInterval: 1, name: "表（张）" },
    series: [{ type: "bar", data: data.years.map((y) => y[1]), label: { show: true, position: "top" } }],
  });
  window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
  document.body.dataset.charts = "drawn";
});
