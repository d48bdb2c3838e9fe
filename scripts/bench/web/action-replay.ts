// A server action called as the browser calls it, and what counts as the action's success.
// Next answers an action with 200 whether the action succeeded or refused (its error state is the
// result), so the status alone says nothing: a success is the state `{ status: "success" }` in the
// Flight payload, or, for an action that redirects after its work, Next's `x-action-redirect`.

/** One POST of an action: the page's path, its headers (Next-Action, Origin, cookie, content type) and the encoded arguments. */
export type ActionReplay = { path: string; headers: Record<string, string>; body: string };

/** state: the form state `{ status: "success" }`; redirect: Next's redirect header to `to`; answered: any Flight answer (an action without a result). */
export type ActionSuccess = { kind: "state" } | { kind: "redirect"; to: string } | { kind: "answered" };

const header = (headers: Record<string, string | string[]>, name: string): string | undefined => {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(found) ? found[0] : found;
};

export function isActionSuccess(success: ActionSuccess, body: string, headers: Record<string, string | string[]>): boolean {
  if (success.kind === "redirect") return header(headers, "x-action-redirect")?.startsWith(success.to) ?? false;
  if (success.kind === "answered") return header(headers, "content-type")?.startsWith("text/x-component") ?? false;
  return /"status":"success"/.test(body) && !/"status":"error"/.test(body);
}

/** The headers of an action call from a page of `origin` (the browser adds Origin to a POST itself). */
export function actionHeaders(call: { actionId: string; origin: string; contentType: string; routerState: string; cookie?: string }): Record<string, string> {
  return {
    accept: "text/x-component",
    "next-action": call.actionId,
    "next-router-state-tree": call.routerState,
    origin: call.origin,
    "content-type": call.contentType,
    ...(call.cookie ? { cookie: call.cookie } : {}),
  };
}
