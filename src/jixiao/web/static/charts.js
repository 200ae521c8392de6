// The dashboard's charts, drawn with the vendored ECharts from the data the page embeds.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("chart-data");
  if (!source || typeof echarts === "undefined") return;
  const data = JSON.parse(source.textContent);
  const draw = (id, option) => {
    const element = document.getElementById(id);
    if (element) echarts.init(element).setOption(Object.assign({ tooltip: {} }, option));
  };
  draw("chart-severity", {
    color: ["#b42318", "#b54708", "#175cd3"],
    series: [{ type: "pie", radius: ["40%", "70%"], data: data.severity }],
  });
  draw("chart-rules", {
    xAxis: { type: "category", data: data.rules.map((r) => r[0]), axisLabel: { rotate: 45 } },
    yAxis: { type: "value" },
    series: [{ type: "bar", data: data.rules.map((r) => r[1]), itemStyle: { color: "#a61b1b" } }],
  });
  draw("chart-departments", {
    legend: { data: ["表", "审核发现"] },
    xAxis: { type: "category", data: data.departments.map((d) => d[0]) },
    yAxis: { type: "value" },
    series: [
      { name: "表", type: "bar", data: data.departments.map((d) => d[1]) },
      { name: "审核发现", type: "bar", data: data.departments.map((d) => d[2]) },
    ],
  });
  draw("chart-years", {
    xAxis: { type: "category", data: data.years.map((y) => y[0]) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", data: data.years.map((y) => y[1]), itemStyle: { color: "#7f1d1d" } }],
  });
  document.body.dataset.charts = "drawn";
});
