import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { readingOfDocument } from "@/lib/ocr/queries";

/**
 * The portal's reading of a document (status, progress, proposals) for an actor who may open the
 * document: the enterprise form polls it after a licence upload. Anyone else gets 404. Answers JSON, errors included.
 */
export const GET = route<typeof signedInAudience, { id: string }>(
  signedInAudience,
  async ({ actor, params }) => {
    const reading = await readingOfDocument(actor, params.id);
    if (!reading) throw new AppError("NOT_FOUND");
    return Response.json({ ok: true, reading }, { headers: { "Cache-Control": "no-store" } });
  },
  { answers: "json" },
);
