import "server-only";
import { db } from "@/lib/db/client";
import type { ApplicationStatus, IntakeChannel } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { applicationScope, scopedApplication } from "@/lib/applications/scope";
import { mobileLookup, unsealOptional } from "@/lib/personal-data/sealed";
import { maskMobile } from "@/lib/validation/identity";
import { intakeChannelOf, isIntakeAgent, UNCLAIMED_PASSWORD } from "@/lib/intake/policy";

/** What the desk learns of a mobile number: a member's masked number and display name, nothing more. */
export type MemberMatch =
  | { kind: "member"; userId: string; displayName: string; mobileMasked: string; claimed: boolean }
  | { kind: "none" }
  /** A staff or disabled account holds the number: it cannot be an applicant. */
  | { kind: "unavailable" };

export async function findMemberByMobile(actor: Actor, mobile: string): Promise<MemberMatch> {
  if (!isIntakeAgent(actor)) return { kind: "none" };
  const user = await db.user.findUnique({
    where: mobileLookup(mobile),
    select: { id: true, displayName: true, mobileSealed: true, disabledAt: true, passwordHash: true, membership: { select: { id: true } } },
  });
  if (!user) return { kind: "none" };
  if (user.membership || user.disabledAt) return { kind: "unavailable" };
  return {
    kind: "member",
    userId: user.id,
    displayName: user.displayName,
    mobileMasked: maskMobile(unsealOptional(user.mobileSealed, "User.mobile") ?? ""),
    claimed: user.passwordHash !== UNCLAIMED_PASSWORD,
  };
}

export type AssistedCaseRow = {
  id: string;
  number: string;
  status: ApplicationStatus;
  channel: IntakeChannel;
  enterpriseName: string;
  applicantName: string;
  agentName: string | null;
  createdAt: Date;
  /** The draft waits for the applicant's consents and submission. */
  waitingForApplicant: boolean;
};

/** The cases the agent's union (or the hotline desk) took in, newest first; drafts wait for their applicant. */
export async function assistedCases(actor: Actor, take = 100): Promise<AssistedCaseRow[]> {
  if (!isIntakeAgent(actor)) return [];
  const rows = await db.loanApplication.findMany({
    where: { AND: [applicationScope(actor), { intakeChannel: intakeChannelOf(actor) }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, number: true, status: true, intakeChannel: true, createdAt: true,
      enterprise: { select: { name: true } },
      applicant: { select: { displayName: true } },
      intakeAgent: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    channel: r.intakeChannel,
    enterpriseName: r.enterprise.name,
    applicantName: r.applicant.displayName,
    agentName: r.intakeAgent?.displayName ?? null,
    createdAt: r.createdAt,
    waitingForApplicant: r.status === "DRAFT" || r.status === "RETURNED",
  }));
}

/** One case the agent's union took in, for the desk's document page (null outside the agent's scope). */
export async function assistedCase(actor: Actor, id: string) {
  if (!isIntakeAgent(actor) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const app = await db.loanApplication.findFirst({
    where: scopedApplication(actor, id),
    select: {
      id: true, number: true, kind: true, status: true, intakeChannel: true, createdAt: true,
      enterprise: { select: { name: true, creditCode: true, legalRepName: true, address: true, industry: true, foundedOn: true, employees: true } },
      applicant: { select: { displayName: true, mobileSealed: true } },
      intakeAgent: { select: { displayName: true } },
      intakeOrg: { select: { nameZh: true } },
    },
  });
  if (!app) return null;
  return {
    id: app.id,
    number: app.number,
    kind: app.kind,
    status: app.status,
    channel: app.intakeChannel,
    createdAt: app.createdAt,
    enterprise: app.enterprise,
    applicant: { name: app.applicant.displayName, mobileMasked: maskMobile(unsealOptional(app.applicant.mobileSealed, "User.mobile") ?? "") },
    agentName: app.intakeAgent?.displayName ?? null,
    organisationName: app.intakeOrg?.nameZh ?? null,
    waitingForApplicant: app.status === "DRAFT" || app.status === "RETURNED",
  };
}
export type AssistedCase = NonNullable<Awaited<ReturnType<typeof assistedCase>>>;
