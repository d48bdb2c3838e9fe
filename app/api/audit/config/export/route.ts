import { getTranslations } from "next-intl/server";
import { assertCan } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { attachmentResponse } from "@/lib/http/attachment";
import { parseConfigFilters } from "@/lib/audit/config-changes";
import { configChangesCsv } from "@/lib/audit/config-queries";
import { configWording } from "@/lib/audit/config-wording";
import { beijingToday } from "@/lib/calendar/beijing";

/** The configuration changes, filtered as on the page, as CSV; administrators and auditors only. */
export const GET = route(signedInAudience, async ({ actor, request, t: words }) => {
  assertCan(actor, "audit.read");
  const parsed = parseConfigFilters(Object.fromEntries(new URL(request.url).searchParams));
  if ("error" in parsed) throw new AppError("BAD_REQUEST", words(`configAudit.${parsed.error}`));
  const t = await getTranslations("configAudit");
  const header = [t("at"), t("kind"), t("action"), t("actor"), t("subject"), t("before"), t("after"), t("moved")];
  const day = beijingToday();
  return attachmentResponse(await configChangesCsv(actor, parsed.filters, header, await configWording()), `config-changes-${day}.csv`, "text/csv; charset=utf-8");
});
