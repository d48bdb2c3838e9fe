import { attachmentResponse } from "@/lib/http/attachment";
import { currentActor } from "@/lib/auth/actor";
import { LETTER_KINDS, reviewLetter, type LetterKind } from "@/lib/reviews/letters";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; kind: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const { id, kind } = await params;
  if (!(LETTER_KINDS as readonly string[]).includes(kind)) return new Response("Not found", { status: 404 });
  const letter = await reviewLetter(actor, id, kind as LetterKind);
  if (!letter) return new Response("Not found", { status: 404 });
  return attachmentResponse(letter.pdf, letter.fileName, "application/pdf");
}
