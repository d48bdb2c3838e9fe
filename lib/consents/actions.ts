"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/safe-action";
import { wordRefusal } from "@/lib/validation/refused-input";
import { words } from "@/lib/i18n/words";
import { publishConsentWording, WORDING_TEXT_MAX } from "@/lib/consents/services/publish-wording";

// /admin/consents: an administrator publishes a new version of a consent's wording. The service
// judges the input (codes); the words are chosen here, in the reader's language.

export const publishConsentWordingAction = adminAction({
  schema: z.object({
    kind: z.enum(["SENSITIVE_PERSONAL_INFO", "CREDIT_REPORT_AUTHORISATION"]),
    version: z.string().max(60),
    textZh: z.string().max(WORDING_TEXT_MAX * 2),
    textEn: z.string().max(WORDING_TEXT_MAX * 2),
    effectiveFrom: z.string().trim().max(20),
  }),
  run: (input, actor) => wordRefusal(() => publishConsentWording(actor, input), (code, params) => words(`consentWordings.problem.${code}`, params)),
  success: (r) => words("consentWordings.published", { version: r.version }),
  after: () => {
    revalidatePath("/admin/consents");
    revalidatePath("/applicant", "layout");
  },
});
