import { randomInt } from "node:crypto";
import { creditCodeCheckChar, idNumberCheckChar } from "@/lib/validation/identity";

// Fresh, checksum-valid identifiers for tests. With a seed the output is reproducible (handy for
// a failing property); without one it comes from the OS random source, so parallel test runs
// do not collide.

type Random = (exclusiveMax: number) => number;

const REGIONS = ["110101", "110105", "110108", "110114", "120101", "310104", "320102", "440305", "510107", "610113"];
const CREDIT_PREFIXES = ["91", "92", "93", "51", "52", "12"];
const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_BIRTH_DAY = Date.UTC(1950, 0, 1) / DAY_MS;
const LAST_BIRTH_DAY = Date.UTC(2006, 11, 31) / DAY_MS;

export function makeIdNumber(seed?: number): string {
  const random = makeRandom(seed);
  const region = pick(REGIONS, random);
  const birthDay = FIRST_BIRTH_DAY + random(LAST_BIRTH_DAY - FIRST_BIRTH_DAY + 1);
  const birth = new Date(birthDay * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  const sequence = String(random(1000)).padStart(3, "0");
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

export function makeCreditCode(seed?: number): string {
  const random = makeRandom(seed);
  let body = "";
  for (let index = 0; index < 9; index += 1) body += pick(CREDIT_ALPHABET, random);
  const first17 = `${pick(CREDIT_PREFIXES, random)}${pick(REGIONS, random)}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

export function makeMobile(seed?: number): string {
  const random = makeRandom(seed);
  return `1${3 + random(7)}${String(random(1_000_000_000)).padStart(9, "0")}`;
}

function pick(options: readonly string[] | string, random: Random): string {
  return options[random(options.length)] ?? "";
}

function makeRandom(seed: number | undefined): Random {
  if (seed === undefined) return (exclusiveMax) => randomInt(exclusiveMax);
  // mulberry32: tiny, good enough for test data, and identical on every platform.
  let state = seed >>> 0;
  return (exclusiveMax) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    return Math.floor(unit * exclusiveMax);
  };
}
