import { attachmentResponse } from "@/lib/http/attachment";
import { currentActor } from "@/lib/auth/actor";
import { applicationFormPdf } from "@/lib/applications/form-pdf";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const result = await applicationFormPdf(actor, (await params).id);
  if (!result) return new Response("Not found", { status: 404 });
  return attachmentResponse(result.pdf, `申请表-${result.number}.pdf`, "application/pdf");
}
