import { signedInAudience } from "@/lib/actions/audience";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/inspect";
import { readBodyWithin } from "@/lib/documents/http";
import { idSchema, uploadFieldsSchema } from "@/lib/documents/schemas";
import { uploadDocument } from "@/lib/documents/services/upload-document";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

// The file plus the multipart envelope and the `kind` field.
const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;
const MB = MAX_DOCUMENT_BYTES / (1024 * 1024);

/** Multipart upload of one document version or page: fields `kind`, `file` and `mode` (`page` adds a page). Answers JSON, errors included. */
export const POST = route<typeof signedInAudience, { id: string }>(
  signedInAudience,
  async ({ actor, request, params, t }) => {
    const tooLarge = () => new AppError("TOO_LARGE", t("errors.upload.tooLarge", { mb: MB }));
    if (!idSchema.safeParse(params.id).success) throw new AppError("NOT_FOUND");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();

    const body = await readBodyWithin(request, MAX_BODY_BYTES);
    if (!body) throw tooLarge();
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      throw new AppError("BAD_REQUEST", t("errors.upload.badForm"));
    }
    const fields = uploadFieldsSchema.safeParse({ kind: form.get("kind"), mode: form.get("mode") });
    if (!fields.success) throw new AppError("BAD_REQUEST", t("errors.upload.noKind"));
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("BAD_REQUEST", t("errors.upload.noFile"));
    if (file.size > MAX_DOCUMENT_BYTES) throw tooLarge();

    const bytes = new Uint8Array(await file.arrayBuffer());
    const document = await uploadDocument(actor, params.id, fields.data.kind, file.name, bytes, { addPage: fields.data.mode === "page" });
    return Response.json({ ok: true, document }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { answers: "json" },
);
