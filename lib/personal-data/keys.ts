import { createHash } from "node:crypto";

// The keys that seal personal data in the database. DATA_KEYS lists "id:base64" pairs, comma
// separated: the first seals, every one listed opens (so a key can be rotated out: add the new
// one first, run `npm run data-keys -- rotate`, then drop the old one). BLIND_INDEX_KEY makes the
// keyed look-up values (a mobile number's index) and never leaves the server either.

export const KEY_BYTES = 32;
const KEY_ID = /^[a-z0-9-]{1,16}$/;

/** The settings the keys come from (a slice of the parsed environment, lib/env.ts). */
export type KeySettings = { NODE_ENV: "development" | "production" | "test"; DATA_KEYS?: string; BLIND_INDEX_KEY?: string };

export type DataKey = { id: string; key: Buffer };
export type DataKeyring = { current: DataKey; byId: ReadonlyMap<string, Buffer>; blindIndexKey: Buffer; development: boolean };

// Outside production, a fixed key stands in when none is configured, so a developer's machine
// and the tests run without set-up. It is public: production refuses to start on it.
const DEVELOPMENT_ID = "dev";
const developmentKey = (purpose: string): Buffer => createHash("sha256").update(`nuan-chuangdai development ${purpose} key`).digest();

function decodeKey(text: string, name: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES) throw new Error(`${name}: each key must be ${KEY_BYTES} random bytes in base64 (openssl rand -base64 32)`);
  return key;
}

/** Reads the keys from the parsed environment; throws with an operator's message when malformed. */
export function readKeyring(e: KeySettings): DataKeyring {
  const listed = e.DATA_KEYS?.trim();
  const blind = e.BLIND_INDEX_KEY?.trim();
  if (!listed && !blind && e.NODE_ENV !== "production") {
    const key = developmentKey("data");
    return { current: { id: DEVELOPMENT_ID, key }, byId: new Map([[DEVELOPMENT_ID, key]]), blindIndexKey: developmentKey("blind index"), development: true };
  }
  if (!listed) throw new Error("DATA_KEYS must be set: id:base64-key[,older-id:base64-key] (openssl rand -base64 32 makes a key)");
  if (!blind) throw new Error("BLIND_INDEX_KEY must be set to 32 random bytes in base64 (openssl rand -base64 32)");
  const keys = listed.split(",").map((pair) => {
    const at = pair.indexOf(":");
    const id = pair.slice(0, at).trim();
    if (at < 1 || !KEY_ID.test(id) || id === DEVELOPMENT_ID) throw new Error(`DATA_KEYS: "${id || pair.slice(0, 8)}" is not a key id (1–16 of a–z, 0–9, -; not "${DEVELOPMENT_ID}")`);
    return { id, key: decodeKey(pair.slice(at + 1), "DATA_KEYS") };
  });
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  if (byId.size !== keys.length) throw new Error("DATA_KEYS: a key id is listed twice");
  return { current: keys[0]!, byId, blindIndexKey: decodeKey(blind, "BLIND_INDEX_KEY"), development: false };
}

/** Why the configured keys cannot be used, or null. */
export function dataKeysProblem(e: KeySettings): string | null {
  try {
    readKeyring(e);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
