import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { LETTER_KINDS, reviewLetter, type LetterKind } from "@/lib/reviews/letters";

export const GET = route<typeof signedInAudience, { id: string; kind: string }>(signedInAudience, async ({ actor, params, t }) => {
  if (!(LETTER_KINDS as readonly string[]).includes(params.kind)) throw new AppError("NOT_FOUND");
  const letter = await reviewLetter(actor, params.id, params.kind as LetterKind);
  if (!letter) throw new AppError("NOT_FOUND");
  return attachmentResponse(letter.pdf, t(`case.letters.fileName.${params.kind}`, { number: letter.number }), "application/pdf");
});
