// What a route's client components translate with: the files a page (or layout) reaches through
// its imports, and the `useTranslations("…")` namespaces in them. Reaching a module counts, used
// or not, so the answer can be larger than what a page renders, never smaller.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const IMPORT = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base || base.includes(`${path.sep}generated${path.sep}`)) return null;
  for (const candidate of [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts"), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every local source file `entry` reaches through static or dynamic imports, itself included. */
export function reachedFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const next = resolveImport(file, (m[1] ?? m[2])!);
      if (next && !seen.has(next) && !/\.type-only$/.test(next)) stack.push(next);
    }
  }
  return seen;
}

/** The namespaces `useTranslations` is called with in a file ("" for the whole catalogue). */
export function namespacesIn(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)].map((m) => m[1] ?? "");
}

/** The namespaces the client components a route file reaches translate with, sorted. */
export function clientNamespacesOf(entry: string): string[] {
  const used = new Set<string>();
  for (const file of reachedFiles(entry)) for (const ns of namespacesIn(file)) used.add(ns);
  return [...used].sort();
}

/** The namespaces a route file hands to `<ClientMessages namespaces={[…]}>`, in order of appearance. */
export function declaredNamespaces(entry: string): string[] | null {
  const blocks = [...readFileSync(entry, "utf8").matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)];
  if (!blocks.length) return null;
  return blocks.flatMap((b) => [...b[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
}

/**
 * The messages ("auth.sendCode") the files translate with in one namespace. A translator used any
 * other way than with a literal key (a key in a variable, `t.rich`, `t.has`) makes the answer
 * unknowable, and this throws.
 */
export function messagesUsedIn(files: Iterable<string>, namespace: string): string[] {
  const used = new Set<string>();
  const quoted = namespace.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(new RegExp(`(\\w+)\\s*=\\s*useTranslations\\(\\s*"${quoted}"\\s*\\)`, "g"))) {
      const t = m[1]!;
      for (const call of text.matchAll(new RegExp(`(?<![\\w.$'’])${t}\\b(?!\\s*=\\s*useTranslations)(\\s*\\(\\s*"([^"]+)"\\s*[,)])?`, "g"))) {
        if (!call[2]) throw new Error(`${file}: ${t} is used other than as ${t}("key")`);
        used.add(`${namespace}.${call[2]}`);
      }
    }
  }
  return [...used].sort();
}
