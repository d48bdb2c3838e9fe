import "server-only";
import { formatFen } from "@/lib/money/fen";
import {
  PROGRAMME_NAME,
  drawFieldTable,
  drawIssuerSeal,
  drawNote,
  drawParagraph,
  drawTitleBlock,
  formatAmountWithUpper,
  formatDateCn,
  renderPdf,
} from "./document";

// The guarantor and the bank see the enterprise and its legal representative's name only: these
// types have no field for an ID number or a phone, so a caller cannot leak one into a letter.
export type LetterEnterprise = {
  name: string;
  creditCode: string;
  legalRep: string;
};

type LetterBase = {
  /** The letter's own reference (文号), also printed in the footer. */
  documentNo: string;
  /** Calendar date the letter is issued, YYYY-MM-DD. */
  issuedOn: string;
  generatedAt: Date;
  enterprise: LetterEnterprise;
};

export type RecommendationLetterPdf = LetterBase & {
  applicationNo: string;
  kind: "NEW" | "RENEWAL";
  /** Issuer, e.g. 北京市职工互助保障服务中心 (organisation names are data, not code). */
  centreName: string;
  guarantorName: string;
  industry: string;
  amountFen: bigint;
  termMonths: number;
  purpose: string;
  greenChannel: boolean;
  /** The centre reviewer's recorded opinion. */
  centreOpinion: string;
};

export type GuaranteeLetterPdf = LetterBase & {
  guarantorName: string;
  bankName: string;
  guaranteeContractNo: string;
  guaranteedAmountFen: bigint;
  termMonths: number;
  /** Both 0 under the programme's policy; printed as 免收 when 0. */
  guaranteeFeeFen: bigint;
  reviewFeeFen: bigint;
};

export type BankApprovalNoticePdf = LetterBase & {
  bankName: string;
  guarantorName: string;
  loanContractNo: string;
  guaranteeContractNo: string;
  principalFen: bigint;
  /** Already formatted by the caller, e.g. "3.85%", so no float ever reaches this module. */
  annualRate: string;
  /** e.g. "一年期LPR 3.85%（2021年6月21日公布）" */
  lprReference: string;
  termMonths: number;
  /** e.g. "按月付息，到期一次还本" */
  repaymentMethod: string;
  notes?: readonly string[];
};

/** How the bank's approval notice words each repayment method (the letter's own official wording). */
export const REPAYMENT_METHOD_WORDING = {
  INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY: "按月付息，到期一次还本",
  EQUAL_INSTALMENTS: "等额本息，按月还款",
} as const;

function enterpriseClause(e: LetterEnterprise): string {
  return `${e.name}（统一社会信用代码：${e.creditCode}，法定代表人：${e.legalRep}）`;
}

function feeText(fen: bigint): string {
  return fen === 0n ? `免收（${formatFen(fen)}）` : formatFen(fen);
}

export function renderRecommendationLetter(data: RecommendationLetterPdf): Promise<Buffer> {
  const e = data.enterprise;
  const meta = { title: "推荐函", documentNo: data.documentNo, generatedAt: data.generatedAt };
  return renderPdf(meta, (doc) => {
    drawTitleBlock(doc, { title: "推荐函", refLeft: `申请编号：${data.applicationNo}`, refRight: `文号：${data.documentNo}` });
    drawParagraph(doc, `${data.guarantorName}：`, { indent: false, bold: true });
    drawParagraph(
      doc,
      `兹推荐${enterpriseClause(e)}申请${PROGRAMME_NAME}${data.kind === "RENEWAL" ? "续贷" : ""}，` +
        `申请金额${formatAmountWithUpper(data.amountFen)}，` +
        `贷款期限${data.termMonths}个月，贷款用途为${data.purpose}。`,
    );
    drawParagraph(
      doc,
      "经我中心审核，该企业符合暖·创贷申请条件，申请材料齐全。现推荐至贵公司，请按程序办理担保评审。" +
        (data.greenChannel ? "本申请适用绿色通道（即申即办），请予优先办理。" : ""),
    );
    drawFieldTable(doc, [
      { label: "企业名称", value: e.name },
      [
        { label: "统一社会信用代码", value: e.creditCode },
        { label: "法定代表人", value: e.legalRep },
      ],
      [
        { label: "申请类型", value: data.kind === "RENEWAL" ? "续贷" : "新申请" },
        { label: "绿色通道", value: data.greenChannel ? "是（即申即办）" : "否" },
      ],
      { label: "申请金额", value: formatAmountWithUpper(data.amountFen) },
      [
        { label: "贷款期限", value: `${data.termMonths}个月` },
        { label: "所属行业", value: data.industry },
      ],
      { label: "贷款用途", value: data.purpose },
      { label: "中心审核意见", value: data.centreOpinion },
    ]);
    drawParagraph(doc, "特此推荐。");
    drawIssuerSeal(doc, { orgName: data.centreName, date: formatDateCn(data.issuedOn) });
  });
}

