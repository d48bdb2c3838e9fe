import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { applicantOverview, listMyApplications } from "@/lib/applications/queries";
import { enterpriseEligibility } from "@/lib/applications/eligibility-queries";

/** The applicant's home, read at once: their cases, profile and consents, enterprises and what blocks each from applying. */
export async function applicantDashboardView(actor: Actor) {
  const [rows, overview] = await Promise.all([listMyApplications(actor), applicantOverview(actor)]);
  const eligibility = await enterpriseEligibility(actor, overview?.enterprises.map((e) => e.id) ?? []);
  return { rows, overview, eligibility };
}
