import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderApplicationForm, type ApplicationFormPdf } from "@/lib/pdf/application-form";
import {
  renderBankApprovalNotice,
  renderGuaranteeLetter,
  renderRecommendationLetter,
  type BankApprovalNoticePdf,
  type GuaranteeLetterPdf,
  type RecommendationLetterPdf,
} from "@/lib/pdf/review-letters";
import {
  renderSubsidyBatchSummary,
  renderSubsidyStatement,
  type SubsidyBatchSummaryPdf,
  type SubsidyStatementPdf,
} from "@/lib/pdf/subsidy-statement";

// Poppler's tools (Debian package poppler-utils) read the PDFs the way a viewer would.
// The PDFs and their pages as PNG stay in /tmp/pdf-previews after the run so a person can look at them.
const previewDir = "/tmp/pdf-previews";
mkdirSync(previewDir, { recursive: true });

type Inspected = { text: string; fonts: string; pages: number; size: number };

// pdftotext breaks lines where the PDF wraps them and pads columns with spaces; compare without whitespace.
const squash = (s: string) => s.replace(/\s+/g, "");

function expectTextToContain(text: string, expected: readonly string[]): void {
  const flat = squash(text);
  for (const s of expected) expect(flat, `missing ${s}`).toContain(squash(s));
}

function inspect(name: string, pdf: Buffer): Inspected {
  const file = path.join(previewDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(previewDir, name)]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { text, fonts, pages, size: pdf.length };
}

/** Both weights of Noto Sans SC are embedded as subsets, and no other font is used. */
function expectEmbeddedCjkFonts(fonts: string): void {
  const rows = fonts.trim().split("\n").slice(2);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
  expect(fonts).toMatch(/NotoSansSC-Regular/);
  expect(fonts).toMatch(/NotoSansSC-Bold/);
}

const generatedAt = new Date("2021-07-05T06:30:00Z"); // 14:30 in Beijing
const enterprise = {
  name: "北京启明信息咨询有限公司",
  creditCode: "91110105MA01XXXX3K",
  legalRep: "张伟",
};

const applicationForm: ApplicationFormPdf = {
  applicationNo: "NCD-2021-000123",
  kind: "NEW",
  submittedAt: new Date("2021-07-01T02:20:00Z"),
  generatedAt,
  applicant: {
    name: "张伟",
    idNumber: "110105********1234",
    mobile: "138****5678",
    unionName: "北京市朝阳区总工会",
    memberCardNo: "GH1101050012345",
  },
  enterprise: {
    ...enterprise,
    address: "北京市朝阳区建国路88号现代城SOHO A座1205室",
    industry: "信息技术咨询服务",
    foundedOn: "2016-03-18",
    employees: 12,
    annualRevenueFen: 356_789_012n,
    hasOwnUnion: true,
    unionMemberCount: 10,
  },
  loan: {
    amountFen: 50_000_000n,
    termMonths: 36,
    purpose:
      "购置办公设备及支付软件开发人员工资，扩大为中小企业提供信息化咨询服务的能力；" +
      "其中约三成用于采购服务器与网络设备，其余用于日常经营周转。",
    repaymentSource: "企业主营业务收入（咨询服务合同回款）",
  },
  greenChannel: true,
  documents: [
    { name: "营业执照", note: "副本扫描件" },
    { name: "法定代表人身份证（正反面）" },
    { name: "工会会员证明", note: "朝阳区总工会出具" },
    { name: "近一年财务报表" },
    { name: "近六个月银行流水" },
    { name: "征信授权书", note: "授权文本版本 v2021-01" },
    { name: "贷款用途计划书" },
  ],
};

const recommendation: RecommendationLetterPdf = {
  documentNo: "京职保推〔2021〕第012号",
  issuedOn: "2021-07-05",
  generatedAt,
  enterprise,
  applicationNo: "NCD-2021-000123",
  kind: "NEW",
  centreName: "北京市职工互助保障服务中心",
  guarantorName: "北京首创融资担保有限公司",
  industry: "信息技术咨询服务",
  amountFen: 50_000_000n,
  termMonths: 36,
  purpose: "购置办公设备及日常经营周转",
  greenChannel: true,
  centreOpinion: "申请人系工会会员，企业经营正常，材料齐全，同意推荐。",
};

