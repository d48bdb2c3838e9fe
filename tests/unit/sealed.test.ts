import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readKeyring } from "@/lib/personal-data/keys";
import { blindIndex, seal, sealedKeyId, unseal } from "@/lib/personal-data/sealed";

const key = () => randomBytes(32).toString("base64");
const ring = (keys: string, blind = key()) => readKeyring({ NODE_ENV: "production", DATA_KEYS: keys, BLIND_INDEX_KEY: blind });

describe("sealed personal data", () => {
  const k1 = `k1:${key()}`;
  const k2 = `k2:${key()}`;
  const one = ring(k1);

  it("opens what it sealed, and never seals the same value twice alike", () => {
    const a = seal("110105198203150017", "ApplicantProfile.idNumber", one);
    const b = seal("110105198203150017", "ApplicantProfile.idNumber", one);
    expect(a).not.toBe(b);
    expect(a).not.toContain("110105");
    expect(sealedKeyId(a)).toBe("k1");
    expect(unseal(a, "ApplicantProfile.idNumber", one)).toBe("110105198203150017");
    expect(unseal(seal("开户行 6228 4800", "Loan.accountNo", one), "Loan.accountNo", one)).toBe("开户行 6228 4800");
  });

  it("refuses a value moved to another column, altered, or sealed under a key not listed", () => {
    const sealed = seal("13800000001", "User.mobile", one);
    expect(() => unseal(sealed, "ApplicantProfile.mobile", one)).toThrow();
    const [id, iv, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => unseal(`${id}.${iv}.${flipped.toString("base64url")}`, "User.mobile", one)).toThrow();
    expect(() => unseal(sealed, "User.mobile", ring(k2))).toThrow(/key "k1", which is not in DATA_KEYS/);
  });

  it("keeps opening under an older key listed after the current one, and seals under the first", () => {
    const old = seal("13800000002", "User.mobile", one);
    const rotated = ring(`${k2},${k1}`);
    expect(unseal(old, "User.mobile", rotated)).toBe("13800000002");
    expect(sealedKeyId(seal("13800000002", "User.mobile", rotated))).toBe("k2");
  });

  it("gives a keyed look-up index: stable per key and field, different under another key or field", () => {
    const blind = key();
    const a = ring(k1, blind);
    const b = ring(k2, blind);
    expect(blindIndex("13800000001", "User.mobile", a)).toBe(blindIndex("13800000001", "User.mobile", b));
    expect(blindIndex("13800000001", "User.mobile", a)).not.toBe(blindIndex("13800000002", "User.mobile", a));
    expect(blindIndex("13800000001", "User.mobile", a)).not.toBe(blindIndex("13800000001", "ApplicantProfile.mobile", a));
    expect(blindIndex("13800000001", "User.mobile", a)).not.toBe(blindIndex("13800000001", "User.mobile", ring(k1)));
  });

  it("reads the keys an operator set, and says what is wrong with bad ones", () => {
    expect(() => readKeyring({ NODE_ENV: "production", DATA_KEYS: undefined, BLIND_INDEX_KEY: undefined })).toThrow(/DATA_KEYS must be set/);
    expect(() => ring(k1, "c2hvcnQ=")).toThrow(/BLIND_INDEX_KEY: each key must be 32 random bytes/);
    expect(() => ring("k1:c2hvcnQ=")).toThrow(/each key must be 32 random bytes/);
    expect(() => ring(`${k1},${k1}`)).toThrow(/listed twice/);
    expect(() => ring(`dev:${key()}`)).toThrow(/not a key id/);
    expect(() => ring(`Bad Id:${key()}`)).toThrow(/not a key id/);
    const development = readKeyring({ NODE_ENV: "development", DATA_KEYS: undefined, BLIND_INDEX_KEY: undefined });
    expect(development.development).toBe(true);
    expect(ring(k1).development).toBe(false);
  });
});
