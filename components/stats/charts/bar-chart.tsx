"use client";
import type { CSSProperties } from "react";

// A horizontal bar chart drawn as SVG: no library, no interaction. It is a client component only so
// that the page's payload carries the chart's figures and words rather than every SVG node again;
// the server renders its markup as before. Each row has one or more bars (series); every series has its own fill
// pattern and a legend in words, and every bar carries its value as text, so nothing depends on
// colour. The figure is an image with a <title> and <desc>; the page puts the same numbers in a
// table beside it.

export type ChartSeries = { key: string; label: string };
export type ChartBar = { value: number; text: string };
export type ChartRow = { label: string; bars: ChartBar[]; marker?: { value: number; text: string } };

const PATTERNS = ["solid", "hatch", "dots"] as const;
const WIDTH = 560;
const LABEL_W = 150;
const VALUE_W = 110;
const BAR_H = 18;
const GAP = 4;
const ROW_PAD = 14;
const LEGEND_H = 32;

export function BarChart({ id, title, desc, series, rows, markerLabel, style }: {
  id: string;
  title: string;
  desc: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** The legend's words for the markers (e.g. the deadline), when rows have them. */
  markerLabel?: string;
  style?: CSSProperties;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => [...r.bars.map((b) => b.value), r.marker?.value ?? 0]));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const x = (v: number) => LABEL_W + (Math.max(0, v) / max) * plotW;
  const rowH = series.length * (BAR_H + GAP) - GAP + ROW_PAD * 2;
  const height = LEGEND_H + rows.length * rowH + 6;
  const fill = (i: number) => `url(#${id}-${PATTERNS[i % PATTERNS.length]})`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} data-chart={id}
      style={{ maxWidth: `${WIDTH}px`, height: "auto", display: "block", fontFamily: "var(--font)", ...style }}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{desc}</desc>
      <defs>
        <pattern id={`${id}-solid`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#b91c1c" />
        </pattern>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fde2e2" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#7f1d1d" strokeWidth="2.5" />
        </pattern>
        <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#fff7ed" />
          <circle cx="3" cy="3" r="1.4" fill="#92400e" />
        </pattern>
      </defs>
      <g aria-hidden="true" fontSize="14" fill="#374151">
        {series.map((s, i) => (
          <g key={s.key} transform={`translate(${LABEL_W + i * 140}, 8)`}>
            <rect width="14" height="14" fill={fill(i)} stroke="#7f1d1d" strokeWidth="0.5" />
            <text x="20" y="11">{s.label}</text>
          </g>
        ))}
        {markerLabel ? (
          <g transform={`translate(${LABEL_W + series.length * 140}, 8)`}>
            <line x1="7" y1="-2" x2="7" y2="16" stroke="#1f2937" strokeWidth="2" strokeDasharray="3 2" />
            <text x="20" y="11">{markerLabel}</text>
          </g>
        ) : null}
      </g>
      <line x1={LABEL_W} y1={LEGEND_H} x2={LABEL_W} y2={height - 4} stroke="#9ca3af" aria-hidden="true" />
      {/* The rows hidden from assistive technology as one group (the title, description and the
          table beside the chart say it all); the values' font and colour set once for them. */}
      <g aria-hidden="true" fontSize="14" fill="#1f2937">
        {rows.map((r, i) => {
          const top = LEGEND_H + i * rowH;
          return (
            <g key={`${r.label}-${i}`}>
              {i % 2 === 1 ? <rect x="0" y={top} width={WIDTH} height={rowH} fill="#f9fafb" /> : null}
              <text x={LABEL_W - 8} y={top + rowH / 2 + 4} textAnchor="end" fontSize="15">{r.label}</text>
              {r.bars.map((b, j) => {
                const y = top + ROW_PAD + j * (BAR_H + GAP);
                const end = x(b.value);
                return [
                  <rect key={`b${j}`} x={LABEL_W} y={y} width={Math.max(end - LABEL_W, b.value > 0 ? 2 : 0)} height={BAR_H} fill={fill(j)} stroke="#7f1d1d" strokeWidth="0.5" />,
                  <text key={`t${j}`} x={end + 6} y={y + BAR_H - 4}>{b.text}</text>,
                ];
              })}
              {r.marker ? <line x1={x(r.marker.value)} y1={top + 4} x2={x(r.marker.value)} y2={top + rowH - 4} stroke="#1f2937" strokeWidth="2" strokeDasharray="3 2" /> : null}
              {r.marker?.text ? <text x={x(r.marker.value) + 3} y={top + rowH - 2} fontSize="12" fill="#4b5563">{r.marker.text}</text> : null}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
