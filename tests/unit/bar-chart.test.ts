import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/stats/charts/bar-chart";

// The server-drawn chart: an image with its title and description, a legend in words, every
// bar's value as text, lengths in proportion, one fill pattern per series.

const render = () =>
  renderToStaticMarkup(createElement(BarChart, {
    id: "chart-test",
    title: "各环节办理时长",
    desc: "中位数与第 90 百分位",
    series: [{ key: "median", label: "中位数" }, { key: "p90", label: "第 90 百分位" }],
    markerLabel: "时限",
    rows: [
      { label: "中心审核", bars: [{ value: 2, text: "中位 2" }, { value: 5, text: "P90 5" }], marker: { value: 10, text: "时限 10" } },
      { label: "银行审批", bars: [{ value: 0, text: "中位 0" }, { value: 1, text: "P90 1" }] },
    ],
  }));

describe("BarChart", () => {
  it("is an image with a title and a description it is labelled by", () => {
    const svg = render();
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="chart-test-title chart-test-desc"/);
    expect(svg).toContain('<title id="chart-test-title">各环节办理时长</title>');
    expect(svg).toContain('<desc id="chart-test-desc">中位数与第 90 百分位</desc>');
  });

  it("says every value and every series in words, with a pattern per series", () => {
    const svg = render();
    for (const text of ["中心审核", "银行审批", "中位 2", "P90 5", "中位 0", "P90 1", "时限 10", "中位数", "第 90 百分位", "时限"]) expect(svg).toContain(`>${text}<`);
    expect(svg).toContain('fill="url(#chart-test-solid)"');
    expect(svg).toContain('fill="url(#chart-test-hatch)"');
    expect(svg).toContain('<pattern id="chart-test-solid"');
  });

  it("draws lengths in proportion to the largest value (marker included), a zero as nothing", () => {
    const widths = [...render().matchAll(/<rect x="150" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
    // The plot is 560 − 150 − 110 = 300 wide and the largest value is the marker's 10.
    expect(widths).toEqual([60, 150, 0, 30]);
  });
});
