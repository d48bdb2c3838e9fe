import type { IntakeChannel } from "@/lib/generated/prisma/enums";
import type { Actor, StaffActor } from "@/lib/auth/roles";

// Who may take a case in on a member's behalf: a district union's agent, for their own union (the
// case's intakeOrgId is the agent's organisation, so lib/applications/scope.ts gives them the
// case), and the centre's hotline operator, for a caller (channel HOTLINE; the hotline desk is
// shared, so every operator follows every hotline case, whatever the member's district).

export type IntakeAgent = StaffActor & { role: "DISTRICT_AGENT" | "HOTLINE_OPERATOR" };

export const isIntakeAgent = (actor: Actor): actor is IntakeAgent =>
  actor.kind === "STAFF" && (actor.role === "DISTRICT_AGENT" || actor.role === "HOTLINE_OPERATOR");

/** The channel of a case an intake agent starts. */
export const intakeChannelOf = (actor: IntakeAgent): Exclude<IntakeChannel, "ONLINE"> =>
  actor.role === "HOTLINE_OPERATOR" ? "HOTLINE" : "DISTRICT_UNION";

/** The intake channels; a case's channel is set when its draft is created and never changes. */
export const INTAKE_CHANNELS = ["ONLINE", "DISTRICT_UNION", "HOTLINE"] as const satisfies readonly IntakeChannel[];

/** The password hash of an account registered at a desk and not yet claimed: nothing verifies against it. */
export const UNCLAIMED_PASSWORD = "!";
