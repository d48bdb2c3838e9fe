import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { create as createFontkitFont, type Font } from "fontkit";
import PDFDocument from "pdfkit";
import { formatFen } from "@/lib/money/fen";
import { fenToChineseUpper } from "@/lib/pdf/amount-in-words";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

export type PdfDoc = PDFKit.PDFDocument;

export const PROGRAMME_NAME = "首都职工创业小额贷款（暖·创贷）";

/** What every rendered document carries besides its content. */
export type PdfMeta = {
  title: string;
  documentNo: string;
  /** Passed in rather than read from the clock so a render is a pure function of its input. */
  generatedAt: Date;
  subject?: string;
  /** Footer words in the reader's language (the letters keep the Chinese defaults). */
  footer?: { documentNo: string; generated: string; page: (page: number, pages: number) => string };
  /** The document's language (PDF /Lang), zh-CN unless given. */
  lang?: string;
};

const FONT_FILES = {
  cjk: "400Regular/NotoSansSC_400Regular.ttf",
  "cjk-bold": "700Bold/NotoSansSC_700Bold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

const FONT_PACKAGE = "@expo-google-fonts/noto-sans-sc";
const MARGINS = { top: 56, bottom: 64, left: 56, right: 56 };
export const COLORS = {
  text: "#1f1f1f",
  muted: "#5f6368",
  rule: "#9aa0a6",
  fill: "#f1f3f4",
  accent: "#a31f24",
};
const BODY_SIZE = 10.5;
const TABLE_SIZE = 10;
const PAD_X = 6;
const PAD_Y = 5;

const fontCache = new Map<FontName, Font>();

// Bundlers may rewrite `require.resolve` on a traced createRequire into a module id, and a
// server chunk may sit where node_modules is not an ancestor; only an existing file counts.
function fontPackageDir(): string {
  const candidates: string[] = [];
  for (const base of [import.meta.url, path.join(process.cwd(), "package.json")]) {
    try {
      candidates.push(path.dirname(createRequire(base).resolve(`${FONT_PACKAGE}/package.json`)));
    } catch {
      // try the next base
    }
  }
  candidates.push(path.join(process.cwd(), "node_modules", FONT_PACKAGE));
  const dir = candidates.find((c) => path.isAbsolute(c) && existsSync(path.join(c, FONT_FILES.cjk)));
  if (!dir) throw new Error(`PDF font package ${FONT_PACKAGE} not found`);
  return dir;
}

// The programme's mark (public/mark.svg, served like every static file, so it sits under the
// working directory the server runs in): a red disc and the outline of 暖, drawn as vector paths.
// pdfkit draws SVG path data but not SVG files, so the two shapes are read out of the file once.
const MARK_FILE = path.join("public", "mark.svg");
const MARK_SIZE = 26;
type Mark = { viewBox: number; disc: { cx: number; cy: number; r: number; fill: string }; glyph: { d: string; fill: string } };
let markCache: Mark | undefined;

function loadMark(): Mark {
  if (markCache) return markCache;
  const svg = readFileSync(path.join(process.cwd(), MARK_FILE), "utf8");
  const viewBox = /viewBox="0 0 ([\d.]+) \1"/.exec(svg);
  const disc = /<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="(#[0-9a-f]{6})"\/>/i.exec(svg);
  const glyph = /<path fill="(#[0-9a-f]{3,6})" d="([^"]+)"\/>/i.exec(svg);
  if (!viewBox || !disc || !glyph) throw new Error(`${MARK_FILE} is not the mark scripts/brand/render-mark.mjs draws`);
  markCache = {
    viewBox: Number(viewBox[1]),
    disc: { cx: Number(disc[1]), cy: Number(disc[2]), r: Number(disc[3]), fill: disc[4]! },
    glyph: { fill: glyph[1]!, d: glyph[2]! },
  };
  return markCache;
}

function drawMark(doc: PdfDoc, x: number, y: number): void {
  const mark = loadMark();
  doc.save().translate(x, y).scale(MARK_SIZE / mark.viewBox);
  doc.circle(mark.disc.cx, mark.disc.cy, mark.disc.r).fill(mark.disc.fill);
  doc.path(mark.glyph.d).fill(mark.glyph.fill);
  doc.restore();
}

// Each weight is ~10 MB. Given the bytes, pdfkit would parse the font again for every document
// and decode every glyph it measures anew; the parsed font (tables and decoded glyphs, all
// read-only) is kept for the process instead, and pdfkit still subsets it per document.
function loadFont(name: FontName): Font {
  let font = fontCache.get(name);
  if (!font) {
    font = createFontkitFont(readFileSync(path.join(fontPackageDir(), FONT_FILES[name])));
    fontCache.set(name, font);
  }
  return font;
}

