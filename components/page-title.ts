import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type TitleKey = "inbox" | "statements" | "batches" | "batch" | "exceptions" | "oversight" | "applicantLoan" | "loans";

/** A page's `generateMetadata`: its title in the reader's language (catalogue `pageTitles`). */
export const pageTitle = (key: TitleKey) => async (): Promise<Metadata> => ({ title: (await getTranslations("pageTitles"))(key) });
