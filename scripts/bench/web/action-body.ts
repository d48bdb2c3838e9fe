// The body of an action call as the browser's Next router builds it: the arguments the action
// uses (Next's own reading of the id), encoded by React's encoder from the copy Next ships (the
// one its server decodes with). A form bound through useActionState passes the previous state
// and the form's data.
import { createRequire } from "node:module";

type EncodeReply = (value: unknown) => Promise<string | FormData | URLSearchParams>;
type ReferenceInfo = { extractInfoFromServerReferenceId(id: string): unknown; omitUnusedArgs(args: unknown[], info: unknown): unknown[] };
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as { encodeReply: EncodeReply };
const { extractInfoFromServerReferenceId, omitUnusedArgs } = require("next/dist/shared/lib/server-reference-info.js") as ReferenceInfo;

/** `[previousState, formData]` for `actionId` as a request body and its content type (with the boundary). */
export async function formActionBody(actionId: string, previousState: unknown, fields: Record<string, string>): Promise<{ body: string; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const args = omitUnusedArgs([previousState, form], extractInfoFromServerReferenceId(actionId));
  const request = new Request("http://localhost/", { method: "POST", body: await encodeReply(args) });
  return { body: await request.text(), contentType: request.headers.get("content-type")! };
}
