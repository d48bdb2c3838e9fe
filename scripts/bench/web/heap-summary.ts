// npx tsx scripts/bench/web/heap-summary.ts BEFORE.heapsnapshot AFTER.heapsnapshot [--top 25]
// What grew between two V8 heap snapshots (scripts/bench/memory.ts --snapshots): objects counted
// and their own size grouped by constructor (objects, closures, native objects) or by kind
// (strings, arrays, code …), as DevTools' "Comparison" view does, largest growth first. Memory
// kept per request shows as a group whose count grows with the requests served between the two.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};
export type Group = { count: number; bytes: number };

/** Count and own size per group: constructor for objects, closures and native objects, else the kind. */
export function groups(snapshot: Snapshot): Map<string, Group> {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf("type"), fields.indexOf("name"), fields.indexOf("self_size")];
  const out = new Map<string, Group>();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!]!;
    const key = type === "object" || type === "closure" || type === "native" ? `${type} ${strings[nodes[i + nameAt]!]!.slice(0, 60)}` : `(${type})`;
    const group = out.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += nodes[i + sizeAt]!;
    out.set(key, group);
  }
  return out;
}

export type Growth = { key: string; before: Group; after: Group };

/** The groups whose own size changed, largest growth first. */
export function compare(before: Map<string, Group>, after: Map<string, Group>): Growth[] {
  const none = { count: 0, bytes: 0 };
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => ({ key, before: before.get(key) ?? none, after: after.get(key) ?? none }))
    .filter((g) => g.after.bytes !== g.before.bytes || g.after.count !== g.before.count)
    .sort((a, b) => b.after.bytes - b.before.bytes - (a.after.bytes - a.before.bytes));
}

const total = (m: Map<string, Group>) => [...m.values()].reduce((s, g) => ({ count: s.count + g.count, bytes: s.bytes + g.bytes }), { count: 0, bytes: 0 });

if (process.argv[1]?.endsWith("heap-summary.ts")) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" } } });
  const [beforeFile, afterFile] = positionals;
  if (!beforeFile || !afterFile) throw new Error("usage: heap-summary.ts BEFORE.heapsnapshot AFTER.heapsnapshot");
  const load = (file: string) => groups(JSON.parse(readFileSync(file, "utf8")) as Snapshot);
  const before = load(beforeFile);
  const after = load(afterFile);
  const kB = (n: number) => (n / 1024).toFixed(0);
  const [tb, ta] = [total(before), total(after)];
  console.log(`all objects: ${tb.count} → ${ta.count} (${kB(tb.bytes)} kB → ${kB(ta.bytes)} kB)\n`);
  console.log("| group | count before | count after | kB before | kB after | Δ kB |");
  console.log("|---|---|---|---|---|---|");
  for (const g of compare(before, after).slice(0, Number(values.top))) {
    console.log(`| ${g.key.replaceAll("|", "\\|")} | ${g.before.count} | ${g.after.count} | ${kB(g.before.bytes)} | ${kB(g.after.bytes)} | ${kB(g.after.bytes - g.before.bytes)} |`);
  }
}
