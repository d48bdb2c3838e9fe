import type { CaseForStaff } from "@/lib/reviews/queries";
import type { StaffActor } from "@/lib/auth/roles";

const LABELS = { recommendation: "推荐函", guarantee: "担保函", approval: "贷款审批通知书" } as const;
const READERS: Record<keyof typeof LABELS, readonly StaffActor["organisationType"][]> = {
  recommendation: ["SUPPORT_CENTER", "GUARANTOR"],
  guarantee: ["SUPPORT_CENTER", "GUARANTOR", "BANK"],
  approval: ["SUPPORT_CENTER", "BANK"],
};

/** The letters this case has produced so far, for the organisations that write or receive them. */
export function CaseLetters({ c, organisationType }: { c: CaseForStaff; organisationType: StaffActor["organisationType"] }) {
  const issued = {
    recommendation: c.guarantorOrg !== null && c.status !== "CENTER_REVIEW",
    guarantee: c.guarantee !== null,
    approval: c.loan !== null,
  };
  const kinds = (Object.keys(LABELS) as (keyof typeof LABELS)[]).filter((k) => issued[k] && READERS[k].includes(organisationType));
  if (kinds.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-letters" data-testid="case-letters">
      <h2 id="case-letters">文书</h2>
      <div className="actions">
        {kinds.map((k) => (
          <a key={k} className="btn btn--secondary btn--small" href={`/api/applications/${c.id}/letters/${k}`}>下载{LABELS[k]}（PDF）</a>
        ))}
      </div>
    </section>
  );
}
