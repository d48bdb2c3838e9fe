import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/architecture.md's table of lib/ modules is the whiteboard: this reads it and holds it
// against the tree, so the two cannot drift apart.
const ROOT = process.cwd();
const BASE = ["actions", "audit", "auth", "calendar", "db", "env", "errors", "generated", "http", "i18n", "ids", "logger", "money", "personal-data", "validation"];

type Row = { module: string; base: boolean; named: string[] };

function tableRows(): Row[] {
  const doc = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
  return [...doc.matchAll(/^\| `lib\/([a-z0-9-]+)` \| [^|]+ \| ([^|]+) \|$/gm)].map(([, module, imports]) => ({
    module: module!,
    base: /(^|,\s*)base\b/.test(imports!),
    named: [...imports!.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!),
  }));
}

const moduleOf = (file: string): string => path.relative(path.join(ROOT, "lib"), file).split(path.sep)[0]!.replace(/\.tsx?$/, "");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Every lib/ module and the other lib/ modules its files import. */
function importsByModule(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>([["generated", new Set()]]);
  for (const file of sources(path.join(ROOT, "lib"))) {
    const from = moduleOf(file);
    const into = graph.get(from) ?? new Set<string>();
    graph.set(from, into);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"@\/lib\/([a-z0-9-]+)/g)) {
      if (m[1] !== from) into.add(m[1]!);
    }
  }
  return graph;
}

describe("the module table of docs/architecture.md", () => {
  const rows = tableRows();
  const graph = importsByModule();

  it("is read (the check can fail)", () => {
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.find((r) => r.module === "money")).toEqual({ module: "money", base: false, named: [] });
  });

  it("names every module of the tree once, and only those", () => {
    expect(rows.map((r) => r.module).sort()).toEqual([...graph.keys()].sort());
  });

  it("names, for each module, exactly the modules it imports beyond the base it may use", () => {
    const drift = rows.flatMap((row) => {
      const actual = graph.get(row.module) ?? new Set<string>();
      const allowed = new Set([...row.named, ...(row.base ? BASE : [])]);
      const undeclared = [...actual].filter((m) => !allowed.has(m)).map((m) => `lib/${row.module} imports ${m}, which its row does not name`);
      const unused = row.named.filter((m) => !actual.has(m)).map((m) => `lib/${row.module} names ${m}, which it does not import`);
      return [...undeclared, ...unused];
    });
    expect(drift).toEqual([]);
  });
});
