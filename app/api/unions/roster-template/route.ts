import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { attachmentResponse } from "@/lib/http/attachment";
import { rosterTemplateCsv } from "@/lib/unions/roster";

/** The membership roster template (CSV), for those who record union standing. */
export async function GET(): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "union.record")) return new Response("Not found", { status: 404 });
  return attachmentResponse(new TextEncoder().encode(rosterTemplateCsv()), "会员名册模板.csv", "text/csv; charset=utf-8");
}
