import "server-only";
import { formatFen, sumFen } from "@/lib/money/fen";
import {
  drawFieldTable,
  drawGridTable,
  drawIssuerSeal,
  drawNote,
  drawSectionHeading,
  drawSignatureBlock,
  drawTitleBlock,
  formatAmountWithUpper,
  formatDateCn,
  formatDateTimeCn,
  renderPdf,
} from "./document";

export type SubsidyQuarter = { year: number; quarter: 1 | 2 | 3 | 4 };

export type SubsidyPayment = {
  reference: string;
  /** Calendar date, YYYY-MM-DD. */
  paidOn: string;
};

export type SubsidyStatementLine = {
  contractNo: string;
  /** Calendar dates, YYYY-MM-DD. */
  periodStart: string;
  periodEnd: string;
  interestPaidFen: bigint;
  subsidyFen: bigint;
};

export type SubsidyStatementPdf = {
  documentNo: string;
  /** Calendar date, YYYY-MM-DD. */
  issuedOn: string;
  generatedAt: Date;
  centreName: string;
  bankName: string;
  quarter: SubsidyQuarter;
  enterprise: { name: string; creditCode: string; legalRep: string };
  lines: readonly SubsidyStatementLine[];
  /** Null until the subsidy has been paid. */
  payment: SubsidyPayment | null;
  notes?: readonly string[];
};

export type SubsidyBatchSummaryPdf = {
  batchNo: string;
  generatedAt: Date;
  centreName: string;
  bankName: string;
  quarter: SubsidyQuarter;
  lineCount: number;
  enterpriseCount: number;
  totalInterestPaidFen: bigint;
  totalSubsidyFen: bigint;
  /** Chinese label of the batch status; the caller owns the status enum and its wording. */
  statusLabel: string;
  maker: { name: string; at: Date };
  /** Null until a second person has checked the batch. */
  checker: { name: string; at: Date } | null;
  payment: SubsidyPayment | null;
  /** Optional per-enterprise breakdown. */
  enterprises?: readonly { name: string; lineCount: number; subsidyFen: bigint }[];
};

export function formatQuarter(q: SubsidyQuarter): string {
  return `${q.year}年第${q.quarter}季度`;
}

function periodText(start: string, end: string): string {
  const dot = (d: string) => d.replaceAll("-", ".");
  return `${dot(start)}–${dot(end)}`;
}

function paymentFields(payment: SubsidyPayment | null) {
  return [
    { label: "支付流水号", value: payment?.reference ?? "—" },
    { label: "支付日期", value: payment ? formatDateCn(payment.paidOn) : "—" },
  ] as const;
}

export function renderSubsidyStatement(data: SubsidyStatementPdf): Promise<Buffer> {
  const e = data.enterprise;
  const quarter = formatQuarter(data.quarter);
  const totalInterest = sumFen(data.lines.map((l) => l.interestPaidFen));
  const totalSubsidy = sumFen(data.lines.map((l) => l.subsidyFen));
  const meta = { title: "贴息确认单", documentNo: data.documentNo, generatedAt: data.generatedAt };
  return renderPdf(meta, (doc) => {
    drawTitleBlock(doc, { title: "贴息确认单", refLeft: `贴息季度：${quarter}`, refRight: `编号：${data.documentNo}` });

    drawSectionHeading(doc, "一、企业信息");
    drawFieldTable(doc, [
      { label: "企业名称", value: e.name },
      [
        { label: "统一社会信用代码", value: e.creditCode },
        { label: "法定代表人", value: e.legalRep },
      ],
      { label: "贷款银行", value: data.bankName },
      [
        { label: "贴息季度", value: quarter },
        { label: "明细笔数", value: `${data.lines.length}笔` },
      ],
    ]);

    drawSectionHeading(doc, "二、贴息明细");
    drawGridTable(
      doc,
      [
        { header: "序号", weight: 0.8, align: "center" },
        { header: "借款合同编号", weight: 3.2 },
        { header: "计息期间", weight: 3.4, align: "center" },
        { header: "已付利息", weight: 2.3, align: "right" },
        { header: "贴息金额", weight: 2.3, align: "right" },
      ],
      data.lines.map((l, i) => [
        String(i + 1),
        l.contractNo,
        periodText(l.periodStart, l.periodEnd),
        formatFen(l.interestPaidFen),
        formatFen(l.subsidyFen),
      ]),
      { totalRow: ["", "合计", `${data.lines.length}笔`, formatFen(totalInterest), formatFen(totalSubsidy)] },
    );

    drawSectionHeading(doc, "三、贴息金额及支付");
    const [reference, paidOn] = paymentFields(data.payment);
    drawFieldTable(doc, [
      { label: "贴息金额合计", value: formatAmountWithUpper(totalSubsidy) },
      [{ label: "支付状态", value: data.payment ? "已支付" : "待支付" }, paidOn],
      reference,
    ]);
    for (const note of data.notes ?? []) drawNote(doc, `注：${note}`);
    drawIssuerSeal(doc, { orgName: data.centreName, date: formatDateCn(data.issuedOn) });
  });
}

export function renderSubsidyBatchSummary(data: SubsidyBatchSummaryPdf): Promise<Buffer> {
  const quarter = formatQuarter(data.quarter);
  const meta = { title: "贴息批次汇总表", documentNo: data.batchNo, generatedAt: data.generatedAt };
  return renderPdf(meta, (doc) => {
    drawTitleBlock(doc, { title: "贴息批次汇总表", refLeft: `批次编号：${data.batchNo}`, refRight: `状态：${data.statusLabel}` });

    drawSectionHeading(doc, "一、批次概况");
    const [reference, paidOn] = paymentFields(data.payment);
    drawFieldTable(doc, [
      { label: "经办单位", value: data.centreName },
      { label: "贷款银行", value: data.bankName },
      [
        { label: "贴息季度", value: quarter },
        { label: "批次状态", value: data.statusLabel },
      ],
      [
        { label: "明细笔数", value: `${data.lineCount}笔` },
        { label: "涉及企业数", value: `${data.enterpriseCount}家` },
      ],
      { label: "已付利息合计", value: formatFen(data.totalInterestPaidFen) },
      { label: "贴息金额合计", value: formatAmountWithUpper(data.totalSubsidyFen) },
      [paidOn, reference],
    ]);

    if (data.enterprises && data.enterprises.length > 0) {
      drawSectionHeading(doc, "二、按企业汇总");
      drawGridTable(
        doc,
        [
          { header: "序号", weight: 0.8, align: "center" },
          { header: "企业名称", weight: 6 },
          { header: "笔数", weight: 1.2, align: "center" },
          { header: "贴息金额", weight: 2.6, align: "right" },
        ],
        data.enterprises.map((row, i) => [String(i + 1), row.name, String(row.lineCount), formatFen(row.subsidyFen)]),
        { totalRow: ["", "合计", String(data.lineCount), formatFen(data.totalSubsidyFen)] },
      );
    }

    drawSectionHeading(doc, data.enterprises?.length ? "三、审核记录" : "二、审核记录");
    drawFieldTable(doc, [
      [
        { label: "经办人（制单）", value: data.maker.name },
        { label: "经办时间", value: formatDateTimeCn(data.maker.at) },
      ],
      [
        { label: "复核人", value: data.checker?.name ?? "—" },
        { label: "复核时间", value: data.checker ? formatDateTimeCn(data.checker.at) : "—" },
      ],
    ]);
    // Wet signatures on the printed copy; the recorded names and times are in the table above.
    drawSignatureBlock(doc, [{ label: "经办人签字" }, { label: "复核人签字" }]);
  });
}
