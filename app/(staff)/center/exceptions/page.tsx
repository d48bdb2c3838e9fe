import { notFound } from "next/navigation";
import { requireSection } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { ExceptionsPage } from "@/components/exceptions/exceptions-page";
import { pageTitle } from "@/components/page-title";
import { ClientMessages } from "@/components/layout/client-messages";

export const generateMetadata = pageTitle("exceptions");

export default async function ExceptionsRoute({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSection("center");
  if (actor.kind !== "STAFF" || !can(actor, "exception.read")) notFound();
  return <ClientMessages namespaces={["exceptions.form"]}><ExceptionsPage actor={actor} searchParams={await searchParams} /></ClientMessages>;
}
