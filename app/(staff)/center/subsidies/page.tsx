import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { budgetOverview, listBatches } from "@/lib/subsidies/queries";
import { BatchTable } from "@/components/subsidies/batch-table";
import { BudgetPanel } from "@/components/subsidies/budget-panel";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("batches");

export default async function CentreSubsidiesPage() {
  const actor = await requireSection("center");
  const [t, bank, batches, budget] = await Promise.all([getTranslations("subsidy.centre"), getTranslations("subsidy.bank"), listBatches(actor), budgetOverview(actor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <BudgetPanel years={budget} />
      <h2>{bank("batchesTitle")}</h2>
      <BatchTable rows={batches} hrefBase="/center/subsidies" showBank />
    </>
  );
}
