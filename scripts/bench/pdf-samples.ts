// The documents npm run bench:pdf renders: a full application form (two pages, seven attachments)
// and one of each letter and subsidy document, with data of realistic length.
import type { ApplicationFormPdf } from "@/lib/pdf/application-form";
import type { BankApprovalNoticePdf, GuaranteeLetterPdf, RecommendationLetterPdf } from "@/lib/pdf/review-letters";
import type { SubsidyBatchSummaryPdf, SubsidyStatementPdf } from "@/lib/pdf/subsidy-statement";

const generatedAt = new Date("2021-07-05T06:30:00Z");
const enterprise = { name: "北京启明信息咨询有限公司", creditCode: "91110105MA01XXXX3K", legalRep: "张伟" };

export const applicationForm: ApplicationFormPdf = {
  applicationNo: "NCD-2021-000123",
  kind: "NEW",
  submittedAt: new Date("2021-07-01T02:20:00Z"),
  generatedAt,
  applicant: { name: "张伟", idNumber: "110105********1234", mobile: "138****5678", unionName: "北京市朝阳区总工会", memberCardNo: "GH1101050012345" },
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
    purpose: "购置办公设备及支付软件开发人员工资，扩大为中小企业提供信息化咨询服务的能力；其中约三成用于采购服务器与网络设备，其余用于日常经营周转。",
    repaymentSource: "企业主营业务收入（咨询服务合同回款）",
  },
  greenChannel: true,
  documents: [
    { name: "营业执照", note: "license-scan.pdf" },
    { name: "法定代表人身份证（正反面）", note: "id-card.jpg" },
    { name: "工会会员证明", note: "union-member.pdf" },
    { name: "近一年财务报表", note: "financials-2020.xlsx" },
    { name: "近六个月银行流水", note: "bank-statements.pdf" },
    { name: "征信授权书", note: "credit-consent.pdf" },
    { name: "贷款用途计划书", note: "loan-plan.docx" },
  ],
};

export const recommendation: RecommendationLetterPdf = {
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

export const guarantee: GuaranteeLetterPdf = {
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

export const approval: BankApprovalNoticePdf = {
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

const line = (periodStart: string, periodEnd: string) => ({
  contractNo: "BJRCB-JK-2021-07-0078",
  periodStart,
  periodEnd,
  interestPaidFen: 165_764n,
  subsidyFen: 165_764n,
});

export const statement: SubsidyStatementPdf = {
  documentNo: "TX-2021Q3-0031",
  issuedOn: "2021-10-20",
  generatedAt: new Date("2021-10-26T02:00:00Z"),
  centreName: "北京市职工互助保障服务中心",
  bankName: "北京农村商业银行股份有限公司朝阳支行",
  quarter: { year: 2021, quarter: 3 },
  enterprise,
  lines: [line("2021-07-21", "2021-08-20"), line("2021-08-21", "2021-09-20"), line("2021-09-21", "2021-10-20")],
  payment: { reference: "ZF20211025000318", paidOn: "2021-10-25" },
};

export const batch: SubsidyBatchSummaryPdf = {
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
