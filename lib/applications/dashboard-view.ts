import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { applicantOverview, listMyApplications, MY_APPLICATIONS_LIMIT } from "@/lib/applications/queries";
import { enterpriseEligibility } from "@/lib/applications/eligibility-queries";
import type { EligibilityBlock } from "@/lib/applications/eligibility";

/**
 * The applicant's home, read at once: their cases, profile and consents, enterprises and what
 * blocks each from applying. The eligibility check takes the profile, the consents and the
 * enterprises the overview has read instead of reading them again, and the applicant's cases from
 * their list when it holds them all (it is not full).
 */
export async function applicantDashboardView(actor: Actor) {
  const [rows, read] = await Promise.all([listMyApplications(actor), applicantOverview(actor)]);
  if (!read) return { rows, overview: null, eligibility: new Map<string, EligibilityBlock[]>() };
  const { profile, ...overview } = read;
  const cases = rows.length < MY_APPLICATIONS_LIMIT ? rows : undefined;
  const eligibility = await enterpriseEligibility(actor, overview.enterprises.map((e) => e.id), { profile, consents: overview.consents, cases });
  return { rows, overview, eligibility };
}
