import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ApplicationStatus, OrganisationType, StaffRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { uploadDocument } from "@/lib/documents/services/upload-document";
import { listDocuments } from "@/lib/documents/queries";
import { openDocument as documentForDownload } from "@/lib/documents/services/open-document";
import { databaseStorage, type ObjectStorage } from "@/lib/storage/storage";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { makeCreditCode, makeMobile } from "../support/ids";
import { ascii, concat, png } from "../support/sample-files";
import { userMobileColumns } from "@/lib/personal-data/sealed";

// The route handlers read the session through currentActor(); here the test decides who is signed in.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => session.actor }));

const { POST } = await import("@/app/api/applications/[id]/documents/route");
const { GET } = await import("@/app/api/documents/[id]/route");

// ── minimal real files ──
/** A PDF of about `size` bytes (a comment pads it), different for each `tag`. */
const pdf = (tag = "x", size = 0): Uint8Array => {
  const head = `%PDF-1.4\n% ${tag}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n`;
  const tail = "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
  const padding = Math.max(0, size - head.length - tail.length - 2);
  return ascii(`${head}%${"p".repeat(padding)}\n${tail}`);
};

// ── data with fresh ids ──
type Org = { id: string; type: OrganisationType };
let centre: Org, guarantorA: Org, guarantorB: Org, district: Org, otherDistrict: Org;
let tightPolicyId: string;

async function makeOrg(type: OrganisationType): Promise<Org> {
  const code = `T${uniqueSuffix()}`.toUpperCase();
  const org = await db.organisation.create({ data: { code, type, nameZh: `测试机构${code}`, nameEn: code } });
  return { id: org.id, type };
}

const staff = (role: StaffRole, org: Org): Actor => ({
  kind: "STAFF", userId: randomUUID(), role, displayName: role, organisationId: org.id, organisationType: org.type,
});

async function makeApplicant(): Promise<Actor> {
  const user = await db.user.create({ data: { ...userMobileColumns(makeMobile()), passwordHash: "x", displayName: "测试申请人" } });
  return { kind: "APPLICANT", userId: user.id, role: "APPLICANT", displayName: user.displayName };
}

async function makeCase(options: {
  status?: ApplicationStatus;
  applicant?: Actor;
  intakeOrgId?: string;
  guarantorOrgId?: string;
  policyVersionId?: string;
} = {}) {
  const applicant = options.applicant ?? (await makeApplicant());
  const enterprise = await db.enterprise.create({
    data: {
      representativeId: applicant.userId, name: "测试企业", creditCode: makeCreditCode(), legalRepName: "测试",
      address: "北京市", industry: "服务", foundedOn: new Date("2020-01-01"), employees: 3, annualRevenueFen: 1_000_000n, hasUnion: true,
    },
  });
  const app = await db.loanApplication.create({
    data: {
      number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: options.status ?? "DRAFT",
      intakeOrgId: options.intakeOrgId, guarantorOrgId: options.guarantorOrgId, policyVersionId: options.policyVersionId,
    },
  });
  return { id: app.id, applicant };
}

const policyData = (documentQuotaBytes: number, effectiveFrom: Date) => ({
  version: 100_000 + Math.floor(Math.random() * 1_000_000_000), effectiveFrom, maxLoanFen: 50_000_000n, maxTermMonths: 36,
  subsidyRatioBp: 10_000, coolingDays: 30, centerReviewDays: 5, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5,
  returnAnswerDays: 15, greenChannelDays: 2, documentQuotaBytes,
});

const counts = async () => ({
  documents: await db.document.count(),
  objects: await db.storedObject.count(),
  audit: await db.auditEvent.count(),
});

beforeAll(async () => {
  [centre, guarantorA, guarantorB, district, otherDistrict] = await Promise.all([
    makeOrg("SUPPORT_CENTER"), makeOrg("GUARANTOR"), makeOrg("GUARANTOR"), makeOrg("DISTRICT_UNION"), makeOrg("DISTRICT_UNION"),
  ]);
  // Drafts are not pinned to a policy: the one in force applies. The oldest possible date keeps
  // this one from displacing any other file's policy.
  await db.policyVersion.create({ data: policyData(50 * 1024 * 1024, new Date("1990-01-01T00:00:00Z")) });
  // Never in force; only cases pinned to it use it.
  tightPolicyId = (await db.policyVersion.create({ data: policyData(1000, new Date("2999-01-01T00:00:00Z")) })).id;
});

