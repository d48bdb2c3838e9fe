import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { StandingPage } from "@/components/unions/standing-page";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("unions"))("title") };
}

export default async function UnionStanding() {
  const actor = await requireSection("agent");
  if (actor.kind !== "STAFF") notFound();
  return <ClientMessages namespaces={["unions.form", "unions.roster"]}><StandingPage actor={actor} /></ClientMessages>;
}
