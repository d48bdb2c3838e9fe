import { assertCan } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { rosterTemplateCsv } from "@/lib/unions/roster";

/** The membership roster template (CSV), for those who record union standing. */
export const GET = route(signedInAudience, async ({ actor, t }) => {
  assertCan(actor, "union.record");
  return attachmentResponse(new TextEncoder().encode(rosterTemplateCsv()), t("downloads.rosterTemplate"), "text/csv; charset=utf-8");
});
