import "server-only";
import {
  COLORS,
  contentLeft,
  contentWidth,
  drawGridTable,
  drawNote,
  drawParagraph,
  drawSectionHeading,
  drawTitleBlock,
  ensureSpace,
  paragraphHeight,
  renderPdf,
  type GridColumn,
  type PdfDoc,
  type PdfMeta,
} from "./document";

// The annual report: the letters' official header, a generated summary, the headline table, and
// each chart drawn with pdfkit's own vector calls from the same numbers as its table beside it.
// Pure: every word and every formatted figure arrives in the DTO (lib/stats/annual-report-content.ts
// builds it from the statistics and the message catalogue), so the layout never chooses a language.

export type ReportChart = {
  title: string;
  /** One label per bar in a row (the legend); patterns, not colour alone, tell them apart. */
  series: string[];
  rows: { label: string; bars: { value: number; text: string }[] }[];
  /** A line across every row (e.g. the year's budget), with its legend words. */
  reference?: { value: number; label: string };
};

export type ReportTable = { columns: GridColumn[]; rows: string[][]; totalRow?: string[] };

export type ReportSection = {
  heading: string;
  note?: string;
  chart?: ReportChart;
  tables?: ReportTable[];
  /** Said instead of the chart and table when there is nothing to show. */
  empty?: string;
};

export type AnnualReportPdf = {
  meta: PdfMeta;
  /** The programme's name above the title, as on the letters. */
  heading: string;
  title: string;
  refLeft: string;
  refRight: string;
  summaryHeading: string;
  summary: string[];
  sections: ReportSection[];
  definitions: { heading: string; items: string[] };
  issuer: { lines: string[] };
};

const PLOT = { labelWidth: 118, valueWidth: 118, bar: 11, gap: 3, rowPad: 5, legend: 20 };

function drawBar(doc: PdfDoc, series: number, x: number, y: number, width: number, height: number): void {
  if (width <= 0) return;
  doc.save();
  if (series % 2 === 0) {
    doc.rect(x, y, width, height).fill(series === 0 ? COLORS.accent : "#e8a3a6");
  } else {
    // Hatched: light fill, diagonal strokes clipped to the bar, so print in grey still tells it apart.
    doc.rect(x, y, width, height).fill("#fbe9ea");
    doc.rect(x, y, width, height).clip();
    doc.lineWidth(1.1).strokeColor("#7f1d1d");
    for (let d = -height; d < width; d += 4) doc.moveTo(x + d, y + height).lineTo(x + d + height, y).stroke();
  }
  doc.restore();
  doc.save().lineWidth(0.4).strokeColor("#7f1d1d").rect(x, y, width, height).stroke().restore();
}

function chartHeight(chart: ReportChart): number {
  const rowHeight = chart.series.length * (PLOT.bar + PLOT.gap) - PLOT.gap + PLOT.rowPad * 2;
  return 18 + PLOT.legend + chart.rows.length * rowHeight + 8;
}

