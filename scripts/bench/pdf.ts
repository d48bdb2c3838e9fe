// npm run bench:pdf [-- --runs 200] [-- --cpu-prof DIR] — the render time of the portal's PDFs,
// in this process, no database and no HTTP: what GET /api/applications/[id]/form-pdf spends in
// lib/pdf. Each row renders one document `runs` times after a warm-up and prints median and p95,
// the median as a ratio to the baseline in the same run: a one-page pdfkit document with the same
// embedded Noto Sans SC, one line of text and the same compression (pdfkit's floor for a PDF with
// a CJK subset). A second baseline gives pdfkit the font's bytes, as a document that parses the
// font itself would. The first render in the process (reading and parsing both weights) is
// printed apart. Times are wall time (median, p95) and CPU time (median). `--cpu-prof DIR` writes a V8 CPU profile of the measured renders; `--out DIR`
// writes each document once, to compare renderings before and after a change (pdftoppm).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { create as createFontkitFont } from "fontkit";
import PDFDocument from "pdfkit";
import { renderApplicationForm } from "@/lib/pdf/application-form";
import { renderBankApprovalNotice, renderGuaranteeLetter, renderRecommendationLetter } from "@/lib/pdf/review-letters";
import { renderSubsidyBatchSummary, renderSubsidyStatement } from "@/lib/pdf/subsidy-statement";
import { applicationForm, approval, batch, guarantee, recommendation, statement } from "./pdf-samples";

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "200" }, warmup: { type: "string", default: "20" }, "cpu-prof": { type: "string" }, out: { type: "string" } },
});
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const FORM_GOAL_MS = 50;

const fontFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-sc/package.json")),
  "400Regular/NotoSansSC_400Regular.ttf",
);
const fontBytes = readFileSync(fontFile);
const parsedFont = createFontkitFont(fontBytes);

function oneLine(font: PDFKit.Mixins.PDFFontSource): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", info: { CreationDate: new Date(0) } });
  doc.registerFont("cjk", font);
  doc.font("cjk").fontSize(10.5).text("贷款申请表 NCD-2021-000123", 56, 56);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

type Row = { name: string; render: () => Promise<Buffer> };
const rows: Row[] = [
  { name: "baseline: pdfkit, one line, parsed font", render: () => oneLine(parsedFont as unknown as PDFKit.Mixins.PDFFontSource) },
  { name: "pdfkit, one line, font bytes", render: () => oneLine(fontBytes) },
  { name: "application form", render: () => renderApplicationForm(applicationForm) },
  { name: "recommendation letter", render: () => renderRecommendationLetter(recommendation) },
  { name: "guarantee letter", render: () => renderGuaranteeLetter(guarantee) },
  { name: "bank approval notice", render: () => renderBankApprovalNotice(approval) },
  { name: "subsidy statement", render: () => renderSubsidyStatement(statement) },
  { name: "subsidy batch summary", render: () => renderSubsidyBatchSummary(batch) },
];

const t0 = performance.now();
await renderApplicationForm(applicationForm);
const firstMs = performance.now() - t0;

const session = args["cpu-prof"] ? new Session() : null;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}

// Round robin, one render of each row per round: the machine's noise (other processes on the same
// cores) then falls on every row alike, and the ratios to the baseline hold even when it is busy.
// CPU time (the process's, user and system) is printed beside wall time: on a busy machine the
// wall time also counts the waits for a core, the CPU time does not.
const samples = rows.map((): number[] => []);
const cpuSamples = rows.map((): number[] => []);
const bytes = rows.map(() => 0);
for (let round = 0; round < WARMUP + RUNS; round += 1) {
  for (const [i, row] of rows.entries()) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const pdf = await row.render();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (round >= WARMUP) {
      samples[i]!.push(wall);
      cpuSamples[i]!.push((used.user + used.system) / 1000);
    }
    bytes[i] = pdf.length;
  }
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
type Result = { name: string; median: number; p95: number; cpu: number; kB: number };
if (args.out) {
  mkdirSync(args.out, { recursive: true });
  for (const row of rows) writeFileSync(path.join(args.out, `${row.name.replace(/\W+/g, "-")}.pdf`), await row.render());
}
const results: Result[] = rows.map((row, i) => {
  const sorted = samples[i]!.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { name: row.name, median: at(0.5), p95: at(0.95), cpu: median(cpuSamples[i]!), kB: bytes[i]! / 1024 };
});

if (session) {
  const { profile } = await session.post("Profiler.stop");
  const dir = args["cpu-prof"]!;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pdf-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  console.error(`CPU profile: ${file}`);
}

const base = results[0]!;
const cell = (s: string, width: number) => s.padStart(width);
console.log(`\nPDF render, in process, ${RUNS} runs per row after ${WARMUP} warm-up, rows taken in turn (ms)`);
console.log(`first render in the process (fonts read and parsed): ${firstMs.toFixed(1)} ms\n`);
console.log(["document".padEnd(42), cell("median", 8), cell("p95", 8), cell("× base", 8), cell("CPU", 8), cell("× base", 8), cell("kB", 7), "  goal"].join(""));
for (const r of results) {
  const goal = r.name === "application form" ? `  median ≤ ${FORM_GOAL_MS}: ${r.median <= FORM_GOAL_MS ? "PASS" : "FAIL"}` : "";
  console.log(
    [r.name.padEnd(42), cell(r.median.toFixed(2), 8), cell(r.p95.toFixed(2), 8), cell((r.median / base.median).toFixed(2), 8), cell(r.cpu.toFixed(2), 8), cell((r.cpu / base.cpu).toFixed(2), 8), cell(r.kB.toFixed(1), 7), goal].join(""),
  );
}
