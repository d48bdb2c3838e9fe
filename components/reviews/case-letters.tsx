import { getTranslations } from "next-intl/server";
import type { CaseForStaff } from "@/lib/reviews/queries";
import type { StaffActor } from "@/lib/auth/roles";

const KINDS = ["recommendation", "guarantee", "approval"] as const;
const READERS: Record<(typeof KINDS)[number], readonly StaffActor["organisationType"][]> = {
  recommendation: ["SUPPORT_CENTER", "GUARANTOR"],
  guarantee: ["SUPPORT_CENTER", "GUARANTOR", "BANK"],
  approval: ["SUPPORT_CENTER", "BANK"],
};

/** The letters this case has produced so far, for the organisations that write or receive them. */
export async function CaseLetters({ c, organisationType }: { c: CaseForStaff; organisationType: StaffActor["organisationType"] }) {
  const issued = {
    recommendation: c.guarantorOrg !== null && c.status !== "CENTER_REVIEW",
    guarantee: c.guarantee !== null,
    approval: c.loan !== null,
  };
  const kinds = KINDS.filter((k) => issued[k] && READERS[k].includes(organisationType));
  if (kinds.length === 0) return null;
  const t = await getTranslations("case.letters");
  return (
    <section className="card" aria-labelledby="case-letters" data-testid="case-letters">
      <h2 id="case-letters">{t("title")}</h2>
      <div className="actions">
        {kinds.map((k) => (
          <a key={k} className="btn btn--secondary btn--small" href={`/api/applications/${c.id}/letters/${k}`}>{t("download", { letter: t(`name.${k}`) })}</a>
        ))}
      </div>
    </section>
  );
}
