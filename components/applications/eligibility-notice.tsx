import { blockValues, type EligibilityBlock, type EligibilityCode } from "@/lib/applications/eligibility";

/** The words of the notice: next-intl's `errors.eligibility`, `applicant` and root translators. */
export type EligibilityNoticeWords = {
  t: (code: EligibilityCode, values: Record<string, string>) => string;
  a: (key: "eligibilityTitle" | "eligibilityEnterpriseTitle") => string;
  root: (key: string, values?: Record<string, string>) => string;
};

/**
 * The reasons a case may not go ahead yet, in the reader's language (nothing when nothing blocks).
 * A plain component given its words: it renders within its page's own payload row.
 */
export function EligibilityNotice({ blocks, about = "case", words }: { blocks: EligibilityBlock[]; about?: "case" | "enterprise"; words: EligibilityNoticeWords }) {
  if (!blocks.length) return null;
  const { t, a, root } = words;
  return (
    <div className="notice notice--warn" data-testid="eligibility-blocks" role="status">
      <strong>{a(about === "case" ? "eligibilityTitle" : "eligibilityEnterpriseTitle")}</strong>
      <ul>{blocks.map((b) => <li key={b.code} data-code={b.code}>{t(b.code, blockValues(b, root))}</li>)}</ul>
    </div>
  );
}
