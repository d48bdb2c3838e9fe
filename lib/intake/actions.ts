"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/actions/safe-action";
import { requestOrigin } from "@/lib/http/request-origin";
import { registerMemberSchema, startAssistedSchema } from "@/lib/intake/schemas";
import { registerMember } from "@/lib/intake/services/register-member";
import { startAssistedApplication } from "@/lib/intake/services/start-assisted-application";

const AGENTS = ["DISTRICT_AGENT"] as const;

/** The desk registers a member with no account; they receive a text to claim it. */
export const registerMemberAction = staffAction(AGENTS, {
  schema: registerMemberSchema,
  run: async (input, actor) => ({ ...(await registerMember(actor, input, await requestOrigin())), mobile: input.mobile }),
  success: async () => (await getTranslations("intake"))("registered"),
  after: ({ mobile }) => redirect(`/agent/intake?mobile=${encodeURIComponent(mobile)}`),
});

/** The desk creates the member's enterprise and a draft; then it uploads the papers collected. */
export const startAssistedAction = staffAction(AGENTS, {
  schema: startAssistedSchema,
  run: (input, actor) => startAssistedApplication(actor, input),
  success: async () => (await getTranslations("intake"))("draftCreated"),
  after: ({ applicationId }) => {
    revalidatePath("/agent/intake");
    redirect(`/agent/intake/${applicationId}`);
  },
});