export function drawBarChart(doc: PdfDoc, chart: ReportChart): void {
  ensureSpace(doc, chartHeight(chart));
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const plotLeft = left + PLOT.labelWidth;
  const plotWidth = width - PLOT.labelWidth - PLOT.valueWidth;
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.bars.map((b) => b.value)), chart.reference?.value ?? 0);
  const xOf = (v: number) => plotLeft + (Math.max(0, v) / max) * plotWidth;
  const rowHeight = chart.series.length * (PLOT.bar + PLOT.gap) - PLOT.gap + PLOT.rowPad * 2;

  let y = doc.y;
  doc.font("cjk-bold").fontSize(10).fillColor(COLORS.text).text(chart.title, left, y, { width, align: "center" });
  y += 18;
  // Legend: a swatch per series in words, then the reference line.
  let lx = plotLeft;
  doc.font("cjk").fontSize(8.5);
  chart.series.forEach((label, i) => {
    drawBar(doc, i, lx, y + 2, 10, 8);
    doc.fillColor(COLORS.muted).text(label, lx + 14, y, { lineBreak: false });
    lx += 14 + doc.widthOfString(label) + 16;
  });
  if (chart.reference) {
    doc.save().lineWidth(1.2).strokeColor(COLORS.text).dash(2, { space: 2 }).moveTo(lx + 4, y).lineTo(lx + 4, y + 11).stroke().restore();
    doc.fillColor(COLORS.muted).text(chart.reference.label, lx + 12, y, { lineBreak: false });
  }
  y += PLOT.legend;
  const top = y;

  chart.rows.forEach((row, i) => {
    const rowTop = top + i * rowHeight;
    if (i % 2 === 1) doc.save().rect(left, rowTop, width, rowHeight).fill("#f7f7f8").restore();
    doc.font("cjk").fontSize(9).fillColor(COLORS.text);
    const labelHeight = doc.heightOfString(row.label, { width: PLOT.labelWidth - 8 });
    doc.text(row.label, left, rowTop + (rowHeight - labelHeight) / 2, { width: PLOT.labelWidth - 8, align: "right" });
    row.bars.forEach((bar, j) => {
      const barTop = rowTop + PLOT.rowPad + j * (PLOT.bar + PLOT.gap);
      const end = xOf(bar.value);
      drawBar(doc, j, plotLeft, barTop, Math.max(end - plotLeft, bar.value > 0 ? 1.5 : 0), PLOT.bar);
      doc.font("cjk").fontSize(8.5).fillColor(COLORS.text).text(bar.text, end + 4, barTop + 0.5, { lineBreak: false });
    });
  });
  const bottom = top + chart.rows.length * rowHeight;
  doc.save().lineWidth(0.6).strokeColor(COLORS.rule).moveTo(plotLeft, top - 2).lineTo(plotLeft, bottom + 2).stroke().restore();
  if (chart.reference) {
    const rx = xOf(chart.reference.value);
    doc.save().lineWidth(1.2).strokeColor(COLORS.text).dash(3, { space: 2 }).moveTo(rx, top - 2).lineTo(rx, bottom + 2).stroke().restore();
  }
  doc.x = left;
  doc.y = bottom + 10;
}

export function renderAnnualReport(data: AnnualReportPdf): Promise<Buffer> {
  return renderPdf(data.meta, (doc) => {
    drawTitleBlock(doc, { title: data.title, refLeft: data.refLeft, refRight: data.refRight, heading: data.heading });
    drawSectionHeading(doc, data.summaryHeading);
    for (const paragraph of data.summary) {
      ensureSpace(doc, paragraphHeight(doc, paragraph));
      drawParagraph(doc, paragraph);
    }
    for (const section of data.sections) {
      // A heading never ends a page: it stays with its note and the chart (or first table) below it.
      const first = section.chart ? chartHeight(section.chart) : section.empty ? 30 : 90;
      ensureSpace(doc, 48 + (section.note ? paragraphHeight(doc, section.note) : 0) + first);
      drawSectionHeading(doc, section.heading);
      if (section.note) drawNote(doc, section.note);
      if (section.empty) {
        drawParagraph(doc, section.empty, { indent: false });
        continue;
      }
      if (section.chart) drawBarChart(doc, section.chart);
      for (const table of section.tables ?? []) {
        // A short table stays on one page; a long one breaks with its header repeated.
        const estimate = (table.rows.length + (table.totalRow ? 2 : 1)) * 26;
        if (estimate < 360) ensureSpace(doc, estimate);
        drawGridTable(doc, table.columns, table.rows, table.totalRow ? { totalRow: table.totalRow } : {});
      }
    }
    drawSectionHeading(doc, data.definitions.heading);
    for (const item of data.definitions.items) drawNote(doc, `· ${item}`);
    ensureSpace(doc, 20 + data.issuer.lines.length * 20);
    doc.y += 16;
    doc.font("cjk").fontSize(10.5).fillColor(COLORS.text);
    for (const line of data.issuer.lines) {
      doc.text(line, contentLeft(doc), doc.y, { width: contentWidth(doc), align: "right" });
      doc.y += 4;
    }
  });
}
