import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { attachmentResponse } from "@/lib/http/attachment";
import { beijingNoon, parseAsOfParam } from "@/lib/stats/as-of";
import { programmeFiguresCsv, programmeFiguresFileName } from "@/lib/stats/csv";
import { programmeFigures } from "@/lib/stats/queries";

/** The programme's figures as of a day (`?asOf=YYYY-MM-DD`, default today) as a CSV download; 404 without stats.read. */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "stats.read")) return new Response("Not found", { status: 404 });
  const choice = parseAsOfParam(new URL(request.url).searchParams.get("asOf"));
  if (!choice.valid) return new Response("asOf must be a date, YYYY-MM-DD", { status: 400 });
  const figures = await programmeFigures(actor, { asOf: beijingNoon(choice.day) });
  return attachmentResponse(programmeFiguresCsv(figures), programmeFiguresFileName(figures.asOf), "text/csv; charset=utf-8");
}
