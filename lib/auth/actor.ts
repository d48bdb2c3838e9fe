import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { AppError } from "@/lib/errors";
import { mayEnterSection, type Actor, type Section, type StaffActor } from "@/lib/auth/roles";

// One session check per request, whoever asks (each check reads the account).
const sessionOfRequest = cache(() => auth());

/**
 * Whoever holds this request's session, or null: for the account's own pages and actions. A
 * session whose account could not be checked (the database is unavailable) is neither: the
 * request is refused with "try again" (UNAVAILABLE) and the session is kept for the next one.
 */
export const currentAccountHolder = cache(async (): Promise<Actor | null> => {
  const session = await sessionOfRequest();
  if (session?.unverified) throw new AppError("UNAVAILABLE");
  return session?.actor ?? null;
});

/**
 * Whom the site header names: the account holder, or null when there is none or it cannot be
 * checked now (the database is unavailable). For display only, never to authorise: a page that
 * needs no database still renders during an outage.
 */
export const shownAccountHolder = cache(async (): Promise<Actor | null> => {
  const session = await sessionOfRequest();
  return session?.unverified ? null : (session?.actor ?? null);
});

/**
 * The signed-in actor for this request, or null. Staff who must still set up two-factor sign-in
 * count as not signed in everywhere but their account pages. Read once per request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const actor = await currentAccountHolder();
  return actor?.kind === "STAFF" && actor.twoFactorMissing ? null : actor;
});

/** For services and actions: the actor, or an UNAUTHENTICATED error. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}

export async function requireStaff(): Promise<StaffActor> {
  const actor = await requireActor();
  if (actor.kind !== "STAFF") throw new AppError("NOT_FOUND");
  return actor;
}

/** For pages: sign-in when anonymous, 404 when the section is not the actor's. */
export async function requireSection(section: Section): Promise<Actor> {
  const actor = await currentActor();
  if (!actor && (await currentAccountHolder())) redirect("/account/two-factor");
  if (!actor) redirect(`/login?next=/${section}`);
  if (!mayEnterSection(actor.role, section)) notFound();
  return actor;
}
