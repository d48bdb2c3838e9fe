// The numbers the portal issues, each made from a pattern the administrator sets: which tokens a
// pattern may use, what makes it acceptable, and the number it gives. Pure: the counter's value
// and the year come from the caller (lib/reference/numbering.ts).

export const NUMBERED = {
  /** The application number, issued when a draft is created; one counter per year. */
  APPLICATION: { defaultPattern: "SQ-{YYYY}-{SEQ:4}", counter: "application", tokens: ["YYYY", "SEQ"] },
  /** The centre's recommendation letter (tuijian han), issued when the recommendation is confirmed. */
  RECOMMENDATION_LETTER: { defaultPattern: "TJ-{APP}", counter: "recommendation-letter", tokens: ["YYYY", "SEQ", "APP"] },
} as const satisfies Record<string, { defaultPattern: string; counter: string; tokens: readonly Token[] }>;

export type NumberedThing = keyof typeof NUMBERED;
export const NUMBERED_THINGS = Object.keys(NUMBERED) as NumberedThing[];
type Token = "YYYY" | "SEQ" | "APP";

export const PATTERN_MAX = 40;
const MAX_SEQ_WIDTH = 8;
/** Characters a number may hold besides its tokens: it appears in file names and on letters. */
const LITERAL = /^[A-Za-z0-9_-]*$/;

export type PatternProblem =
  | { code: "EMPTY" }
  | { code: "TOO_LONG"; params: { max: number } }
  | { code: "CHARACTERS" }
  | { code: "UNKNOWN_TOKEN"; params: { token: string } }
  | { code: "SEQ_WIDTH"; params: { max: number } }
  | { code: "TWICE"; params: { token: string } }
  | { code: "NO_SEQUENCE" }
  | { code: "NO_YEAR" };

type Part = { literal: string } | { token: "YYYY" } | { token: "SEQ"; width: number } | { token: "APP" };

/** The pattern's parts, or the first problem with it (the shape it must have for `thing`). */
export function parsePattern(thing: NumberedThing, pattern: string): { parts: Part[] } | { problem: PatternProblem } {
  if (pattern.trim().length === 0) return { problem: { code: "EMPTY" } };
  if (pattern.length > PATTERN_MAX) return { problem: { code: "TOO_LONG", params: { max: PATTERN_MAX } } };
  const parts: Part[] = [];
  const seen = new Set<string>();
  const allowed: readonly string[] = NUMBERED[thing].tokens;
  let rest = pattern;
  while (rest.length) {
    const open = rest.indexOf("{");
    const literal = open === -1 ? rest : rest.slice(0, open);
    if (!LITERAL.test(literal)) return { problem: { code: "CHARACTERS" } };
    if (literal) parts.push({ literal });
    if (open === -1) break;
    const close = rest.indexOf("}", open);
    if (close === -1) return { problem: { code: "CHARACTERS" } };
    const body = rest.slice(open + 1, close);
    rest = rest.slice(close + 1);
    const seq = /^SEQ(?::(\d+))?$/.exec(body);
    const name = seq ? "SEQ" : body;
    if (!allowed.includes(name)) return { problem: { code: "UNKNOWN_TOKEN", params: { token: `{${body}}` } } };
    if (seen.has(name)) return { problem: { code: "TWICE", params: { token: `{${name}}` } } };
    seen.add(name);
    if (seq) {
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (width < 1 || width > MAX_SEQ_WIDTH) return { problem: { code: "SEQ_WIDTH", params: { max: MAX_SEQ_WIDTH } } };
      parts.push({ token: "SEQ", width });
    } else parts.push({ token: name as "YYYY" | "APP" });
  }
  // A number must be told apart from every other: by its own sequence, or by the application it belongs to.
  if (!seen.has("SEQ") && !seen.has("APP")) return { problem: { code: "NO_SEQUENCE" } };
  // The counters start again each year, so a sequence needs the year beside it.
  if (seen.has("SEQ") && !seen.has("YYYY")) return { problem: { code: "NO_YEAR" } };
  return { parts };
}

export const patternProblem = (thing: NumberedThing, pattern: string): PatternProblem | null => {
  const parsed = parsePattern(thing, pattern);
  return "problem" in parsed ? parsed.problem : null;
};

/** Whether the pattern takes a number from the year's counter. */
export const usesSequence = (pattern: string) => /\{SEQ(:\d+)?\}/.test(pattern);

/** The number a (valid) pattern gives for a year, a counter value and, for a letter, its application's number. */
export function renderNumber(thing: NumberedThing, pattern: string, values: { year: string; seq: number; app?: string }): string {
  const parsed = parsePattern(thing, pattern);
  if ("problem" in parsed) throw new Error(`invalid ${thing} pattern: ${parsed.problem.code}`);
  return parsed.parts
    .map((p) => ("literal" in p ? p.literal : p.token === "YYYY" ? values.year : p.token === "SEQ" ? String(values.seq).padStart(p.width, "0") : (values.app ?? "")))
    .join("");
}