const guarantee: GuaranteeLetterPdf = {
  documentNo: "首创担〔2021〕第0456号",
  issuedOn: "2021-07-09",
  generatedAt,
  enterprise,
  guarantorName: "北京首创融资担保有限公司",
  bankName: "北京农村商业银行股份有限公司朝阳支行",
  guaranteeContractNo: "SCDB-BZ-2021-0456",
  guaranteedAmountFen: 50_000_000n,
  termMonths: 36,
  guaranteeFeeFen: 0n,
  reviewFeeFen: 0n,
};

const approval: BankApprovalNoticePdf = {
  documentNo: "京农商朝审〔2021〕第078号",
  issuedOn: "2021-07-14",
  generatedAt,
  enterprise,
  bankName: "北京农村商业银行股份有限公司朝阳支行",
  guarantorName: "北京首创融资担保有限公司",
  loanContractNo: "BJRCB-JK-2021-07-0078",
  guaranteeContractNo: "SCDB-BZ-2021-0456",
  principalFen: 50_000_000n,
  annualRate: "3.85%",
  lprReference: "一年期LPR 3.85%（2021年6月21日公布），加0个基点",
  termMonths: 36,
  repaymentMethod: "按月付息，到期一次还本",
  notes: ["本笔贷款利息由工会按季度贴息，借款人仍须按合同约定按期足额付息。"],
};

const statement: SubsidyStatementPdf = {
  documentNo: "TX-2021Q3-0031",
  issuedOn: "2021-10-20",
  generatedAt: new Date("2021-10-26T02:00:00Z"),
  centreName: "北京市职工互助保障服务中心",
  bankName: "北京农村商业银行股份有限公司朝阳支行",
  quarter: { year: 2021, quarter: 3 },
  enterprise,
  lines: [
    {
      contractNo: "BJRCB-JK-2021-07-0078",
      periodStart: "2021-07-21",
      periodEnd: "2021-08-20",
      interestPaidFen: 165_764n,
      subsidyFen: 165_764n,
    },
    {
      contractNo: "BJRCB-JK-2021-07-0078",
      periodStart: "2021-08-21",
      periodEnd: "2021-09-20",
      interestPaidFen: 165_764n,
      subsidyFen: 165_764n,
    },
  ],
  payment: { reference: "ZF20211025000318", paidOn: "2021-10-25" },
};

const batch: SubsidyBatchSummaryPdf = {
  batchNo: "TXPC-2021Q3-BJRCB",
  generatedAt: new Date("2021-10-19T08:00:00Z"),
  centreName: "北京市职工互助保障服务中心",
  bankName: "北京农村商业银行股份有限公司",
  quarter: { year: 2021, quarter: 3 },
  lineCount: 5,
  enterpriseCount: 2,
  totalInterestPaidFen: 7_351_469n,
  totalSubsidyFen: 3_514_694n,
  statusLabel: "已复核",
  maker: { name: "李娜", at: new Date("2021-10-18T01:05:00Z") },
  checker: { name: "王强", at: new Date("2021-10-19T07:40:00Z") },
  payment: null,
  enterprises: [
    { name: "北京启明信息咨询有限公司", lineCount: 3, subsidyFen: 2_014_694n },
    { name: "北京百川餐饮管理有限公司", lineCount: 2, subsidyFen: 1_500_000n },
  ],
};

