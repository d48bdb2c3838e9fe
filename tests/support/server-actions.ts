import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Finds the modules Next compiles into server actions: every source file whose first statement
// is the "use server" directive. (Inline "use server" functions are not used in this tree; the
// action matrix test fails if one appears.)

const ROOTS = ["app", "lib", "components"];
const SKIP = new Set(["generated", "node_modules"]);

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
}

export function sourceFiles(root = process.cwd()): string[] {
  const out: string[] = [];
  for (const r of ROOTS) walk(path.join(root, r), out);
  return out;
}

const DIRECTIVE = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/;

export const isServerActionModule = (source: string): boolean => DIRECTIVE.test(source);

/** Files whose directive makes every export a server action. */
export function serverActionModules(root = process.cwd()): string[] {
  return sourceFiles(root).filter((f) => isServerActionModule(readFileSync(f, "utf8")));
}

/** Files that declare an action inline (a "use server" inside a function body). */
export function inlineServerActions(root = process.cwd()): string[] {
  return sourceFiles(root).filter((f) => {
    const s = readFileSync(f, "utf8");
    return !isServerActionModule(s) && /["']use server["']/.test(s);
  });
}
