// An action call as the browser's Next router builds it, with Next's and React's own code (the
// copies Next ships, which its server decodes with): the arguments the action uses (Next's
// reading of the id), encoded by React's encoder (a form bound through useActionState passes the
// previous state and the form's data), and the page's router state, which the browser sends back
// with every call (Next-Router-State-Tree) and from which Next decides what to render after it.
import { createRequire } from "node:module";

type EncodeReply = (value: unknown) => Promise<string | FormData | URLSearchParams>;
type Decode = (stream: ReadableStream, options: { serverConsumerManifest: unknown }) => Promise<{ t: { t: unknown }; q: string }>;
type Transport = { transportNodeToFlightRouterState(node: unknown, renderedSearch: string): unknown };
type FlightHelpers = { prepareFlightRouterStateForRequest(tree: unknown): string };
type ReferenceInfo = { extractInfoFromServerReferenceId(id: string): unknown; omitUnusedArgs(args: unknown[], info: unknown): unknown[] };
const require = createRequire(import.meta.url);
const { encodeReply, createFromReadableStream } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as { encodeReply: EncodeReply; createFromReadableStream: Decode };
const { transportNodeToFlightRouterState } = require("next/dist/shared/lib/rsc-transport.js") as Transport;
const { extractInfoFromServerReferenceId, omitUnusedArgs } = require("next/dist/shared/lib/server-reference-info.js") as ReferenceInfo;
const { prepareFlightRouterStateForRequest } = require("next/dist/client/flight-data-helpers.js") as FlightHelpers;

// The page's client components are never loaded here: every module the answer names resolves to a stand-in.
const anyModule = new Proxy({}, { get: (_modules, id) => new Proxy({}, { get: (_exports, name) => ({ id, chunks: [], name }) }) });

/** The router state a page's Flight answer (a GET with `RSC: 1`) sets up in the browser, as Next's router derives it. */
export async function routerStateOf(flight: ReadableStream): Promise<unknown> {
  const payload = await createFromReadableStream(flight, { serverConsumerManifest: { moduleMap: anyModule, serverModuleMap: null, moduleLoading: null } });
  return transportNodeToFlightRouterState(payload.t.t, payload.q);
}

/** The Next-Router-State-Tree header the browser sends for a router state (Next's own reduction). */
export const routerStateHeader = (tree: unknown): string => prepareFlightRouterStateForRequest(tree);

/** `[previousState, formData]` for `actionId` as a request body and its content type (with the boundary). */
export async function formActionBody(actionId: string, previousState: unknown, fields: Record<string, string>): Promise<{ body: string; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const args = omitUnusedArgs([previousState, form], extractInfoFromServerReferenceId(actionId));
  const request = new Request("http://localhost/", { method: "POST", body: await encodeReply(args) });
  return { body: await request.text(), contentType: request.headers.get("content-type")! };
}
