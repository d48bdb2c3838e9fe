// Reading a business licence (yingye zhizhao) from OCR lines: pure, so every layout and confusion is
// unit-tested without the engine. A licence prints labels followed by their values; the engine
// returns either "label value" on one line or the label and the value as separate boxes on the
// same row (a tilted photograph), so boxes are first joined into rows by their height on the page.
import { creditCodeCheckChar, idNumberCheckChar } from "@/lib/validation/identity";
// The labels a licence prints (in Chinese, as the State Administration for Market Regulation sets
// them) are the input's format, not words for a reader: they live in a data file beside this one.
import printed from "@/lib/ocr/licence-labels.json";

export type OcrPoint = [number, number];
export type OcrLine = { text: string; mean: number; box?: OcrPoint[] };

export type LicenceField = "creditCode" | "name" | "type" | "legalRepName" | "foundedOn" | "address";
export const LICENCE_FIELDS: readonly LicenceField[] = ["creditCode", "name", "type", "legalRepName", "foundedOn", "address"];

export type LicenceReading = {
  fields: Partial<Record<LicenceField, string>>;
  /** The credit code as read when no reading of it passes its check character. */
  creditCodeUnchecked?: string;
  /** How many licence labels were found: 0 means the page is not a licence the right way up. */
  labelsFound: number;
};

// Labels are printed spread out, so any spacing may sit between their characters. Two-character
// labels are spread the widest: the engine sometimes reads a stray mark in the gap, so one
// character is allowed there.
const spread = (label: string): string => {
  const chars = Array.from(label);
  return chars.length === 2 ? `${chars[0]}\\s*\\S?\\s*${chars[1]}` : chars.join("\\s*");
};
const anyOf = (labels: readonly string[]): string => `(${labels.map(spread).join("|")})`;
const COLON = "\\s*[:：]?\\s*";

const LABELS: Record<Exclude<LicenceField, "creditCode">, RegExp> = {
  name: new RegExp(`^${anyOf(printed.fields.name)}${COLON}`),
  type: new RegExp(`^${anyOf(printed.fields.type)}${COLON}`),
  legalRepName: new RegExp(`^${anyOf(printed.fields.legalRepName)}${COLON}`),
  foundedOn: new RegExp(`^${anyOf(printed.fields.foundedOn)}${COLON}`),
  address: new RegExp(`^${anyOf(printed.fields.address)}${COLON}`),
};
const CREDIT_LABEL = new RegExp(`${anyOf(printed.creditCode)}${COLON}`);
const OTHER_LABELS = new RegExp(`^${anyOf(printed.other)}`);
// A date as printed: year, month and day, marked by the licence's own characters or by - . /
const PRINTED_DATE = new RegExp(`(\\d{4})\\s*[${printed.dateMarks.year}\\-./]\\s*(\\d{1,2})\\s*[${printed.dateMarks.month}\\-./]\\s*(\\d{1,2})`);

const height = (box: OcrPoint[]) => Math.max(...box.map((p) => p[1])) - Math.min(...box.map((p) => p[1]));
const width = (box: OcrPoint[]) => Math.max(...box.map((p) => p[0])) - Math.min(...box.map((p) => p[0]));

/** The height of a line's box along its own left edge (the page's axes would add the tilt). */
function lineHeight(box: OcrPoint[]): number {
  const [first, , , last] = box;
  return first && last ? Math.hypot(last[0] - first[0], last[1] - first[1]) : height(box);
}

/** The page's tilt: the median slope of the top edges of the wide boxes (a box's points start top left, then top right). */
function skew(boxes: OcrPoint[][]): number {
  const slopes = boxes
    .filter((b) => b.length >= 2 && width(b) > 3 * height(b))
    .map((b) => Math.atan2(b[1]![1] - b[0]![1], b[1]![0] - b[0]![0]))
    .sort((a, b) => a - b);
  return slopes.length ? slopes[Math.floor(slopes.length / 2)]! : 0;
}

/**
 * Boxes whose centres lie within about half a line of each other, measured across the page's
 * tilt, form one row, read left to right (a tilted photo puts a label and its value at different
 * heights of the picture).
 */
export function joinRows(lines: OcrLine[]): string[] {
  const boxed = lines.filter((l) => l.box && l.box.length > 0);
  if (boxed.length < lines.length) return lines.map((l) => l.text.trim());
  const angle = skew(boxed.map((l) => l.box!));
  const [sin, cos] = [Math.sin(angle), Math.cos(angle)];
  const placed = boxed.map((line) => {
    const cx = line.box!.reduce((sum, p) => sum + p[0], 0) / line.box!.length;
    const cy = line.box!.reduce((sum, p) => sum + p[1], 0) / line.box!.length;
    // Turned back by the tilt: `along` runs with the printed lines, `across` down the page.
    return { line, along: cx * cos + cy * sin, across: cy * cos - cx * sin, size: lineHeight(line.box!) };
  });
  placed.sort((a, b) => a.across - b.across);
  const rows: (typeof placed)[] = [];
  for (const item of placed) {
    const row = rows.at(-1);
    const anchor = row?.[0];
    if (row && anchor && Math.abs(anchor.across - item.across) < Math.max(anchor.size, item.size) * 0.6) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => row.sort((a, b) => a.along - b.along).map((p) => p.line.text.trim()).join(" "));
}