export function renderGuaranteeLetter(data: GuaranteeLetterPdf): Promise<Buffer> {
  const e = data.enterprise;
  const meta = { title: "担保函", documentNo: data.documentNo, generatedAt: data.generatedAt };
  const feesWaived = data.guaranteeFeeFen === 0n && data.reviewFeeFen === 0n;
  return renderPdf(meta, (doc) => {
    drawTitleBlock(doc, {
      title: "担保函",
      refLeft: `担保合同编号：${data.guaranteeContractNo}`,
      refRight: `文号：${data.documentNo}`,
    });
    drawParagraph(doc, `${data.bankName}：`, { indent: false, bold: true });
    drawParagraph(
      doc,
      `${enterpriseClause(e)}向贵行申请${PROGRAMME_NAME}。经我公司评审，同意为该笔贷款提供全额连带责任保证担保，` +
        `担保金额为${formatAmountWithUpper(data.guaranteedAmountFen)}，担保期限${data.termMonths}个月。`,
    );
    drawParagraph(
      doc,
      (feesWaived ? "根据暖·创贷政策，本笔担保免收担保费、评审费。" : "") +
        `具体担保责任以我公司与贵行签订的保证合同（编号：${data.guaranteeContractNo}）约定为准。`,
    );
    drawFieldTable(doc, [
      { label: "被担保人", value: e.name },
      [
        { label: "统一社会信用代码", value: e.creditCode },
        { label: "法定代表人", value: e.legalRep },
      ],
      { label: "担保金额", value: formatAmountWithUpper(data.guaranteedAmountFen) },
      [
        { label: "担保方式", value: "全额连带责任保证" },
        { label: "担保期限", value: `${data.termMonths}个月` },
      ],
      [
        { label: "担保费", value: feeText(data.guaranteeFeeFen) },
        { label: "评审费", value: feeText(data.reviewFeeFen) },
      ],
      { label: "担保合同编号", value: data.guaranteeContractNo },
    ]);
    drawParagraph(doc, "特此函告。");
    drawIssuerSeal(doc, { orgName: data.guarantorName, date: formatDateCn(data.issuedOn) });
  });
}

export function renderBankApprovalNotice(data: BankApprovalNoticePdf): Promise<Buffer> {
  const e = data.enterprise;
  const meta = { title: "贷款审批通知书", documentNo: data.documentNo, generatedAt: data.generatedAt };
  return renderPdf(meta, (doc) => {
    drawTitleBlock(doc, {
      title: "贷款审批通知书",
      refLeft: `借款合同编号：${data.loanContractNo}`,
      refRight: `文号：${data.documentNo}`,
    });
    drawParagraph(doc, `${e.name}：`, { indent: false, bold: true });
    drawParagraph(
      doc,
      `贵单位经${data.guarantorName}担保申请的${PROGRAMME_NAME}，经我行审查，同意发放贷款。具体审批事项通知如下：`,
    );
    drawFieldTable(doc, [
      { label: "借款人", value: e.name },
      [
        { label: "统一社会信用代码", value: e.creditCode },
        { label: "法定代表人", value: e.legalRep },
      ],
      { label: "贷款金额", value: formatAmountWithUpper(data.principalFen) },
      [
        { label: "年利率", value: data.annualRate },
        { label: "贷款期限", value: `${data.termMonths}个月` },
      ],
      { label: "利率定价基准", value: data.lprReference },
      { label: "还款方式", value: data.repaymentMethod },
      [
        { label: "借款合同编号", value: data.loanContractNo },
        { label: "担保合同编号", value: data.guaranteeContractNo },
      ],
      { label: "担保机构", value: `${data.guarantorName}（全额连带责任保证）` },
    ]);
    drawParagraph(
      doc,
      "请贵单位收到本通知书后，按约定办理借款合同签订及放款手续。贷款金额、利率、期限及还款方式以双方签订的借款合同为准。",
    );
    for (const note of data.notes ?? []) drawNote(doc, `注：${note}`);
    drawIssuerSeal(doc, { orgName: data.bankName, date: formatDateCn(data.issuedOn) });
  });
}
