import { describe, expect, it } from "vitest";
import { diffCaseFacts, maskChanges, type CaseFacts } from "@/lib/applications/snapshot";
import { maskIdNumber, maskMobile } from "@/lib/validation/identity";

const base: CaseFacts = {
  v: 1,
  applicant: {
    fullName: "张伟", idNumber: "11010519491231002X", mobile: "13800000001", unionName: "朝阳区总工会", memberCardNo: "GH-1",
    targetGroupCode: "MIGRANT", targetGroupName: "农民工",
  },
  enterprise: {
    name: "北京某信息咨询有限公司", creditCode: "91110105MA01ABCD13", legalRepName: "张伟", address: "望京 1203", industry: "咨询",
    foundedOn: "2016-03-10", employees: 12, annualRevenueFen: "320000000", hasUnion: true, unionMemberCount: 12,
  },
  request: { categoryCode: "SMALL_MICRO", categoryName: "小微企业", amountFen: "50000000", termMonths: 12, purpose: "采购", repaymentSource: "收入" },
  documents: [
    { id: "d1", kind: "BANK_STATEMENTS", version: 1, fileName: "a.pdf", sizeBytes: 10, sha256: "0" },
    { id: "d2", kind: "BUSINESS_LICENCE", version: 1, fileName: "b.pdf", sizeBytes: 10, sha256: "0" },
  ],
};

const keys = (facts: CaseFacts, sections?: Parameters<typeof diffCaseFacts>[2]) => diffCaseFacts(base, facts, sections).map((c) => `${c.section}.${c.field}`);

describe("diffCaseFacts", () => {
  it("finds nothing between equal facts", () => {
    expect(diffCaseFacts(base, structuredClone(base))).toEqual([]);
  });

  it("a document of several pages differs when a page is added, and shows its last page", () => {
    const after = structuredClone(base);
    const page2 = { id: "d3", kind: "BANK_STATEMENTS" as const, version: 2, fileName: "p2.jpg", sizeBytes: 10, sha256: "1" };
    after.documents.push(page2);
    expect(diffCaseFacts(base, after)).toEqual([{ section: "documents", field: "BANK_STATEMENTS", before: base.documents[0], after: page2 }]);
    expect(diffCaseFacts(after, structuredClone(after))).toEqual([]);
  });

  it("lists exactly the fields that differ, in page order", () => {
    const after = structuredClone(base);
    after.enterprise.employees = 14;
    after.applicant!.mobile = "13900000009";
    after.request.amountFen = "40000000";
    after.enterprise.hasUnion = false;
    expect(keys(after)).toEqual(["applicant.mobile", "enterprise.employees", "enterprise.hasUnion", "request.amountFen"]);
    expect(diffCaseFacts(base, after)[1]).toEqual({ section: "enterprise", field: "employees", before: 12, after: 14 });
  });

  it("compares coded values by code and shows their names", () => {
    const renamed = structuredClone(base);
    renamed.applicant!.targetGroupName = "进城务工人员";
    expect(keys(renamed)).toEqual([]);
    const changed = structuredClone(base);
    changed.applicant!.targetGroupCode = null;
    changed.applicant!.targetGroupName = null;
    changed.request.categoryCode = "INNOVATION";
    changed.request.categoryName = "双创企业";
    expect(diffCaseFacts(base, changed)).toEqual([
      { section: "applicant", field: "targetGroup", before: "农民工", after: null },
      { section: "request", field: "category", before: "小微企业", after: "双创企业" },
    ]);
  });

  it("a replaced, added or removed document is a change of its kind", () => {
    const after = structuredClone(base);
    after.documents = [
      { id: "d3", kind: "BANK_STATEMENTS", version: 2, fileName: "a2.pdf", sizeBytes: 12, sha256: "1" },
      { id: "d4", kind: "UNION_PROOF", version: 1, fileName: "u.pdf", sizeBytes: 12, sha256: "1" },
    ];
    expect(keys(after)).toEqual(["documents.BANK_STATEMENTS", "documents.BUSINESS_LICENCE", "documents.UNION_PROOF"]);
    const [replaced, removed, added] = diffCaseFacts(base, after);
    expect([replaced!.before, replaced!.after].map((d) => (d as { version: number } | null)?.version)).toEqual([1, 2]);
    expect([removed!.after, added!.before]).toEqual([null, null]);
  });

  it("compares only the sections asked for", () => {
    const after = structuredClone(base);
    after.request.purpose = "续贷";
    after.documents = [];
    after.enterprise.address = "新址";
    expect(keys(after, ["applicant", "enterprise"])).toEqual(["enterprise.address"]);
  });

  it("a profile that did not exist, then did, changes every applicant field", () => {
    expect(keys({ ...structuredClone(base), applicant: null })).toEqual(["applicant.fullName", "applicant.idNumber", "applicant.mobile", "applicant.unionName", "applicant.memberCardNo", "applicant.targetGroup"]);
  });
});

describe("maskChanges", () => {
  it("masks the ID number and mobile on both sides and leaves the rest", () => {
    const after = structuredClone(base);
    after.applicant!.idNumber = "110105194912310037";
    after.applicant!.mobile = "13900000009";
    after.applicant!.unionName = "海淀区总工会";
    const masked = maskChanges(diffCaseFacts(base, after), { idNumber: maskIdNumber, mobile: maskMobile });
    expect(masked.map((c) => [c.before, c.after])).toEqual([
      ["110105********002X", "110105********0037"],
      ["138****0001", "139****0009"],
      ["朝阳区总工会", "海淀区总工会"],
    ]);
  });
});
