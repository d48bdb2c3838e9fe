import { describe, expect, it } from "vitest";
import { enterpriseSchema, loanRequestSchema, profileSchema, withdrawSchema } from "@/lib/applications/schemas";
import { registerSchema } from "@/lib/auth/schemas";
import { returnSchema, bankApproveSchema } from "@/lib/reviews/schemas";
import { makeCreditCode, makeIdNumber } from "../support/ids";
import { worded } from "../support/words";

// Every form's one schema (shared by the form and its action): bad input gets a message on the
// right field, and nothing reaches a service. Issues carry catalogue keys: worded as the reader sees them.
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), worded(i.message)]));

const goodLoan = { applicationId: "3f1c9a56-1c1b-4b55-9d1e-4e2b2f0c9a11", categoryCode: "SMALL_MICRO", amountYuan: "300000", termMonths: "12", purpose: "采购设备", repaymentSource: "经营收入" };
const goodEnterprise = { name: "北京某公司", creditCode: makeCreditCode(), legalRepName: "张三", address: "北京市朝阳区某路 1 号", industry: "零售",
  foundedOn: "2020-01-01", employees: "5", annualRevenueYuan: "1,000,000", hasUnion: "on", unionMemberCount: "5" };

describe("loan request", () => {
  it("accepts a good request and keeps the amount exact in fen", () => {
    const r = loanRequestSchema.safeParse({ ...goodLoan, amountYuan: "123,456.78" });
    expect(r.success && r.data.amountYuan).toBe(12_345_678n);
  });
  it.each([
    ["-1", "amountYuan"], ["0", "amountYuan"], ["0.001", "amountYuan"], ["abc", "amountYuan"], ["1e6", "amountYuan"], ["", "amountYuan"],
  ])("refuses the amount %s", (amountYuan, field) => {
    expect(errorsOf(loanRequestSchema.safeParse({ ...goodLoan, amountYuan }))).toHaveProperty(field);
  });
  it.each([["0"], ["121"], ["1.5"], ["十二"]])("refuses the term %s", (termMonths) => {
    expect(errorsOf(loanRequestSchema.safeParse({ ...goodLoan, termMonths }))).toHaveProperty("termMonths");
  });
  it("refuses control characters and over-long text", () => {
    expect(errorsOf(loanRequestSchema.safeParse({ ...goodLoan, purpose: "采购\u0000设备" }))).toHaveProperty("purpose");
    expect(errorsOf(loanRequestSchema.safeParse({ ...goodLoan, purpose: "字".repeat(501) }))).toHaveProperty("purpose");
    expect(errorsOf(loanRequestSchema.safeParse({ ...goodLoan, repaymentSource: "收入\u202e" }))).toHaveProperty("repaymentSource");
  });
});

describe("profile and enterprise", () => {
  const goodProfile = { fullName: "张三", idNumber: makeIdNumber(), mobile: "13800138000", unionName: "某区总工会", memberCardNo: "GH-1" };
  it("checks the ID number's check digit and the mobile's shape", () => {
    expect(profileSchema.safeParse(goodProfile).success).toBe(true);
    const id = goodProfile.idNumber;
    const wrong = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    expect(errorsOf(profileSchema.safeParse({ ...goodProfile, idNumber: wrong })).idNumber).toBe("身份证号码校验位不正确");
    expect(errorsOf(profileSchema.safeParse({ ...goodProfile, idNumber: "110105" + "20991231" + "0017" })).idNumber).toBeDefined();
    expect(errorsOf(profileSchema.safeParse({ ...goodProfile, mobile: "12345" })).mobile).toBeDefined();
    expect(errorsOf(profileSchema.safeParse({ ...goodProfile, memberCardNo: "../../etc" })).memberCardNo).toBeDefined();
  });
  it("checks the credit code, impossible and future dates, counts", () => {
    expect(enterpriseSchema.safeParse(goodEnterprise).success).toBe(true);
    const code = goodEnterprise.creditCode;
    const wrong = code.slice(0, 17) + (code[17] === "1" ? "2" : "1");
    expect(errorsOf(enterpriseSchema.safeParse({ ...goodEnterprise, creditCode: wrong })).creditCode).toBe("统一社会信用代码校验位不正确");
    expect(errorsOf(enterpriseSchema.safeParse({ ...goodEnterprise, foundedOn: "2023-02-30" })).foundedOn).toBe("日期不存在");
    expect(errorsOf(enterpriseSchema.safeParse({ ...goodEnterprise, foundedOn: "2999-01-01" })).foundedOn).toBe("成立日期不能晚于今天");
    expect(errorsOf(enterpriseSchema.safeParse({ ...goodEnterprise, employees: "-3" })).employees).toBeDefined();
    expect(errorsOf(enterpriseSchema.safeParse({ ...goodEnterprise, unionMemberCount: "50" })).unionMemberCount).toBe("会员人数不能超过从业人数");
  });
});

