import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { LATE_COUNT_CAP, lateCaseCount } from "@/lib/oversight/queries";

/** The way from the centre's home to the oversight of every stage, with the number of late cases. */
export async function OversightLink({ actor }: { actor: StaffActor }) {
  if (!can(actor, "oversight.read")) return null;
  const [t, late] = await Promise.all([getTranslations("oversight"), lateCaseCount(actor)]);
  return <Link href="/center/oversight" className="btn btn--secondary btn--small" data-testid="oversight-link">{t("link", { count: late >= LATE_COUNT_CAP ? `${LATE_COUNT_CAP - 1}+` : late })}</Link>;
}
