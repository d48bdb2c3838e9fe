import "server-only";
import { formatFen } from "@/lib/money/fen";
import {
  drawFieldTable,
  drawGridTable,
  drawParagraph,
  drawSectionHeading,
  drawSignatureBlock,
  drawTitleBlock,
  ensureSpace,
  formatAmountWithUpper,
  formatDateCn,
  formatDateTimeCn,
  paragraphHeight,
  renderPdf,
  SIGNATURE_BLOCK_HEIGHT,
} from "./document";

export type ApplicationKind = "NEW" | "RENEWAL";

export type ApplicationFormPdf = {
  applicationNo: string;
  kind: ApplicationKind;
  /** Null for a draft printed before submission. */
  submittedAt: Date | null;
  generatedAt: Date;
  applicant: {
    name: string;
    /** Printed exactly as given: the caller decides whether this reader sees it masked. */
    idNumber: string;
    mobile: string;
    unionName: string;
    memberCardNo: string;
  };
  enterprise: {
    name: string;
    creditCode: string;
    legalRep: string;
    address: string;
    industry: string;
    /** Calendar date, YYYY-MM-DD. */
    foundedOn: string;
    employees: number;
    annualRevenueFen: bigint;
    hasOwnUnion: boolean;
    /** Null when the enterprise has no union of its own. */
    unionMemberCount: number | null;
  };
  loan: {
    amountFen: bigint;
    termMonths: number;
    purpose: string;
    repaymentSource: string;
    /** The earlier loan's contract number, for a renewal. */
    previousContractNo?: string | null;
  };
  greenChannel: boolean;
  documents: readonly { name: string; note?: string }[];
  /** Overrides the default declaration, e.g. when the wording is versioned by policy. */
  declaration?: string;
};

const KIND_LABELS: Record<ApplicationKind, string> = { NEW: "新申请", RENEWAL: "续贷" };

export const APPLICATION_DECLARATION =
  "本人郑重承诺：本申请表所填内容及所附材料均真实、准确、完整，如有虚假，愿承担由此产生的一切法律责任。" +
  "本人同意北京市职工互助保障服务中心、担保机构及贷款银行为审核本申请之目的，在必要范围内核实并共享本人及本企业的相关信息。" +
  "本人知悉贷款须经担保机构和贷款银行审批；贷款获批后，将按合同约定的用途使用贷款，并按期足额还本付息。";

export function renderApplicationForm(data: ApplicationFormPdf): Promise<Buffer> {
  const { applicant: a, enterprise: e, loan } = data;
  const meta = { title: "贷款申请表", documentNo: data.applicationNo, generatedAt: data.generatedAt };
  return renderPdf(meta, (doc) => {
    drawTitleBlock(doc, {
      title: "贷款申请表",
      refLeft: `申请编号：${data.applicationNo}`,
      refRight: `提交时间：${data.submittedAt ? formatDateTimeCn(data.submittedAt) : "未提交"}`,
    });

    drawSectionHeading(doc, "一、申请人信息");
    drawFieldTable(doc, [
      [
        { label: "姓名", value: a.name },
        { label: "手机号码", value: a.mobile },
      ],
      [
        { label: "身份证号码", value: a.idNumber },
        { label: "工会会员卡号", value: a.memberCardNo },
      ],
      { label: "所属工会", value: a.unionName },
    ]);

    drawSectionHeading(doc, "二、企业信息");
    drawFieldTable(doc, [
      { label: "企业名称", value: e.name },
      [
        { label: "统一社会信用代码", value: e.creditCode },
        { label: "法定代表人", value: e.legalRep },
      ],
      { label: "企业地址", value: e.address },
      [
        { label: "所属行业", value: e.industry },
        { label: "成立日期", value: formatDateCn(e.foundedOn) },
      ],
      [
        { label: "从业人数", value: `${e.employees}人` },
        { label: "上年度营业收入", value: formatFen(e.annualRevenueFen) },
      ],
      [
        { label: "是否建立工会", value: e.hasOwnUnion ? "是" : "否" },
        { label: "工会会员人数", value: e.unionMemberCount === null ? "—" : `${e.unionMemberCount}人` },
      ],
    ]);

    drawSectionHeading(doc, "三、贷款申请");
    drawFieldTable(doc, [
      [
        { label: "申请类型", value: KIND_LABELS[data.kind] },
        { label: "绿色通道", value: data.greenChannel ? "是（即申即办）" : "否" },
      ],
      { label: "申请金额", value: formatAmountWithUpper(loan.amountFen) },
      [
        { label: "贷款期限", value: `${loan.termMonths}个月` },
        { label: "原借款合同编号", value: data.kind === "RENEWAL" ? (loan.previousContractNo ?? "—") : "—" },
      ],
      { label: "贷款用途", value: loan.purpose },
      { label: "还款来源", value: loan.repaymentSource },
    ]);

    drawSectionHeading(doc, "四、申请材料");
    drawGridTable(
      doc,
      [
        { header: "序号", weight: 1, align: "center" },
        { header: "材料名称", weight: 5 },
        { header: "说明", weight: 5 },
      ],
      data.documents.length > 0
        ? data.documents.map((d, i) => [String(i + 1), d.name, d.note ?? ""])
        : [["—", "未附材料", ""]],
    );

    // The declaration and the signatures under it must not be separated by a page break.
    const declaration = data.declaration ?? APPLICATION_DECLARATION;
    ensureSpace(doc, 48 + paragraphHeight(doc, declaration) + SIGNATURE_BLOCK_HEIGHT);
    drawSectionHeading(doc, "五、申请人声明");
    drawParagraph(doc, declaration);
    drawSignatureBlock(doc, [{ label: "申请人签字" }, { label: "企业（盖章）" }]);
  });
}