export function createPdfDocument(meta: PdfMeta): PdfDoc {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    // Page numbers ("第1页／共n页") are only known once every page exists.
    bufferPages: true,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and none uses it.
    // null, unlike a missing option, says so; pdfkit's types list only font names.
    font: null as unknown as string,
    lang: meta.lang ?? "zh-CN",
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject ?? PROGRAMME_NAME,
      Author: PROGRAMME_NAME,
      Creator: "暖·创贷服务平台",
      CreationDate: meta.generatedAt,
      ModDate: meta.generatedAt,
    },
  });
  // pdfkit takes a parsed fontkit font as a source; its types list only paths and bytes.
  doc.registerFont("cjk", loadFont("cjk") as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont("cjk-bold", loadFont("cjk-bold") as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font("cjk").fontSize(BODY_SIZE).fillColor(COLORS.text);
  return doc;
}

export function toBuffer(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // pdfkit 0.20 emits Uint8Array chunks; Buffer.from on a Buffer is a cheap copy.
    doc.on("data", (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** Creates the document, lets `draw` fill it, stamps the footers and returns the bytes. */
export function renderPdf(meta: PdfMeta, draw: (doc: PdfDoc) => void): Promise<Buffer> {
  const doc = createPdfDocument(meta);
  draw(doc);
  drawFooters(doc, meta);
  return toBuffer(doc);
}

// ---------- formatting ----------

// Building a formatter costs far more than formatting with it: one for the process.
const beijingFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: BEIJING_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function beijingParts(value: Date): Record<string, string> {
  return Object.fromEntries(beijingFormat.formatToParts(value).map((p) => [p.type, p.value]));
}

/** "2021年7月5日". A string is a calendar date (YYYY-MM-DD) and is not shifted by time zones. */
export function formatDateCn(value: Date | string): string {
  if (typeof value === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (!m) return value;
    return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  }
  const p = beijingParts(value);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** "2021年7月5日 14:30", Beijing time whatever the server's zone. */
export function formatDateTimeCn(value: Date): string {
  const p = beijingParts(value);
  return `${formatDateCn(value)} ${p.hour}:${p.minute}`;
}

/** "¥500,000.00（人民币伍拾万元整）": formal documents state an amount in figures and in words. */
export function formatAmountWithUpper(fen: bigint): string {
  return `${formatFen(fen)}（人民币${fenToChineseUpper(fen)}）`;
}

// ---------- layout primitives ----------

export function contentLeft(doc: PdfDoc): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function pageBottom(doc: PdfDoc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: PdfDoc, height: number): void {
  if (doc.y + height > pageBottom(doc)) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
}

export function drawTitleBlock(
  doc: PdfDoc,
  block: { title: string; refLeft?: string; refRight?: string; heading?: string },
): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  // The mark sits in the top-left corner beside the centred heading; it does not move the text.
  drawMark(doc, x, doc.page.margins.top - 6);
  doc.font("cjk").fontSize(11).fillColor(COLORS.accent);
  doc.text(block.heading ?? PROGRAMME_NAME, x, doc.page.margins.top, { width, align: "center" });
  doc.moveDown(0.3);
  doc.font("cjk-bold").fontSize(20).fillColor(COLORS.text);
  doc.text(block.title, x, doc.y, { width, align: "center", characterSpacing: 2 });
  const ruleY = doc.y + 6;
  doc.save().lineWidth(1.6).strokeColor(COLORS.accent);
  doc.moveTo(x, ruleY).lineTo(x + width, ruleY).stroke();
  doc.lineWidth(0.5).moveTo(x, ruleY + 3).lineTo(x + width, ruleY + 3).stroke().restore();
  const refY = ruleY + 9;
  doc.font("cjk").fontSize(9.5).fillColor(COLORS.muted);
  if (block.refLeft) doc.text(block.refLeft, x, refY, { width, align: "left" });
  if (block.refRight) doc.text(block.refRight, x, refY, { width, align: "right" });
  doc.fillColor(COLORS.text);
  doc.y = refY + (block.refLeft || block.refRight ? 24 : 12);
}

export function drawSectionHeading(doc: PdfDoc, text: string): void {
  ensureSpace(doc, 48);
  const x = contentLeft(doc);
  const y = doc.y + 4;
  doc.save().rect(x, y + 2, 3, 13).fill(COLORS.accent).restore();
  doc.font("cjk-bold").fontSize(12).fillColor(COLORS.text).text(text, x + 9, y, { lineBreak: false });
  doc.y = y + 22;
}

/** A body paragraph; Chinese paragraphs indent their first line by two characters. */
export function drawParagraph(
  doc: PdfDoc,
  text: string,
  opts: { indent?: boolean; bold?: boolean; gapAfter?: number } = {},
): void {
  doc.font(opts.bold ? "cjk-bold" : "cjk").fontSize(BODY_SIZE).fillColor(COLORS.text);
  doc.text(text, contentLeft(doc), doc.y, {
    width: contentWidth(doc),
    lineGap: 5,
    indent: opts.indent === false ? 0 : BODY_SIZE * 2,
  });
  doc.y += opts.gapAfter ?? 6;
}

/** Height drawParagraph will take, to keep a paragraph together with what follows it. */
export function paragraphHeight(doc: PdfDoc, text: string): number {
  doc.font("cjk").fontSize(BODY_SIZE);
  return doc.heightOfString(text, { width: contentWidth(doc), lineGap: 5, indent: BODY_SIZE * 2 }) + 6;
}

export function drawNote(doc: PdfDoc, text: string): void {
  doc.font("cjk").fontSize(9).fillColor(COLORS.muted);
  doc.text(text, contentLeft(doc), doc.y, { width: contentWidth(doc), lineGap: 3 });
  doc.fillColor(COLORS.text);
  doc.y += 4;
}

// ---------- tables ----------

type Cell = { text: string; width: number; fill?: boolean; bold?: boolean; align?: Align };
type Align = "left" | "center" | "right";

function cellFont(doc: PdfDoc, cell: Cell): void {
  doc.font(cell.bold ? "cjk-bold" : "cjk").fontSize(TABLE_SIZE);
}

function cellHeight(doc: PdfDoc, cell: Cell): number {
  cellFont(doc, cell);
  return doc.heightOfString(cell.text || " ", { width: cell.width - PAD_X * 2, lineGap: 2 });
}

/** Cells with each text's height: measuring wraps the text as drawing does, so it is done once per row. */
type MeasuredRow = { cells: readonly Cell[]; textHeights: readonly number[]; height: number };

function measureRow(doc: PdfDoc, cells: readonly Cell[]): MeasuredRow {
  const textHeights = cells.map((c) => cellHeight(doc, c));
  return { cells, textHeights, height: Math.max(...textHeights) + PAD_Y * 2 };
}

/** Draws one bordered row at doc.y; text is vertically centred so short labels sit beside long values. */
function drawRow(doc: PdfDoc, { cells, textHeights, height }: MeasuredRow): void {
  let x = contentLeft(doc);
  const y = doc.y;
  doc.save().lineWidth(0.5).strokeColor(COLORS.rule);
  for (const cell of cells) {
    if (cell.fill) doc.rect(x, y, cell.width, height).fillAndStroke(COLORS.fill, COLORS.rule);
    else doc.rect(x, y, cell.width, height).stroke();
    x += cell.width;
  }
  doc.restore();
  x = contentLeft(doc);
  cells.forEach((cell, i) => {
    cellFont(doc, cell);
    doc.fillColor(COLORS.text).text(cell.text, x + PAD_X, y + (height - (textHeights[i] ?? 0)) / 2, {
      width: cell.width - PAD_X * 2,
      align: cell.align ?? "left",
      lineGap: 2,
    });
    x += cell.width;
  });
  doc.x = contentLeft(doc);
  doc.y = y + height;
}

export type Field = { label: string; value: string };
/** One field across the full width, or two fields side by side. */
export type FieldRow = Field | readonly [Field, Field];

/** A label/value table: grey label cells, values wrap within their cell, rows never split across pages. */
export function drawFieldTable(
  doc: PdfDoc,
  rows: readonly FieldRow[],
  opts: { labelWidth?: number } = {},
): void {
  const labelWidth = opts.labelWidth ?? 100;
  const width = contentWidth(doc);
  for (const row of rows) {
    const fields: readonly Field[] = "label" in row ? [row] : row;
    const span = width / fields.length;
    const cells = fields.flatMap((f): Cell[] => [
      { text: f.label, width: labelWidth, fill: true },
      { text: f.value, width: span - labelWidth },
    ]);
    const measured = measureRow(doc, cells);
    ensureSpace(doc, measured.height);
    drawRow(doc, measured);
  }
  doc.y += 10;
}

export type GridColumn = { header: string; weight: number; align?: Align };

/** A data table with a shaded header repeated on every page and an optional bold total row. */
export function drawGridTable(
  doc: PdfDoc,
  columns: readonly GridColumn[],
  rows: readonly (readonly string[])[],
  opts: { totalRow?: readonly string[] } = {},
): void {
  const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (contentWidth(doc) * c.weight) / totalWeight);
  const header = columns.map((c, i): Cell => ({
    text: c.header,
    width: widths[i] ?? 0,
    fill: true,
    bold: true,
    align: "center",
  }));
  const toCells = (row: readonly string[], bold: boolean): Cell[] =>
    columns.map((c, i) => ({ text: row[i] ?? "", width: widths[i] ?? 0, bold, fill: bold, align: c.align }));

  const measuredHeader = measureRow(doc, header);
  const drawHeader = () => drawRow(doc, measuredHeader);
  const cells = rows.map((r) => toCells(r, false));
  if (opts.totalRow) cells.push(toCells(opts.totalRow, true));
  const body = cells.map((c) => measureRow(doc, c));

  ensureSpace(doc, measuredHeader.height + (body[0]?.height ?? 0));
  drawHeader();
  for (const row of body) {
    if (doc.y + row.height > pageBottom(doc)) {
      ensureSpace(doc, Number.POSITIVE_INFINITY);
      drawHeader();
    }
    drawRow(doc, row);
  }
  doc.y += 10;
}

// ---------- signatures and seals ----------

export type SignatureSlot = {
  label: string;
  /** Printed on the line when known (e.g. the maker's name); otherwise the line is left blank to sign. */
  name?: string;
  /** Pre-filled date; otherwise blanks for a handwritten date. */
  date?: string;
};

const BLANK_DATE = "　　　　年　　月　　日";
export const SIGNATURE_BLOCK_HEIGHT = 72;

/** Side-by-side signature lines, each with a date line underneath. */
export function drawSignatureBlock(doc: PdfDoc, slots: readonly SignatureSlot[]): void {
  const blockHeight = SIGNATURE_BLOCK_HEIGHT - 8;
  ensureSpace(doc, SIGNATURE_BLOCK_HEIGHT);
  const width = contentWidth(doc) / Math.max(slots.length, 1);
  const y = doc.y + 8;
  doc.font("cjk").fontSize(BODY_SIZE).fillColor(COLORS.text);
  slots.forEach((slot, i) => {
    const x = contentLeft(doc) + i * width;
    const label = `${slot.label}：`;
    const labelWidth = doc.widthOfString(label);
    const lineEnd = x + width - 20;
    doc.text(label, x, y, { lineBreak: false });
    if (slot.name) doc.text(slot.name, x + labelWidth + 6, y, { lineBreak: false });
    doc.save().lineWidth(0.6).strokeColor(COLORS.text);
    doc.moveTo(x + labelWidth, y + 16).lineTo(lineEnd, y + 16).stroke().restore();
    doc.text(`日期：${slot.date ?? BLANK_DATE}`, x, y + 32, { lineBreak: false });
  });
  doc.x = contentLeft(doc);
  doc.y = y + blockHeight;
}

/**
 * The issuing organisation and the date, right-aligned as on a Chinese official letter, with room
 * above for the physical seal. A drawn placeholder circle would cut through long names.
 */
export function drawIssuerSeal(doc: PdfDoc, issuer: { orgName: string; date: string }): void {
  const blockHeight = 84;
  ensureSpace(doc, blockHeight);
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const name = `${issuer.orgName}（盖章）`;
  doc.font("cjk").fontSize(BODY_SIZE).fillColor(COLORS.text);
  const blockWidth = Math.min(width - 8, doc.widthOfString(name) + 8);
  const left = x + width - blockWidth - 8;
  const y = doc.y + 28;
  doc.text(name, left, y, { width: blockWidth, align: "center" });
  doc.text(issuer.date, left, y + 22, { width: blockWidth, align: "center" });
  doc.x = x;
  doc.y = doc.y + 16;
}

// ---------- footer ----------

/** Document number, generation time and page x / n at the foot of every page. */
export function drawFooters(doc: PdfDoc, meta: PdfMeta): void {
  const range = doc.bufferedPageRange();
  const stamp = meta.footer?.generated ?? `生成时间：${formatDateTimeCn(meta.generatedAt)}（北京时间）`;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    const y = doc.page.height - 46;
    doc.save().lineWidth(0.5).strokeColor(COLORS.rule).moveTo(x, y).lineTo(x + width, y).stroke().restore();
    doc.font("cjk").fontSize(8.5).fillColor(COLORS.muted);
    // Two lines, so a long 文号 can never run into the time stamp.
    // Aligned text needs pdfkit's line wrapper (a width, no `lineBreak: false`) to be placed.
    doc.text(meta.footer?.documentNo ?? `文件编号：${meta.documentNo}`, x, y + 5, { width: width - 90, align: "left" });
    doc.text(stamp, x, y + 18, { width: width - 90, align: "left" });
    const page = i - range.start + 1;
    doc.text(meta.footer ? meta.footer.page(page, range.count) : `第${page}页／共${range.count}页`, x, y + 5, { width, align: "right" });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(COLORS.text);
}
