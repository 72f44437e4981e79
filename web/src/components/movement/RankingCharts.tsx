// Charts of a ranking (ECharts, bundled and loaded only with this tab): how total scores are spread, and each
// area's average against its maximum.
import { Card, Col, Row } from "antd";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import type { RankingRow } from "./types";

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

function Chart({ option, height, testId }: { option: echarts.EChartsCoreOption; height: number; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, undefined, { renderer: "canvas", locale: "EN" });
    const el = ref.current;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} style={{ width: "100%", height }} data-testid={testId} />;
}

const BIN = 10;

export default function RankingCharts({ rows }: { rows: RankingRow[] }) {
  const histogram = useMemo(() => {
    const scored = rows.filter((r) => r.total !== null);
    const max = Math.max(BIN, ...scored.map((r) => r.max), ...scored.map((r) => r.total ?? 0));
    const bins = Math.ceil(max / BIN);
    const counts = new Array<number>(bins).fill(0);
    for (const r of scored) counts[Math.min(bins - 1, Math.floor((r.total ?? 0) / BIN))]++;
    const labels = counts.map((_, i) => t("mv.chart.bin", { from: formatNumber(i * BIN), to: formatNumber(Math.min(max, (i + 1) * BIN)) }));
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 36, bottom: 56 },
      xAxis: { type: "category", data: labels, axisLabel: { rotate: 30, fontSize: 11 } },
      yAxis: { type: "value", minInterval: 1, name: t("mv.chart.count"), nameTextStyle: { align: "left" } },
      series: [{ type: "bar", name: t("mv.chart.count"), data: counts, itemStyle: { color: "#b71c1c" }, barCategoryGap: "8%" }],
    } satisfies echarts.EChartsCoreOption;
  }, [rows]);

  const areas = useMemo(() => {
    const sums = new Map<string, { title: string; sum: number; n: number; max: number }>();
    for (const r of rows) {
      for (const a of r.areas) {
        if (a.points === null || a.max === null) continue;
        const s = sums.get(a.id) ?? { title: a.title, sum: 0, n: 0, max: a.max };
        s.sum += a.points;
        s.n += 1;
        sums.set(a.id, s);
      }
    }
    const list = [...sums.values()];
    const short = (s: string) => (s.length > 42 ? `${s.slice(0, 40)}…` : s);
    return {
      option: {
        tooltip: {
          trigger: "axis",
          axisPointer: { type: "shadow" },
          valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(Math.round(v * 100) / 100) : String(v)),
        },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 32, bottom: 28, containLabel: true },
        xAxis: { type: "value", name: t("mv.chart.points"), nameLocation: "middle", nameGap: 24 },
        yAxis: { type: "category", inverse: true, data: list.map((a) => short(a.title)), axisLabel: { width: 260, overflow: "truncate", fontSize: 11 } },
        series: [
          { type: "bar", name: t("mv.chart.average"), data: list.map((a) => Math.round((a.sum / a.n) * 100) / 100), itemStyle: { color: "#b71c1c" } },
          { type: "bar", name: t("mv.chart.max"), data: list.map((a) => a.max), itemStyle: { color: "#d9d9d9" } },
        ],
      } satisfies echarts.EChartsCoreOption,
      height: Math.max(220, list.length * 48 + 60),
    };
  }, [rows]);

  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("mv.chart.histogram")}>
          <Chart option={histogram} height={280} testId="chart-histogram" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("mv.chart.areas")}>
          <Chart option={areas.option} height={areas.height} testId="chart-areas" />
        </Card>
      </Col>
    </Row>
  );
}
