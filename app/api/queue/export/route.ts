import { attachmentResponse } from "@/lib/http/attachment";
import { currentActor } from "@/lib/auth/actor";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { getTranslations } from "next-intl/server";
import { exportQueueCsv } from "@/lib/reviews/export";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (actor.kind !== "STAFF") return new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const [t, status] = await Promise.all([getTranslations("queueCsv"), getTranslations("status")]);
  const csv = await exportQueueCsv(actor, (params.get("status") ?? undefined) as ApplicationStatus | undefined, {
    green: params.get("green") === "1",
    overdue: params.get("overdue") === "1",
    mine: params.get("mine") === "1",
    q: params.get("q")?.trim().slice(0, 100) || undefined,
  }, { header: (c) => t(`columns.${c}`), status: (s) => status(s), kind: (k) => t(`kind.${k}`), yes: t("yes"), no: t("no") });
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return attachmentResponse(csv, t("fileName", { day }), "text/csv; charset=utf-8");
}
