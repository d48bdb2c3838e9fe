import { formatFen } from "@/lib/money/fen";

// The pre-check shown before the applicant types and enforced again at submission. Each block
// is explained in plain words; the list is empty when the case may go ahead.

export type EligibilityFacts = {
  hasMemberProfile: boolean;
  consents: { sensitive: boolean; credit: boolean };
  amountFen: bigint | null;
  termMonths: number | null;
  policy: { maxLoanFen: bigint; maxTermMonths: number; coolingDays: number };
  otherOpenCase: { number: string } | null;
  /** A loan of the enterprise not yet repaid (active or overdue) that this case does not renew. */
  outstandingLoan: { contractNo: string } | null;
  lastRejection: { number: string; closedAt: Date } | null;
  now: Date;
};

export type EligibilityBlock = { code: "NOT_MEMBER" | "NO_CONSENT" | "OVER_CAP" | "TERM" | "COOLING" | "OPEN_CASE" | "OUTSTANDING_LOAN" | "INCOMPLETE"; message: string };

const DAY_MS = 86_400_000;

export function eligibilityBlocks(f: EligibilityFacts): EligibilityBlock[] {
  const blocks: EligibilityBlock[] = [];
  if (!f.hasMemberProfile) {
    blocks.push({ code: "NOT_MEMBER", message: "请先填写个人信息和工会会员信息：本贷款仅面向工会会员。" });
  }
  if (!f.consents.sensitive || !f.consents.credit) {
    blocks.push({ code: "NO_CONSENT", message: "请先同意个人敏感信息处理和征信查询授权，否则无法审核您的申请。" });
  }
  if (f.amountFen !== null && f.amountFen > f.policy.maxLoanFen) {
    blocks.push({ code: "OVER_CAP", message: `申请金额超过单户最高额度 ${formatFen(f.policy.maxLoanFen)}。` });
  }
  if (f.termMonths !== null && (f.termMonths < 1 || f.termMonths > f.policy.maxTermMonths)) {
    blocks.push({ code: "TERM", message: `贷款期限须在 1 至 ${f.policy.maxTermMonths} 个月之间。` });
  }
  if (f.otherOpenCase) {
    blocks.push({ code: "OPEN_CASE", message: `该企业已有办理中的申请（${f.otherOpenCase.number}），请先完成或撤回该申请。` });
  }
  if (f.outstandingLoan) {
    blocks.push({
      code: "OUTSTANDING_LOAN",
      message: `该企业的贷款（合同 ${f.outstandingLoan.contractNo}）尚未结清：结清前只能为这笔贷款申请续贷。`,
    });
  }
  if (f.lastRejection) {
    const until = new Date(f.lastRejection.closedAt.getTime() + f.policy.coolingDays * DAY_MS);
    if (until > f.now) {
      const day = until.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
      blocks.push({
        code: "COOLING",
        message: `该企业的申请（${f.lastRejection.number}）未获通过，冷静期 ${f.policy.coolingDays} 天，${day} 后可再次申请。`,
      });
    }
  }
  return blocks;
}
