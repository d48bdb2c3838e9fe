import { assertCan } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { historyTemplateCsv } from "@/lib/history/lines";

/** The historical file's template (CSV: the columns and two sample lines), for those who import it. */
export const GET = route(signedInAudience, async ({ actor }) => {
  assertCan(actor, "history.import");
  return attachmentResponse(new TextEncoder().encode(historyTemplateCsv()), "history-template.csv", "text/csv; charset=utf-8");
});
