import { getTranslations } from "next-intl/server";
import type { EligibilityBlock } from "@/lib/applications/eligibility";

/** The reasons a case may not go ahead yet, in the reader's language (server component). */
export async function EligibilityNotice({ blocks, about = "case" }: { blocks: EligibilityBlock[]; about?: "case" | "enterprise" }) {
  if (!blocks.length) return null;
  const [t, a] = await Promise.all([getTranslations("errors.eligibility"), getTranslations("applicant")]);
  return (
    <div className="notice notice--warn" data-testid="eligibility-blocks" role="status">
      <strong>{a(about === "case" ? "eligibilityTitle" : "eligibilityEnterpriseTitle")}</strong>
      <ul>{blocks.map((b) => <li key={b.code} data-code={b.code}>{t(b.code, b.params)}</li>)}</ul>
    </div>
  );
}
