import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { AppError } from "@/lib/errors";
import { mayEnterSection, type Actor, type Section, type StaffActor } from "@/lib/auth/roles";

/** The signed-in actor for this request, or null. Read once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return session?.actor ?? null;
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
  if (!actor) redirect(`/login?next=/${section}`);
  if (!mayEnterSection(actor.role, section)) notFound();
  return actor;
}
