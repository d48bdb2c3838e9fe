import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ERROR_CODES, ERROR_TABLE, ERRORS_NAMESPACE, httpStatusOf, isAppErrorCode, messageKeyOf } from "@/lib/errors";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";

const catalogues = { "zh-CN": zhCN, en } as Record<string, Record<string, unknown>>;

const messageIn = (catalogue: Record<string, unknown>, key: string): unknown =>
  [ERRORS_NAMESPACE, ...key.split(".")].reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), catalogue);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("the error table", () => {
  it("gives every code an HTTP error status and a message in both languages", () => {
    expect(APP_ERROR_CODES.length).toBeGreaterThanOrEqual(16);
    for (const code of APP_ERROR_CODES) {
      const status = httpStatusOf(code);
      expect(Number.isInteger(status) && status >= 400 && status <= 599, `${code} → ${status}`).toBe(true);
      for (const [locale, catalogue] of Object.entries(catalogues)) {
        const message = messageIn(catalogue, messageKeyOf(code));
        expect(typeof message === "string" && message.trim().length > 0, `${locale}: errors.${messageKeyOf(code)}`).toBe(true);
      }
    }
  });

  it("maps the codes a route handler answers to their statuses", () => {
    expect(httpStatusOf("UNAUTHENTICATED")).toBe(401);
    expect(httpStatusOf("FORBIDDEN")).toBe(403);
    expect(httpStatusOf("NOT_FOUND")).toBe(404);
    expect(httpStatusOf("BAD_REQUEST")).toBe(400);
    expect(httpStatusOf("VALIDATION")).toBe(400);
    expect(httpStatusOf("CONFLICT")).toBe(409);
    expect(httpStatusOf("TOO_LARGE")).toBe(413);
    expect(httpStatusOf("UNEXPECTED")).toBe(500);
    expect(isAppErrorCode("NOT_FOUND")).toBe(true);
    expect(isAppErrorCode("toString")).toBe(false);
  });

  it("has no error message in the catalogues that no code points to (but the nested groups)", () => {
    const keys = new Set<string>(Object.values(ERROR_TABLE).map((e) => e.message));
    for (const catalogue of Object.values(catalogues)) {
      const flat = Object.entries(catalogue[ERRORS_NAMESPACE] as Record<string, unknown>).filter(([, v]) => typeof v === "string").map(([k]) => k);
      const orphans = flat.filter((k) => !keys.has(k));
      expect(orphans).toEqual([]);
    }
  });

  it("is the only way out of a route handler: no handler under app/api builds its own error response", () => {
    const handlers = sources(path.join(process.cwd(), "app/api")).filter((f) => f.endsWith("route.ts") && !f.includes("[...nextauth]"));
    expect(handlers.length).toBeGreaterThan(15);
    for (const file of handlers) {
      const text = readFileSync(file, "utf8");
      expect(text, file).toMatch(/= route(<[^\n]*>)?\(/);
      expect(text, file).not.toMatch(/status:\s*4\d\d|status:\s*5\d\d|currentActor\(/);
    }
  });
});
