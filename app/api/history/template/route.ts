import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { attachmentResponse } from "@/lib/http/attachment";
import { historyTemplateCsv } from "@/lib/history/lines";

/** The historical file's template (CSV: the columns and two sample lines), for those who import it. */
export async function GET(): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "history.import")) return new Response("Not found", { status: 404 });
  return attachmentResponse(new TextEncoder().encode(historyTemplateCsv()), "history-template.csv", "text/csv; charset=utf-8");
}
