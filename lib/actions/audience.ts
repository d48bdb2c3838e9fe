import type { StaffRole } from "@/lib/generated/prisma/enums";
import type { Actor, StaffActor } from "@/lib/auth/roles";

// Who may call a server action. Every action is made by a builder that names one of these
// (lib/actions/safe-action.ts); the gate checks it before the input is even parsed.

export type Audience =
  /** Anyone, signed in or not: sign-in, registration, the language switch. */
  | { kind: "public" }
  /** Anyone signed in, acting on their own account (password, sessions). */
  | { kind: "signedIn" }
  /** A signed-in applicant acting on their own records. */
  | { kind: "applicant" }
  /** Staff holding one of the named roles (their organisation is checked by the service). */
  | { kind: "staff"; roles: readonly StaffRole[] };

export type ApplicantActor = Extract<Actor, { kind: "APPLICANT" }>;

/** The actor an action's body receives for its audience. */
export type ActorOf<A extends Audience> = A extends { kind: "public" }
  ? Actor | null
  : A extends { kind: "signedIn" }
    ? Actor
    : A extends { kind: "applicant" }
      ? ApplicantActor
      : A extends { kind: "staff"; roles: readonly (infer R)[] }
        ? StaffActor & { role: R }
        : never;

export type AudienceVerdict = "allowed" | "UNAUTHENTICATED" | "NOT_FOUND";

/**
 * Whether the actor belongs to the audience. Outsiders who are signed in are told "not found":
 * to them the action, like the records behind it, does not exist.
 */
export function judgeAudience(audience: Audience, actor: Actor | null): AudienceVerdict {
  if (audience.kind === "public") return "allowed";
  if (!actor) return "UNAUTHENTICATED";
  if (audience.kind === "signedIn") return "allowed";
  if (audience.kind === "applicant") return actor.kind === "APPLICANT" ? "allowed" : "NOT_FOUND";
  return actor.kind === "STAFF" && audience.roles.includes(actor.role) ? "allowed" : "NOT_FOUND";
}

export const publicAudience = { kind: "public" } as const satisfies Audience;
export const signedInAudience = { kind: "signedIn" } as const satisfies Audience;
export const applicantAudience = { kind: "applicant" } as const satisfies Audience;
export const staffAudience = <const R extends readonly StaffRole[]>(roles: R) => ({ kind: "staff", roles }) as const;

/** A role list of a typed table (the workflow, the permissions) without the applicant. */
export const staffRolesOf = (roles: readonly string[]): StaffRole[] =>
  roles.filter((r): r is StaffRole => r !== "APPLICANT");
