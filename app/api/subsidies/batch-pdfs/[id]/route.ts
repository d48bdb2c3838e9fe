import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { batchPdfsJob } from "@/lib/subsidies/batch-pdfs-queries";
import { batchPdfsJobView } from "@/lib/subsidies/job-view";

/** A batch's PDFs being prepared, as the batch page shows it: only its own organisation's staff; 404 for anyone else. JSON. */
export const GET = route<typeof signedInAudience, { id: string }>(
  signedInAudience,
  async ({ actor, params, t }) => {
    const job = await batchPdfsJob(actor, params.id);
    if (!job) throw new AppError("NOT_FOUND");
    return Response.json({ ok: true, job: batchPdfsJobView(t, job) }, { headers: { "Cache-Control": "no-store" } });
  },
  { answers: "json" },
);
