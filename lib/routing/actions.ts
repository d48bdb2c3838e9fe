"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/safe-action";
import { words } from "@/lib/i18n/words";
import { reassignCaseSchema, routingSchema } from "@/lib/routing/schemas";
import { setRouting } from "@/lib/routing/services/routing-write";
import { reassignCase } from "@/lib/organisations/services/reassign-case";

export const setRoutingAction = adminAction({
  schema: routingSchema,
  run: (input, actor) => setRouting(actor, input),
  success: () => words("routing.saved"),
  after: () => revalidatePath("/admin/routing"),
});

export const reassignCaseAction = adminAction({
  schema: reassignCaseSchema,
  run: (input, actor) => reassignCase(actor, input),
  success: (r) => words("routing.reassigned", { number: r.number, to: r.to }),
  after: () => revalidatePath("/admin/organisations"),
});
