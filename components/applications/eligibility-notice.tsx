import { getTranslations } from "next-intl/server";
import { blockValues, type EligibilityBlock } from "@/lib/applications/eligibility";

/** The reasons a case may not go ahead yet, in the reader's language (server component). */
export async function EligibilityNotice({ blocks, about = "case" }: { blocks: EligibilityBlock[]; about?: "case" | "enterprise" }) {
  if (!blocks.length) return null;
  const [t, a, root] = await Promise.all([getTranslations("errors.eligibility"), getTranslations("applicant"), getTranslations()]);
  return (
    <div className="notice notice--warn" data-testid="eligibility-blocks" role="status">
      <strong>{a(about === "case" ? "eligibilityTitle" : "eligibilityEnterpriseTitle")}</strong>
      <ul>{blocks.map((b) => <li key={b.code} data-code={b.code}>{t(b.code, blockValues(b, root))}</li>)}</ul>
    </div>
  );
}
