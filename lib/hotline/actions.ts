"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/actions/safe-action";
import { requestOrigin } from "@/lib/http/request-origin";
import { followUpDoneSchema, logCallSchema, registerCallerSchema, startFromCallSchema, updateCallSchema } from "@/lib/hotline/schemas";
import { logHotlineCall } from "@/lib/hotline/services/log-call";
import { markFollowUpDone, updateHotlineCall } from "@/lib/hotline/services/update-call";
import { registerCaller, startApplicationFromCall } from "@/lib/hotline/services/start-from-call";

const OPERATORS = ["HOTLINE_OPERATOR"] as const;
const words = async (key: "logged" | "updated" | "doneSaved" | "draftCreated") => (await getTranslations("hotline"))(key);

export const logCallAction = staffAction(OPERATORS, {
  schema: logCallSchema,
  run: (input, actor) => logHotlineCall(actor, input),
  success: () => words("logged"),
  after: ({ callId }) => redirect(`/hotline/calls/${callId}`),
});

export const updateCallAction = staffAction(OPERATORS, {
  schema: updateCallSchema,
  run: async (input, actor) => ({ ...(await updateHotlineCall(actor, input)), callId: input.callId }),
  success: () => words("updated"),
  after: ({ callId }) => {
    revalidatePath("/hotline");
    revalidatePath(`/hotline/calls/${callId}`);
  },
});

export const followUpDoneAction = staffAction(OPERATORS, {
  schema: followUpDoneSchema,
  run: async (input, actor) => ({ ...(await markFollowUpDone(actor, input)), callId: input.callId }),
  success: () => words("doneSaved"),
  after: ({ callId }) => {
    revalidatePath("/hotline");
    revalidatePath(`/hotline/calls/${callId}`);
  },
});

/** The caller has no account: register one from the call (the caller receives the claim text). */
export const registerCallerAction = staffAction(OPERATORS, {
  schema: registerCallerSchema,
  run: async (input, actor) => ({ ...(await registerCaller(actor, input.callId, await requestOrigin(), input.email)), callId: input.callId }),
  success: async () => (await getTranslations("intake"))("registered"),
  after: ({ callId }) => revalidatePath(`/hotline/calls/${callId}`),
});

export const startFromCallAction = staffAction(OPERATORS, {
  schema: startFromCallSchema,
  run: (input, actor) => startApplicationFromCall(actor, input),
  success: () => words("draftCreated"),
  after: ({ callId }) => {
    revalidatePath("/hotline");
    redirect(`/hotline/calls/${callId}`);
  },
});
