import { redirect } from "next/navigation";
import { currentAccountHolder, currentActor } from "@/lib/auth/actor";
import { homeOf, mayEnterSection, SECTION_ROLES, type Section } from "@/lib/auth/roles";
import { safeNextPath } from "@/lib/auth/schemas";

// After sign-in: back to the page that asked for it when the role may see it, else home.
export default async function StartPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await currentActor();
  // Staff who must still set up two-factor sign-in do that first.
  if (!actor && (await currentAccountHolder())) redirect("/account/two-factor");
  if (!actor) redirect("/login");
  const next = safeNextPath((await searchParams).next);
  const section = next?.split("/")[1] as Section | undefined;
  if (next && section && section in SECTION_ROLES && mayEnterSection(actor.role, section)) redirect(next);
  redirect(homeOf(actor.role));
}