// OCR swaps these shapes; GB 32100 has no I, O, Z, S or V, so those always mean the digit, and
// the pairs below are tried one at a time until the check character agrees.
const ALWAYS: Record<string, string> = { O: "0", I: "1", Z: "2", S: "5", V: "U" };
const SWAPS: Record<string, string[]> = {
  "0": ["D", "Q"], D: ["0"], Q: ["0"], "1": ["L", "T"], L: ["1"], T: ["1", "7"], "7": ["T"],
  "8": ["B"], B: ["8"], "6": ["G"], G: ["6"], "4": ["A"], A: ["4"],
};
const CREDIT_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
// The category (2nd) and the region code (3rd to 8th) are digits only.
const DIGITS_ONLY = (index: number) => index >= 1 && index <= 7;
const AS_DIGIT: Record<string, string> = { B: "8", G: "6", D: "0", Q: "0", T: "1", L: "1", A: "4" };

function passes(code: string): boolean {
  return CREDIT_SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/**
 * The credit code meant by an OCR reading: itself when it passes the GB 32100 check; else the one
 * reading that passes after changing a single commonly confused character. Two or more such
 * readings are ambiguous and give null, like none.
 */
export function repairCreditCode(raw: string): string | null {
  const code = Array.from(raw.toUpperCase().replace(/[\s\-—_.·]/g, ""), (c, index) => {
    const plain = ALWAYS[c] ?? c;
    return DIGITS_ONLY(index) ? (AS_DIGIT[plain] ?? plain) : plain;
  }).join("");
  if (code.length !== 18) return null;
  if (passes(code)) return code;
  const found = new Set<string>();
  for (let index = 0; index < 18; index += 1) {
    if (DIGITS_ONLY(index)) continue;
    for (const other of SWAPS[code.charAt(index)] ?? []) {
      const candidate = code.slice(0, index) + other + code.slice(index + 1);
      if (passes(candidate)) found.add(candidate);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** An ID card number (GB 11643) the same way: the check digit decides between X and the digits. */
export function repairIdNumber(raw: string): string | null {
  const value = raw.toUpperCase().replace(/\s/g, "").replace(/[×Ⅹx]/g, "X").replace(/O/g, "0");
  if (!/^\d{17}[\dX]$/.test(value)) return null;
  return idNumberCheckChar(value.slice(0, 17)) === value.charAt(17) ? value : null;
}

function foundedOn(value: string): string | undefined {
  const m = PRINTED_DATE.exec(value.replace(/[Oo]/g, "0"));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1949) return undefined;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Chinese values carry no spaces: the engine's gaps next to a Chinese character are dropped.
const tidy = (value: string) =>
  value.replace(/[(（]/g, "（").replace(/[)）]/g, "）").replace(/\s+/g, " ").replace(/\s(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s/g, "").trim();

export function readLicence(lines: OcrLine[]): LicenceReading {
  const rows = joinRows(lines);
  const fields: LicenceReading["fields"] = {};
  let labelsFound = 0;
  let creditCodeUnchecked: string | undefined;

  // The code: after its label when there is one, else any 18-character run that passes.
  const codeCandidates: string[] = [];
  for (const row of rows) {
    const labelled = CREDIT_LABEL.exec(row);
    if (labelled) {
      labelsFound += 1;
      const after = row.slice(labelled.index + labelled[0].length).replace(/\s/g, "");
      codeCandidates.unshift(...(after.match(/[0-9A-Z]{18}/g) ?? []), after.slice(0, 18));
    }
    codeCandidates.push(...(row.replace(/\s/g, "").toUpperCase().match(/[0-9A-Z]{18}/g) ?? []));
  }
  for (const candidate of codeCandidates) {
    const repaired = repairCreditCode(candidate);
    if (repaired) {
      fields.creditCode = repaired;
      break;
    }
  }
  if (!fields.creditCode && codeCandidates[0]) creditCodeUnchecked = codeCandidates[0];

  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    for (const [field, label] of Object.entries(LABELS) as [keyof typeof LABELS, RegExp][]) {
      const m = label.exec(row);
      if (!m) continue;
      labelsFound += 1;
      if (fields[field]) break;
      // A label alone on its row has its value on the next row (a narrow or tilted layout).
      let value = row.slice(m[0].length).trim();
      const next = rows[index + 1];
      if (!value && next && !OTHER_LABELS.test(next) && !Object.values(LABELS).some((l) => l.test(next))) value = next.trim();
      const clean = field === "foundedOn" ? foundedOn(value) : tidy(value);
      if (clean) fields[field] = field === "legalRepName" || field === "name" ? clean.replace(/\s/g, "") : clean;
      break;
    }
    if (OTHER_LABELS.test(row)) labelsFound += 1;
  }
  return { fields, labelsFound, ...(creditCodeUnchecked ? { creditCodeUnchecked } : {}) };
}
