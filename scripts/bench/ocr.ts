// npm run bench:ocr [-- --clean 20 --degraded 10]
// Business licences rendered from known values (scripts/bench/licence-image.ts), clean and
// degraded the ways phone pictures are, read by the portal's OCR path (lib/ocr/engine.ts) on one
// core (the npm script pins it with taskset). Prints each field's accuracy per set, the median
// and 90th-percentile wall time per image, and the median CPU time (the same on a busy machine).
import { LICENCE_FIELDS, type LicenceField } from "@/lib/ocr/licence-fields";
import { degrade, licencePng, sampleLicence as values, type Degradation, type LicenceValues } from "./licence-image";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const CLEAN = arg("clean", 20);
const DEGRADED = arg("degraded", 10);
const DEGRADATIONS: Degradation[] = ["tilt", "rot90", "rot180", "blur", "noise", "photo"];

const expected = (v: LicenceValues): Record<LicenceField, string> => ({
  creditCode: v.creditCode, name: v.name, type: v.type, legalRepName: v.legalRep, foundedOn: v.foundedOn, address: v.address,
});

// Wall time suffers when other work shares the core; the process's CPU time per image does not.
type Tally = { images: number; right: Record<LicenceField, number>; both: number; ms: number[]; cpuMs: number[] };
const tally = (): Tally => ({ images: 0, right: Object.fromEntries(LICENCE_FIELDS.map((f) => [f, 0])) as Record<LicenceField, number>, both: 0, ms: [], cpuMs: [] });

const { readLicenceImage } = await import("@/lib/ocr/engine");
// Loads the models once, outside the timings (the server keeps one engine per process).
await readLicenceImage(await licencePng(values(0)), "image/png").catch(() => undefined);

const sets = new Map<string, Tally>([["clean", tally()], ["degraded", tally()], ...DEGRADATIONS.map((d) => [d, tally()] as [string, Tally])]);
async function measure(seed: number, how: Degradation) {
  const v = values(seed);
  const image = await degrade(await licencePng(v), how, seed);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const fields = await readLicenceImage(image, how === "photo" ? "image/jpeg" : "image/png").then((r) => r.fields).catch(() => ({} as Partial<Record<LicenceField, string>>));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const want = expected(v);
  for (const name of how === "clean" ? ["clean"] : ["degraded", how]) {
    const t = sets.get(name)!;
    t.images += 1;
    t.ms.push(ms);
    t.cpuMs.push(cpuMs);
    for (const f of LICENCE_FIELDS) if (fields[f] === want[f]) t.right[f] += 1;
    if (fields.creditCode === want.creditCode && fields.name === want.name) t.both += 1;
  }
  const wrong = LICENCE_FIELDS.filter((f) => fields[f] !== want[f]);
  if (wrong.length) console.log(`  ${how} #${seed}: ${wrong.map((f) => `${f}=${fields[f] ?? "—"} (want ${want[f]})`).join("; ")}`);
}

for (let i = 1; i <= CLEAN; i += 1) await measure(i, "clean");
console.log(`clean: ${CLEAN} read`);
for (const how of DEGRADATIONS) {
  for (let i = 1; i <= DEGRADED; i += 1) await measure(1000 + i, how);
  console.log(`${how}: ${DEGRADED} read`);
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};
console.log(`\nset        images  ${LICENCE_FIELDS.map((f) => f.padEnd(12)).join(" ")} code+name   median ms  p90 ms  median cpu ms`);
for (const [name, t] of sets) {
  console.log(`${name.padEnd(10)} ${String(t.images).padStart(6)}  ${LICENCE_FIELDS.map((f) => pct(t.right[f], t.images).padEnd(12)).join(" ")} ${pct(t.both, t.images).padEnd(11)} ${quantile(t.ms, 0.5).toFixed(0).padStart(9)} ${quantile(t.ms, 0.9).toFixed(0).padStart(7)} ${quantile(t.cpuMs, 0.5).toFixed(0).padStart(14)}`);
}
console.log(`peak resident memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