describe("uploadDocument", () => {
  it("stores a good file: the row, the bytes and the audit event", async () => {
    const { id, applicant } = await makeCase();
    const bytes = pdf("licence");
    const dto = await uploadDocument(applicant, id, "BUSINESS_LICENCE", "../营业执照.pdf", bytes);
    expect(dto).toMatchObject({ kind: "BUSINESS_LICENCE", version: 1, fileName: "营业执照.pdf", mimeType: "application/pdf", sizeBytes: bytes.byteLength, superseded: false });

    const row = await db.document.findUniqueOrThrow({ where: { id: dto.id } });
    expect(row.storageKey).toMatch(new RegExp(`^doc/${id}/[0-9a-f-]{36}$`));
    expect(row.uploadedById).toBe(applicant.userId);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await databaseStorage.get(row.storageKey)).toEqual(bytes);

    const event = await db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "application.document_uploaded" } });
    expect(event).toMatchObject({ actorId: applicant.userId, entityType: "Document", entityId: dto.id });
    expect(event.data).toMatchObject({ kind: "BUSINESS_LICENCE", version: 1, sizeBytes: bytes.byteLength, fileName: "营业执照.pdf" });

    expect(await uploadDocument(applicant, id, "ID_CARD_FRONT", "正面.png", png())).toMatchObject({ mimeType: "image/png", version: 1 });
  });

  it("replacing keeps the old version, superseded", async () => {
    const { id, applicant } = await makeCase();
    const first = await uploadDocument(applicant, id, "BANK_STATEMENTS", "流水.pdf", pdf("v1"));
    const second = await uploadDocument(applicant, id, "BANK_STATEMENTS", "流水-更正.pdf", pdf("v2"));
    expect(second.version).toBe(2);

    const rows = await db.document.findMany({ where: { applicationId: id }, orderBy: { version: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.supersededAt).not.toBeNull();
    expect(rows[1]!.supersededAt).toBeNull();
    expect(await db.storedObject.count({ where: { key: { in: rows.map((r) => r.storageKey) } } })).toBe(2);

    const listed = await listDocuments(applicant, id);
    expect(listed.map((d) => [d.id, d.version, d.superseded])).toEqual([[second.id, 2, false], [first.id, 1, true]]);
  });

  it("a bad file changes nothing", async () => {
    const { id, applicant } = await makeCase();
    const before = await counts();
    const svg = ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(uploadDocument(applicant, id, "UNION_PROOF", "证明.png", svg)).rejects.toMatchObject({ code: "VALIDATION", detail: { key: "case.documents.unsupported" } });
    await expect(uploadDocument(applicant, id, "UNION_PROOF", "证明.png", concat(png(), ascii("<html></html>")))).rejects.toMatchObject({ code: "VALIDATION", detail: { key: "case.documents.mismatch" } });
    await expect(uploadDocument(applicant, id, "UNION_PROOF", "证明.pdf", new Uint8Array())).rejects.toMatchObject({ code: "VALIDATION", detail: { key: "case.documents.empty" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses an upload that takes the case over its policy's quota", async () => {
    const { id, applicant } = await makeCase({ policyVersionId: tightPolicyId });
    await uploadDocument(applicant, id, "BUSINESS_LICENCE", "a.pdf", pdf("a", 600));
    const before = await counts();
    await expect(uploadDocument(applicant, id, "UNION_PROOF", "b.pdf", pdf("b", 500))).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
    expect(await counts()).toEqual(before);
    // A replacement counts instead of the version it supersedes.
    expect(await uploadDocument(applicant, id, "BUSINESS_LICENCE", "a2.pdf", pdf("a2", 900))).toMatchObject({ version: 2 });
    await expect(uploadDocument(applicant, id, "UNION_PROOF", "c.pdf", pdf("c", 200))).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
  });

  it("another applicant's case does not exist for them, and nothing changes", async () => {
    const { id } = await makeCase();
    const stranger = await makeApplicant();
    const before = await counts();
    await expect(uploadDocument(stranger, id, "BUSINESS_LICENCE", "a.pdf", pdf())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(uploadDocument(stranger, randomUUID(), "BUSINESS_LICENCE", "a.pdf", pdf())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect(await listDocuments(stranger, id)).toEqual([]);
  });

  it("refuses uploads once the case is submitted; a returned case takes them again", async () => {
    const { id, applicant } = await makeCase({ status: "CENTER_REVIEW" });
    const before = await counts();
    await expect(uploadDocument(applicant, id, "LOAN_USE_PLAN", "计划.pdf", pdf())).rejects.toMatchObject({ code: "INVALID_TRANSITION", detail: { key: "case.documents.frozen" } });
    expect(await counts()).toEqual(before);

    await db.loanApplication.update({ where: { id }, data: { status: "RETURNED" } });
    expect(await uploadDocument(applicant, id, "LOAN_USE_PLAN", "计划.pdf", pdf())).toMatchObject({ version: 1 });
  });

  it("the district agent of intake may upload; other staff may not", async () => {
    const { id } = await makeCase({ status: "RETURNED", intakeOrgId: district.id });
    expect(await uploadDocument(staff("DISTRICT_AGENT", district), id, "UNION_PROOF", "证明.pdf", pdf())).toMatchObject({ version: 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "application.document_uploaded" } });
    expect(event.organisationId).toBe(district.id);

    const before = await counts();
    await expect(uploadDocument(staff("DISTRICT_AGENT", otherDistrict), id, "UNION_PROOF", "x.pdf", pdf())).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The centre sees returned cases but does not supply the applicant's documents.
    await expect(uploadDocument(staff("CENTER_REVIEWER", centre), id, "UNION_PROOF", "x.pdf", pdf())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });

  it("deletes the stored bytes when the rows cannot be written (the case was submitted meanwhile)", async () => {
    const { id, applicant } = await makeCase();
    const submitsWhileStoring: ObjectStorage = {
      ...databaseStorage,
      async put(key, bytes) {
        await databaseStorage.put(key, bytes);
        await db.loanApplication.update({ where: { id }, data: { status: "CENTER_REVIEW" } });
      },
    };
    const before = await counts();
    await expect(uploadDocument(applicant, id, "BUSINESS_LICENCE", "a.pdf", pdf(), { storage: submitsWhileStoring })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await counts()).toEqual(before);
  });

  itOnPostgres("two replacements at once get versions 2 and 3 and leave one current version", async () => {
    const { id, applicant } = await makeCase();
    await uploadDocument(applicant, id, "FINANCIAL_STATEMENTS", "v1.pdf", pdf("v1"));
    const results = await Promise.all([
      uploadDocument(applicant, id, "FINANCIAL_STATEMENTS", "v2.pdf", pdf("v2")),
      uploadDocument(applicant, id, "FINANCIAL_STATEMENTS", "v3.pdf", pdf("v3")),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3]);
    expect(await db.document.count({ where: { applicationId: id, kind: "FINANCIAL_STATEMENTS", supersededAt: null } })).toBe(1);
  });
});

describe("documentForDownload", () => {
  it("serves only actors whose scope holds the case", async () => {
    const { id, applicant } = await makeCase({ guarantorOrgId: guarantorA.id });
    const bytes = pdf("download");
    const dto = await uploadDocument(applicant, id, "CREDIT_AUTHORISATION", "授权书.pdf", bytes);

    // In the draft, the centre does not see the case yet.
    expect(await documentForDownload(staff("CENTER_REVIEWER", centre), dto.id)).toBeNull();
    await db.loanApplication.update({ where: { id }, data: { status: "GUARANTOR_REVIEW" } });

    expect(await documentForDownload(staff("CENTER_REVIEWER", centre), dto.id)).toEqual({ fileName: "授权书.pdf", mimeType: "application/pdf", bytes });
    expect(await documentForDownload(staff("GUARANTOR_OFFICER", guarantorA), dto.id)).toMatchObject({ bytes });
    expect(await documentForDownload(applicant, dto.id)).toMatchObject({ bytes });
    expect(await documentForDownload(staff("GUARANTOR_OFFICER", guarantorB), dto.id)).toBeNull();
    expect(await documentForDownload(staff("BANK_OFFICER", { id: guarantorB.id, type: "BANK" }), dto.id)).toBeNull();
    expect(await documentForDownload(await makeApplicant(), dto.id)).toBeNull();
    expect(await documentForDownload(applicant, "not-a-uuid")).toBeNull();
    expect(await listDocuments(staff("GUARANTOR_OFFICER", guarantorB), id)).toEqual([]);
  });
});

describe("document routes", () => {
  const uploadRequest = (applicationId: string, kind: string, file?: File, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("kind", kind);
    if (file) form.set("file", file);
    return new Request(`http://localhost/api/applications/${applicationId}/documents`, {
      method: "POST", body: form, headers: { host: "localhost", origin: "http://localhost", ...headers },
    });
  };
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("POST: 401 anonymous, 201 with the document, 400/404/409 with a message", async () => {
    const { id, applicant } = await makeCase();
    const file = new File([pdf("route") as BlobPart], "营业执照（2025）.pdf", { type: "application/pdf" });

    session.actor = null;
    const anonymous = await POST(uploadRequest(id, "BUSINESS_LICENCE", file), params(id));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ ok: false, code: "UNAUTHENTICATED", message: "请先登录" });

    session.actor = applicant;
    const created = await POST(uploadRequest(id, "BUSINESS_LICENCE", file), params(id));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ ok: true, document: { fileName: "营业执照（2025）.pdf", version: 1, kind: "BUSINESS_LICENCE" } });

    const html = new File(["<html><script>alert(1)</script></html>"], "x.png", { type: "image/png" });
    const bad = await POST(uploadRequest(id, "BUSINESS_LICENCE", html), params(id));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, code: "VALIDATION", message: "仅支持 PDF、JPG、PNG 格式的文件" });

    const noKind = await POST(uploadRequest(id, "PASSPORT", file), params(id));
    expect(noKind.status).toBe(400);
    expect(await noKind.json()).toEqual({ ok: false, code: "BAD_REQUEST", message: "请选择材料类型" });
    const noFile = await POST(uploadRequest(id, "BUSINESS_LICENCE"), params(id));
    expect(noFile.status).toBe(400);
    expect(await noFile.json()).toEqual({ ok: false, code: "BAD_REQUEST", message: "请选择要上传的文件" });
    // The reader's language comes from the same cookie as the pages'.
    const english = await POST(uploadRequest(id, "BUSINESS_LICENCE", undefined, { cookie: "NEXT_LOCALE=en" }), params(id));
    expect(await english.json()).toEqual({ ok: false, code: "BAD_REQUEST", message: "Choose a file to upload" });
    const tooLarge = await POST(uploadRequest(id, "BUSINESS_LICENCE", file, { "content-length": String(11 * 1024 * 1024) }), params(id));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ ok: false, code: "TOO_LARGE", message: "文件超过 10 MB" });
    const foreignOrigin = await POST(uploadRequest(id, "BUSINESS_LICENCE", file, { origin: "https://evil.example" }), params(id));
    expect(foreignOrigin.status).toBe(403);
    expect((await foreignOrigin.json()).code).toBe("FORBIDDEN");
    // A client-written X-Forwarded-Host does not make a foreign origin ours; no Origin at all is refused.
    expect((await POST(uploadRequest(id, "BUSINESS_LICENCE", file, { origin: "https://evil.example", "x-forwarded-host": "evil.example" }), params(id))).status).toBe(403);
    const noOrigin = uploadRequest(id, "BUSINESS_LICENCE", file);
    noOrigin.headers.delete("origin");
    expect((await POST(noOrigin, params(id))).status).toBe(403);
    expect((await POST(uploadRequest("nope", "BUSINESS_LICENCE", file), params("nope"))).status).toBe(404);

    session.actor = await makeApplicant();
    const foreign = await POST(uploadRequest(id, "BUSINESS_LICENCE", file), params(id));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ ok: false, code: "NOT_FOUND", message: "未找到该记录" });

    await db.loanApplication.update({ where: { id }, data: { status: "CENTER_REVIEW" } });
    session.actor = applicant;
    const frozen = await POST(uploadRequest(id, "BUSINESS_LICENCE", file), params(id));
    expect(frozen.status).toBe(409);
    expect((await frozen.json()).message).toContain("已提交审核");
  });

  it("GET: authorises first, then answers the bytes with safe headers", async () => {
    const { id, applicant } = await makeCase();
    const bytes = png();
    const dto = await uploadDocument(applicant, id, "ID_CARD_BACK", "国徽面 (扫描).png", bytes);
    const get = (query = "") => GET(new Request(`http://localhost/api/documents/${dto.id}${query}`), params(dto.id));

    session.actor = null;
    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await anonymous.text()).toBe("请先登录");

    session.actor = await makeApplicant();
    const foreign = await get();
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe("未找到该记录");

    session.actor = applicant;
    const attachment = await get();
    expect(attachment.status).toBe(200);
    expect(new Uint8Array(await attachment.arrayBuffer())).toEqual(bytes);
    expect(attachment.headers.get("content-type")).toBe("image/png");
    expect(attachment.headers.get("content-disposition")).toBe(
      `attachment; filename="document.png"; filename*=UTF-8''%E5%9B%BD%E5%BE%BD%E9%9D%A2%20%28%E6%89%AB%E6%8F%8F%29.png`,
    );
    expect(attachment.headers.get("x-content-type-options")).toBe("nosniff");
    expect(attachment.headers.get("cache-control")).toBe("private, no-store");
    expect(attachment.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");

    const inline = await get("?inline=1");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; /);

    expect((await GET(new Request("http://localhost/api/documents/x"), params("x"))).status).toBe(404);
  });
});
