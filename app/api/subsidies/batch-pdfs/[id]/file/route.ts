import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { batchPdfsArchive } from "@/lib/subsidies/batch-pdfs-queries";

/** The ZIP of a batch's PDFs a finished job made: only its own organisation's staff; 404 for anyone else. */
export const GET = route<typeof signedInAudience, { id: string }>(signedInAudience, async ({ actor, params }) => {
  const archive = await batchPdfsArchive(actor, params.id);
  if (!archive) throw new AppError("NOT_FOUND");
  return attachmentResponse(archive.bytes, archive.fileName, "application/zip");
});
