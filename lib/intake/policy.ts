import type { Actor, StaffActor } from "@/lib/auth/roles";

// Who may take a case in at a desk: a district union's agent, for their own union (the case's
// intakeOrgId is the agent's organisation, so lib/applications/scope.ts gives them the case).

export const isIntakeAgent = (actor: Actor): actor is StaffActor & { role: "DISTRICT_AGENT" } =>
  actor.kind === "STAFF" && actor.role === "DISTRICT_AGENT";

/** The intake channels; a case's channel is set when its draft is created and never changes. */
export const INTAKE_CHANNELS = ["ONLINE", "DISTRICT_UNION"] as const;

/** The password hash of an account registered at a desk and not yet claimed: nothing verifies against it. */
export const UNCLAIMED_PASSWORD = "!";
