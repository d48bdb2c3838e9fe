import { describe, expect, it } from "vitest";
import { policyFromPayload, policyPayload } from "@/lib/organisations/policy-payload";
import { samplePolicy } from "../support/policy";

const input = samplePolicy({ note: "调整" });

describe("a policy proposal as stored", () => {
  it("keeps amounts as strings of fen under names that say so, and reads back the same input", () => {
    const stored = JSON.parse(JSON.stringify(policyPayload(input)));
    expect(stored).toMatchObject({ maxLoanFen: "50000000", exceptionMaxLoanFen: "100000000", maxExposurePerPersonFen: "150000000" });
    expect(policyFromPayload(stored)).toEqual(input);
  });

  it("reads a proposal kept before the amounts were named for their unit (the same fen under …Yuan)", () => {
    const { maxLoanFen, exceptionMaxLoanFen, maxExposurePerPersonFen, ...rest } = JSON.parse(JSON.stringify(policyPayload(input)));
    const older = { ...rest, maxLoanYuan: maxLoanFen, exceptionMaxLoanYuan: exceptionMaxLoanFen, maxExposurePerPersonYuan: maxExposurePerPersonFen };
    expect(policyFromPayload(older)).toEqual(input);
  });
});
