import { describe, expect, it } from "vitest";
import { NUMBERED, patternProblem, renderNumber } from "@/lib/reference/numbering-rules";

describe("numbering patterns", () => {
  it("the defaults give the numbers the portal has always issued", () => {
    expect(renderNumber("APPLICATION", NUMBERED.APPLICATION.defaultPattern, { year: "2026", seq: 5 })).toBe("SQ-2026-0005");
    expect(renderNumber("APPLICATION", NUMBERED.APPLICATION.defaultPattern, { year: "2026", seq: 12345 })).toBe("SQ-2026-12345");
    expect(renderNumber("RECOMMENDATION_LETTER", NUMBERED.RECOMMENDATION_LETTER.defaultPattern, { year: "2026", seq: 0, app: "SQ-2026-0005" })).toBe("TJ-SQ-2026-0005");
  });

  it("renders each token where it stands", () => {
    expect(renderNumber("APPLICATION", "{SEQ:6}_{YYYY}", { year: "2027", seq: 42 })).toBe("000042_2027");
    expect(renderNumber("RECOMMENDATION_LETTER", "TJ{YYYY}-{SEQ:3}", { year: "2027", seq: 7 })).toBe("TJ2027-007");
    expect(renderNumber("APPLICATION", "A{YYYY}{SEQ}", { year: "2027", seq: 7 })).toBe("A20277");
  });

  it("judges each pattern by the shape its thing needs", () => {
    expect(patternProblem("APPLICATION", "SQ-{YYYY}-{SEQ:4}")).toBeNull();
    expect(patternProblem("RECOMMENDATION_LETTER", "TJ-{APP}")).toBeNull();
    expect(patternProblem("APPLICATION", " ")?.code).toBe("EMPTY");
    expect(patternProblem("APPLICATION", "SQ-{YYYY}")?.code).toBe("NO_SEQUENCE");
    expect(patternProblem("APPLICATION", "SQ-{SEQ:4}")?.code).toBe("NO_YEAR");
    expect(patternProblem("APPLICATION", "SQ/{YYYY}/{SEQ:4}")?.code).toBe("CHARACTERS");
    expect(patternProblem("APPLICATION", "SQ-{YYYY-{SEQ:4}")?.code).toBe("UNKNOWN_TOKEN");
    expect(patternProblem("APPLICATION", "SQ-{YYYY}-{SEQ:4")?.code).toBe("CHARACTERS");
    expect(patternProblem("APPLICATION", "{APP}-{YYYY}-{SEQ:4}")).toMatchObject({ code: "UNKNOWN_TOKEN", params: { token: "{APP}" } });
    expect(patternProblem("APPLICATION", "{YYYY}-{SEQ:2}-{SEQ:3}")).toMatchObject({ code: "TWICE", params: { token: "{SEQ}" } });
    expect(patternProblem("APPLICATION", "{YYYY}{SEQ:0}")?.code).toBe("SEQ_WIDTH");
    expect(patternProblem("APPLICATION", `${"A".repeat(31)}{YYYY}{SEQ}`)?.code).toBe("TOO_LONG");
    expect(patternProblem("RECOMMENDATION_LETTER", "TJ-{SEQ:3}")?.code).toBe("NO_YEAR");
  });

  it("refuses to render a pattern it would refuse to store", () => {
    expect(() => renderNumber("APPLICATION", "SQ-{SEQ:4}", { year: "2026", seq: 1 })).toThrow();
  });
});
