"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/safe-action";
import { markInboxRead } from "@/lib/notifications/services/mark-read";

export const markInboxReadAction = signedInAction({
  schema: z.object({}),
  run: (_input, actor) => markInboxRead(actor),
  success: async () => (await getTranslations("inbox"))("markedRead"),
  after: () => revalidatePath("/", "layout"),
});
