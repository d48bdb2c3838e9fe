import { attachmentResponse } from "@/lib/http/attachment";
import { currentActor } from "@/lib/auth/actor";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { exportQueueCsv } from "@/lib/reviews/export";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (actor.kind !== "STAFF") return new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const csv = await exportQueueCsv(actor, (params.get("status") ?? undefined) as ApplicationStatus | undefined, {
    green: params.get("green") === "1",
    overdue: params.get("overdue") === "1",
    mine: params.get("mine") === "1",
    q: params.get("q")?.trim().slice(0, 100) || undefined,
  });
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return attachmentResponse(csv, `待办案件-${day}.csv`, "text/csv; charset=utf-8");
}
