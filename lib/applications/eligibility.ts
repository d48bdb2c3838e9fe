import { formatFen } from "@/lib/money/fen";
import { programmeTranslator } from "@/lib/i18n/translator";

// The pre-check shown before the applicant types and enforced again at submission. Each block
// is explained in plain words; the list is empty when the case may go ahead.

export type EligibilityFacts = {
  hasMemberProfile: boolean;
  consents: { sensitive: boolean; credit: boolean };
  amountFen: bigint | null;
  termMonths: number | null;
  /** The case's limits: the pinned policy's, raised by the case's 一企一策 exceptions in force. */
  policy: { maxLoanFen: bigint; maxTermMonths: number; coolingDays: number };
  /** An approved, unexpired cooling waiver of the enterprise lifts the cooling block. */
  coolingWaived?: boolean;
  /** The person's other open cases and outstanding loans, across all their enterprises. */
  person?: PersonExposure;
  otherOpenCase: { number: string } | null;
  /** A loan of the enterprise not yet repaid (active or overdue) that this case does not renew. */
  outstandingLoan: { contractNo: string } | null;
  lastRejection: { number: string; closedAt: Date } | null;
  now: Date;
};

export type PersonExposure = {
  /** Open cases and outstanding loans other than this case (a renewal's loan counts as the renewal). */
  others: number;
  /** What they add up to: amounts requested, principal not yet repaid. */
  othersFen: bigint;
  maxCases: number;
  maxExposureFen: bigint;
};

export type EligibilityBlock = {
  code: "NOT_MEMBER" | "NO_CONSENT" | "OVER_CAP" | "TERM" | "COOLING" | "OPEN_CASE" | "OUTSTANDING_LOAN" | "INCOMPLETE" | "PERSON_CASES" | "PERSON_EXPOSURE";
  message: string;
};

/** The per-person rule: this case beside the person's others stays within both caps. */
export function personBlocks(person: PersonExposure, amountFen: bigint | null): EligibilityBlock[] {
  const t = programmeTranslator("personExposure");
  const blocks: EligibilityBlock[] = [];
  if (person.others + 1 > person.maxCases) {
    blocks.push({ code: "PERSON_CASES", message: t("PERSON_CASES", { max: person.maxCases, others: person.others }) });
  }
  const total = person.othersFen + (amountFen ?? 0n);
  if (total > person.maxExposureFen) {
    blocks.push({ code: "PERSON_EXPOSURE", message: t("PERSON_EXPOSURE", { max: formatFen(person.maxExposureFen), others: formatFen(person.othersFen), total: formatFen(total) }) });
  }
  return blocks;
}

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
  if (f.person) blocks.push(...personBlocks(f.person, f.amountFen));
  if (f.lastRejection && !f.coolingWaived) {
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
