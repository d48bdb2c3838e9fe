// Business-licence images made from known values, for the OCR benchmark and the integration
// tests: a licence page drawn with pdfkit in the CJK font the PDFs use, rasterised by pdftoppm
// (poppler-utils), then optionally degraded like a phone photograph.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import sharp from "sharp";

export type LicenceValues = {
  creditCode: string;
  name: string;
  type: string;
  legalRep: string;
  capital: string;
  foundedOn: string; // YYYY-MM-DD
  address: string;
  scope: string;
};

export type Degradation = "clean" | "tilt" | "rot90" | "rot180" | "blur" | "noise" | "photo";

const require = createRequire(import.meta.url);
const FONT = path.join(path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json")), "400Regular/NotoSansSC_400Regular.ttf");
const FONT_BOLD = path.join(path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json")), "700Bold/NotoSansSC_700Bold.ttf");

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${String(m).padStart(2, "0")}月${String(d).padStart(2, "0")}日`;
}

export async function licencePdf(values: LicenceValues): Promise<Buffer> {
  const doc = new PDFDocument({ size: [842, 595], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("cjk", FONT).registerFont("bold", FONT_BOLD);
  doc.rect(20, 20, 802, 555).lineWidth(3).stroke("#b8860b");
  doc.font("bold").fontSize(40).fillColor("#1f1f1f").text("营 业 执 照", 0, 50, { width: 842, align: "center" });
  doc.font("cjk").fontSize(13).text(`统一社会信用代码  ${values.creditCode}`, 60, 60);
  const rows: [string, string][] = [
    ["名　　称", values.name],
    ["类　　型", values.type],
    ["法定代表人", values.legalRep],
    ["注册资本", values.capital],
    ["成立日期", chineseDate(values.foundedOn)],
    ["住　　所", values.address],
    ["经营范围", values.scope],
  ];
  let y = 150;
  for (const [label, value] of rows) {
    doc.font("cjk").fontSize(15).text(label, 90, y, { width: 110 });
    doc.text(value, 210, y, { width: 560 });
    y += Math.max(36, doc.heightOfString(value, { width: 560 }) + 18);
  }
  doc.fontSize(12).text("登记机关（盖章）", 600, 520);
  doc.end();
  return done;
}

/** PNG bytes of the licence at `dpi` (the page is A4 landscape). */
export async function licencePng(values: LicenceValues, dpi = 110): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), "licence-"));
  try {
    writeFileSync(path.join(dir, "l.pdf"), await licencePdf(values));
    execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-singlefile", path.join(dir, "l.pdf"), path.join(dir, "l")]);
    return readFileSync(path.join(dir, "l.png"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A small deterministic generator so the degraded sets are the same on every run.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function degrade(png: Buffer, how: Degradation, seed = 1): Promise<Buffer> {
  const white = { r: 255, g: 255, b: 255, alpha: 1 };
  const rnd = random(seed);
  switch (how) {
    case "clean":
      return png;
    case "tilt":
      return sharp(png).rotate((rnd() < 0.5 ? -1 : 1) * (2 + rnd() * 3), { background: white }).png().toBuffer();
    case "rot90":
      return sharp(png).rotate(90).png().toBuffer();
    case "rot180":
      return sharp(png).rotate(180).png().toBuffer();
    case "blur":
      return sharp(png).blur(1.2).png().toBuffer();
    case "noise": {
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      for (let i = 0; i < data.length; i += 1) data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + Math.round((rnd() - 0.5) * 90)));
      return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).png().toBuffer();
    }
    case "photo": {
      // Low contrast on a warm grey, slightly tilted and soft, JPEG-compressed: a phone picture.
      const tilted = await sharp(png).rotate(1.5 + rnd() * 2, { background: { r: 200, g: 190, b: 170, alpha: 1 } }).toBuffer();
      return sharp(tilted).linear(0.55, 70).tint({ r: 230, g: 215, b: 190 }).blur(0.8).jpeg({ quality: 55 }).toBuffer();
    }
  }
}