describe("renderApplicationForm", () => {
  it("prints every section, the amount in figures and in 大写, and embeds the CJK font", async () => {
    const pdf = await renderApplicationForm(applicationForm);
    const { text, fonts, size } = inspect("application-form", pdf);

    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expectTextToContain(text, [
      "首都职工创业小额贷款（暖·创贷）",
      "贷款申请表",
      "申请编号：NCD-2021-000123",
      "提交时间：2021年7月1日 10:20",
      "一、申请人信息",
      "110105********1234",
      "138****5678",
      "北京市朝阳区总工会",
      "GH1101050012345",
      "北京启明信息咨询有限公司",
      "91110105MA01XXXX3K",
      "2016年3月18日",
      "¥3,567,890.12",
      "12人",
      "新申请",
      "是（即申即办）",
      "¥500,000.00（人民币伍拾万元整）",
      "36个月",
      "征信授权书",
      "五、申请人声明",
      "申请人签字",
      "文件编号：NCD-2021-000123",
      "生成时间：2021年7月5日 14:30（北京时间）",
    ]);
    expectEmbeddedCjkFonts(fonts);
    expect(size).toBeLessThan(200 * 1024);
  });

  it("prints a renewal with its earlier contract and numbers pages when the form runs long", async () => {
    const pdf = await renderApplicationForm({
      ...applicationForm,
      kind: "RENEWAL",
      submittedAt: null,
      loan: { ...applicationForm.loan, previousContractNo: "BJRCB-JK-2020-06-0031" },
      documents: Array.from({ length: 30 }, (_, i) => ({ name: `补充材料${i + 1}`, note: "扫描件" })),
    });
    const { text, pages, size } = inspect("application-form-renewal", pdf);

    expect(text).toContain("续贷");
    expect(text).toContain("BJRCB-JK-2020-06-0031");
    expect(text).toContain("提交时间：未提交");
    expect(text).toContain("补充材料30");
    expect(pages).toBeGreaterThan(1);
    expectTextToContain(text, [`第${pages}页／共${pages}页`]);
    // Every page has a footer, and no page is left empty by the footer pass.
    expect(text.match(/文件编号：NCD-2021-000123/g)).toHaveLength(pages);
    expect(size).toBeLessThan(200 * 1024);
  });

  it("never separates the declaration from the signature lines", async () => {
    // Attachment counts that move the declaration across the bottom of page 2.
    for (let count = 20; count <= 32; count += 1) {
      const documents = Array.from({ length: count }, (_, i) => ({ name: `材料${i + 1}` }));
      const { text } = inspect("application-form-keep", await renderApplicationForm({ ...applicationForm, documents }));
      // pdftotext ends every page with a form feed.
      const page = text.split("\f").find((p) => p.includes("五、申请人声明"));
      expect(page, `count ${count}`).toBeDefined();
      expect(squash(page ?? ""), `count ${count}`).toContain("按期足额还本付息");
      expect(page, `count ${count}`).toContain("申请人签字");
    }
  });

  it("is a pure function of its input: the same input gives the same bytes", async () => {
    const a = await renderApplicationForm(applicationForm);
    const b = await renderApplicationForm(applicationForm);
    expect(a.equals(b)).toBe(true);
  });

  it("carries the programme's mark in the header's top-left corner, drawn red on the page", async () => {
    const pdf = await renderApplicationForm(applicationForm);
    const file = path.join(previewDir, "application-form-mark.pdf");
    writeFileSync(file, pdf);
    // The mark is vector paths (public/mark.svg), not a picture: the page holds no image.
    const images = execFileSync("pdfimages", ["-list", "-f", "1", "-l", "1", file], { encoding: "utf8" });
    expect(images.trim().split("\n")).toHaveLength(2);
    // At 72 dpi a pixel is a point: the disc spans x 56–82, y 50–76; its left part is plain red.
    const crop = (x: number, y: number, size: number) => {
      const ppm = execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "72", "-x", `${x}`, "-y", `${y}`, "-W", `${size}`, "-H", `${size}`, file]);
      return ppm.subarray(ppm.length - size * size * 3);
    };
    const red = crop(58, 61, 4);
    for (let i = 0; i < red.length; i += 3) expect([red[i]! > 150, red[i + 1]! < 80, red[i + 2]! < 80]).toEqual([true, true, true]);
    // The character 暖 is drawn white across the middle of the disc.
    const middle = crop(63, 57, 12);
    let white = 0;
    for (let i = 0; i < middle.length; i += 3) if (middle[i]! > 220 && middle[i + 1]! > 220 && middle[i + 2]! > 220) white += 1;
    expect(white).toBeGreaterThan(10);
    // The text below it is where it was: the heading and the title still come first.
    expect(squash(inspect("application-form-mark", pdf).text)).toMatch(/^首都职工创业小额贷款/);
  });
});

