import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { homeOf, mayEnterSection, SECTION_ROLES, type Section } from "@/lib/auth/roles";
import { safeNextPath } from "@/lib/auth/schemas";

// After sign-in: back to the page that asked for it when the role may see it, else home.
export default async function StartPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const next = safeNextPath((await searchParams).next);
  const section = next?.split("/")[1] as Section | undefined;
  if (next && section && section in SECTION_ROLES && mayEnterSection(actor.role, section)) redirect(next);
  redirect(homeOf(actor.role));
}
