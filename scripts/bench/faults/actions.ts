// Server actions called as the browser calls them: the action's id from the build's manifest in
// the Next-Action header, the session cookie, the portal's Origin, and the arguments of a form
// action under useActionState (the previous state and the form) encoded as React encodes a reply.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserSession } from "./session";

/** What one request came to, from the load's point of view. */
export type Outcome =
  | { kind: "done" } // the server said the change was made (success state, or the redirect that follows one)
  | { kind: "try-again" } // 503, or the action's UNAVAILABLE answer
  | { kind: "unreachable" } // the balancer found no server to take it (x-balancer: unreachable)
  | { kind: "cut" } // the connection dropped before the answer was complete (its server was killed)
  | { kind: "failed"; why: string }; // any other answer, or the connection broke

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** The ids of the named actions in the build at `distDir`. */
export function actionIds<const N extends string>(distDir: string, names: readonly { file: string; name: N }[]): Record<N, string> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const out = {} as Record<N, string>;
  for (const { file, name } of names) {
    const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name && v.filename === file)?.[0];
    if (!id) throw new Error(`no action ${name} of ${file} in the build`);
    out[name] = id;
  }
  return out;
}

/** The body of `action(prevState, formData)`: the root row refers to the form as part 1. */
function encodeFormAction(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return body;
}

/** The action's own answer in the flight response: the row the root row's `a` points at. */
function actionResult(payload: string): { status?: string; code?: string; message?: string } | null {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0 && line[at + 1] === "{") rows.set(line.slice(0, at), line.slice(at + 1));
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof root?.a === "string" && root.a.startsWith("$@") ? root.a.slice(2) : null;
    return JSON.parse((ref ? rows.get(ref) : null) ?? "null") as { status?: string; code?: string; message?: string } | null;
  } catch {
    return null;
  }
}

export async function callAction(base: string, actionId: string, session: BrowserSession, pagePath: string, fields: Record<string, string>): Promise<Outcome> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${base}${pagePath}`, {
      method: "POST",
      redirect: "manual",
      headers: { "next-action": actionId, accept: "text/x-component", origin: base, cookie: session.header(), "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true])) },
      body: encodeFormAction(fields),
      signal: AbortSignal.timeout(30_000),
    });
    session.keep(res);
    text = await res.text();
  } catch (error) {
    return (error as Error).name === "TimeoutError" ? { kind: "failed", why: "no answer in 30 s" } : { kind: "cut" };
  }
  if (res.headers.get("x-balancer") === "unreachable") return { kind: "unreachable" };
  if (res.status === 503) return { kind: "try-again" };
  // redirect() after the change: Next answers the fetch with the target in x-action-redirect.
  if (res.headers.get("x-action-redirect") && res.status < 400) return { kind: "done" };
  if (res.status !== 200) return { kind: "failed", why: `HTTP ${res.status}` };
  const result = actionResult(text);
  if (result?.status === "success") return { kind: "done" };
  if (result?.status === "error" && result.code === "UNAVAILABLE") return { kind: "try-again" };
  return { kind: "failed", why: result ? `${result.status} ${result.code ?? ""}`.trim() : "no action result in the answer" };
}
