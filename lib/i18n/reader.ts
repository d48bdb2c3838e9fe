import "server-only";
import { getTranslations } from "next-intl/server";
import type { RootTranslator } from "@/lib/i18n/words";

/** The whole catalogue in the reader's language (the locale cookie), for Words from any namespace. */
export const rootTranslator = async (): Promise<RootTranslator> => (await getTranslations()) as unknown as RootTranslator;
