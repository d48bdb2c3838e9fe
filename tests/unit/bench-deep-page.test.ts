import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deepQueuePage } from "@/scripts/bench/web/load";

// A queue of `pages` pages served as the portal links them: every page but the last links to the
// next with a cursor (an id of the last row shown).
const cursorOf = (page: number) => `00000000-0000-4000-8000-${String(page).padStart(12, "0")}`;
let server: Server;
let base = "";
let pages = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const cursor = new URL(req.url ?? "/", "http://x").searchParams.get("cursor");
    const page = cursor ? Number(cursor.slice(-12)) + 1 : 1;
    res.end(page < pages ? `<a href="/bank?status=BANK_REVIEW&amp;cursor=${cursorOf(page)}">next</a>` : "<p>last</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the deep queue page the bench measures", () => {
  it("is the page after `pages` hops in a long queue", async () => {
    pages = 100;
    expect(await deepQueuePage(base, "/bank", "", 20)).toEqual({ page: 21, path: `/bank?status=BANK_REVIEW&cursor=${cursorOf(20)}` });
  });

  it("is the last full page of a short queue, not its short last page", async () => {
    pages = 4;
    expect(await deepQueuePage(base, "/bank", "", 20)).toEqual({ page: 3, path: `/bank?status=BANK_REVIEW&cursor=${cursorOf(2)}` });
  });

  it("is the first page when the queue has one page", async () => {
    pages = 1;
    expect(await deepQueuePage(base, "/bank", "", 20)).toEqual({ page: 1, path: "/bank" });
  });
});
