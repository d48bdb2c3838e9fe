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
import { creditCodeCheckChar } from "@/lib/validation/identity";

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

function randomIndex(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}
const pick = <T>(r: (n: number) => number, list: readonly T[]): T => list[r(list.length)]!;

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WORDS = ["暖心", "创新", "鑫源", "华泰", "博远", "嘉禾", "鼎盛", "明德", "同心", "瑞丰", "恒通", "新航"];
const TRADES = ["信息咨询", "餐饮管理", "科技", "商贸", "文化传媒", "建筑装饰", "物流", "教育咨询", "家政服务", "电子商务"];
const TYPES = ["有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "个人独资企业", "有限责任公司（法人独资）"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳"];
const GIVEN = ["晓明", "伟", "芳", "建国", "丽娟", "志强", "静", "海燕", "子涵", "国庆"];
const DISTRICTS = ["海淀区中关村大街", "朝阳区望京街", "东城区东直门南大街", "丰台区南四环西路", "通州区新华大街", "昌平区回龙观西大街"];

/** Made-up but well-formed licence values, the same for the same seed. */
export function sampleLicence(seed: number): LicenceValues {
  const r = randomIndex(seed * 7919 + 17);
  let body = "";
  for (let i = 0; i < 9; i += 1) body += ALPHABET[r(ALPHABET.length)];
  const first17 = `${pick(r, ["91", "92", "93"])}${pick(r, ["110101", "110105", "110108", "110114"])}${body}`;
  return {
    creditCode: first17 + creditCodeCheckChar(first17),
    name: `北京${pick(r, WORDS)}${pick(r, TRADES)}有限公司`,
    type: pick(r, TYPES),
    legalRep: pick(r, SURNAMES) + pick(r, GIVEN),
    capital: pick(r, ["壹佰万元整", "伍拾万元整", "叁拾万元整"]),
    foundedOn: `${2008 + r(17)}-${String(1 + r(12)).padStart(2, "0")}-${String(1 + r(28)).padStart(2, "0")}`,
    address: `北京市${pick(r, DISTRICTS)}${1 + r(200)}号${1 + r(9)}单元${100 + r(1500)}室`,
    scope: "信息咨询；企业管理咨询；技术服务、技术开发。",
  };
}
