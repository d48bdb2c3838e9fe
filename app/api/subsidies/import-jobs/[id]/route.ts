import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { localeOf, route } from "@/lib/http/route";
import { importJob } from "@/lib/subsidies/queries";
import { importJobView } from "@/lib/subsidies/job-view";

/**
 * A statement import job as its bank's page shows it (queued, lines checked, the outcome or why it
 * failed), in the reader's language: the upload's progress polls it. The job of another bank, or
 * anyone but a bank officer, gets 404. Answers JSON, errors included.
 */
export const GET = route<typeof signedInAudience, { id: string }>(
  signedInAudience,
  async ({ actor, params, request, t }) => {
    const job = await importJob(actor, params.id);
    if (!job) throw new AppError("NOT_FOUND");
    return Response.json({ ok: true, job: importJobView(t, localeOf(request), job) }, { headers: { "Cache-Control": "no-store" } });
  },
  { answers: "json" },
);