describe("accounts and reviews", () => {
  it("registration explains each problem on its field", () => {
    const e = errorsOf(registerSchema.safeParse({ code: "123456", displayName: "张", mobile: "1380013800", password: "short", confirmPassword: "other" }));
    expect(Object.keys(e).sort()).toEqual(["confirmPassword", "displayName", "mobile", "password"]);
    expect(errorsOf(registerSchema.safeParse({ code: "123456", displayName: "张三", mobile: "13800138000", password: "onlyletters", confirmPassword: "onlyletters" })).password)
      .toBe("密码需同时包含字母和数字");
    expect(errorsOf(registerSchema.safeParse({ code: "12345", displayName: "张三", mobile: "13800138000", password: "Good2026pass", confirmPassword: "Good2026pass" })).code)
      .toBe("请输入短信中的 6 位验证码");
  });
  it("a return lists each missing item, keeping leading digits of the item itself", () => {
    const r = returnSchema.parse({ applicationId: goodLoan.applicationId, version: "1", comment: "请补充", missingItems: "1. 2025 年度财务报表\n- 银行流水\n\n  工会会员证明  " });
    expect(r.missingItems).toEqual(["2025 年度财务报表", "银行流水", "工会会员证明"]);
    expect(errorsOf(returnSchema.safeParse({ applicationId: goodLoan.applicationId, version: "1", comment: "请补充", missingItems: "\n \n" }))).toHaveProperty("missingItems");
  });
  it("bank terms: rate as a decimal percentage, method from the list", () => {
    const base = { applicationId: goodLoan.applicationId, version: "3", comment: "同意", principalYuan: "100000", annualRatePercent: "3.85", lprReference: "LPR", termMonths: "12", repaymentMethod: "EQUAL_INSTALMENTS", contractNo: "NCD-1" };
    expect(bankApproveSchema.safeParse(base).success).toBe(true);
    expect(errorsOf(bankApproveSchema.safeParse({ ...base, annualRatePercent: "3,85" }))).toHaveProperty("annualRatePercent");
    expect(errorsOf(bankApproveSchema.safeParse({ ...base, repaymentMethod: "BALLOON" }))).toHaveProperty("repaymentMethod");
    expect(errorsOf(bankApproveSchema.safeParse({ ...base, contractNo: "NCD 1;drop" }))).toHaveProperty("contractNo");
  });
  it("withdrawal needs a reason", () => {
    expect(errorsOf(withdrawSchema.safeParse({ applicationId: goodLoan.applicationId, version: "0", reason: " " }))).toHaveProperty("reason");
  });
});

describe("the union-standing form", () => {
  it("takes an empty end date as open-ended and refuses impossible dates on their field", async () => {
    const { standingSchema } = await import("@/lib/unions/schemas");
    const base = { creditCode: "91110105MA01ABCD13", unionName: "测试工会", memberCardNo: "GH-1", validFrom: "2025-01-01" };
    expect(standingSchema.parse({ ...base, validTo: "" }).validTo).toBeUndefined();
    expect(standingSchema.parse({ ...base, validTo: "2025-12-31" }).validTo).toBe("2025-12-31");
    for (const [field, value] of [["validFrom", "2025-02-30"], ["validFrom", ""], ["validTo", "2025-13-01"], ["creditCode", "91110105MA01ABCD14"]] as const) {
      const result = standingSchema.safeParse({ ...base, [field]: value });
      expect(result.success, `${field}=${value}`).toBe(false);
      expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
    }
  });
});