describe("review letters", () => {
  it("recommendation letter: centre to guarantor, amount in figures and 大写", async () => {
    const { text, fonts, size, pages } = inspect("recommendation-letter", await renderRecommendationLetter(recommendation));
    expectTextToContain(text, [
      "推荐函",
      "北京首创融资担保有限公司：",
      "北京启明信息咨询有限公司",
      "法定代表人：张伟",
      "¥500,000.00（人民币伍拾万元整）",
      "绿色通道",
      "同意推荐",
      "特此推荐。",
      "北京市职工互助保障服务中心",
      "2021年7月5日",
      "京职保推〔2021〕第012号",
    ]);
    expectEmbeddedCjkFonts(fonts);
    expect(pages).toBe(1);
    expect(size).toBeLessThan(200 * 1024);
  });

  it("guarantee letter: guarantor to bank, contract number, fees waived", async () => {
    const { text, fonts, size, pages } = inspect("guarantee-letter", await renderGuaranteeLetter(guarantee));
    expectTextToContain(text, [
      "担保函",
      "北京农村商业银行股份有限公司朝阳支行：",
      "SCDB-BZ-2021-0456",
      "¥500,000.00（人民币伍拾万元整）",
      "全额连带责任保证",
      "36个月",
      "免收担保费、评审费",
      "免收（¥0.00）",
      "北京首创融资担保有限公司",
      "2021年7月9日",
    ]);
    expectEmbeddedCjkFonts(fonts);
    expect(pages).toBe(1);
    expect(size).toBeLessThan(200 * 1024);
  });

  it("guarantee letter states fees when they are not waived", async () => {
    const { text } = inspect(
      "guarantee-letter-fees",
      await renderGuaranteeLetter({ ...guarantee, guaranteeFeeFen: 150_000n, reviewFeeFen: 0n }),
    );
    expect(text).not.toContain("免收担保费、评审费");
    expect(text).toContain("¥1,500.00");
  });

  it("bank approval notice: principal, rate, LPR, term, repayment method, contract", async () => {
    const { text, fonts, size, pages } = inspect("bank-approval-notice", await renderBankApprovalNotice(approval));
    expectTextToContain(text, [
      "贷款审批通知书",
      "北京启明信息咨询有限公司：",
      "¥500,000.00（人民币伍拾万元整）",
      "3.85%",
      "一年期LPR 3.85%（2021年6月21日公布），加0个基点",
      "36个月",
      "按月付息，到期一次还本",
      "BJRCB-JK-2021-07-0078",
      "北京农村商业银行股份有限公司朝阳支行",
      "2021年7月14日",
    ]);
    expectEmbeddedCjkFonts(fonts);
    expect(pages).toBe(1);
    expect(size).toBeLessThan(200 * 1024);
  });
});

describe("subsidy documents", () => {
  it("statement: lines, total in figures and 大写, payment reference", async () => {
    const { text, fonts, size, pages } = inspect("subsidy-statement", await renderSubsidyStatement(statement));
    expectTextToContain(text, [
      "贴息确认单",
      "2021年第3季度",
      "北京启明信息咨询有限公司",
      "BJRCB-JK-2021-07-0078",
      "2021.07.21–2021.08.20",
      "¥1,657.64",
      "¥3,315.28",
      "¥3,315.28（人民币叁仟叁佰壹拾伍元贰角捌分）",
      "已支付",
      "ZF20211025000318",
      "2021年10月25日",
    ]);
    expectEmbeddedCjkFonts(fonts);
    expect(pages).toBe(1);
    expect(size).toBeLessThan(200 * 1024);
  });

  it("statement before payment says 待支付", async () => {
    const { text } = inspect("subsidy-statement-unpaid", await renderSubsidyStatement({ ...statement, payment: null }));
    expect(text).toContain("待支付");
    expect(text).not.toContain("ZF20211025000318");
  });

  it("batch summary: counts, total in figures and 大写, maker, checker, status", async () => {
    const { text, fonts, size, pages } = inspect("subsidy-batch-summary", await renderSubsidyBatchSummary(batch));
    expectTextToContain(text, [
      "贴息批次汇总表",
      "TXPC-2021Q3-BJRCB",
      "2021年第3季度",
      "5笔",
      "2家",
      "¥35,146.94（人民币叁万伍仟壹佰肆拾陆元玖角肆分）",
      "李娜",
      "王强",
      "已复核",
      "北京百川餐饮管理有限公司",
    ]);
    expectEmbeddedCjkFonts(fonts);
    expect(pages).toBe(1);
    expect(size).toBeLessThan(200 * 1024);
  });

  it("batch summary before checking shows 待复核", async () => {
    const { text } = inspect(
      "subsidy-batch-summary-unchecked",
      await renderSubsidyBatchSummary({ ...batch, checker: null, enterprises: undefined, statusLabel: "待复核" }),
    );
    expect(text).toContain("待复核");
    expect(text).toContain("二、审核记录");
  });
});
