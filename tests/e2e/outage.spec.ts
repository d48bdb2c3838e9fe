import net from "node:net";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/test";
import { serverEnv, startServer, waitForHttp } from "./support/servers";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";

type Catalogue = { errorPage: Record<"unavailableTitle" | "tryAgain" | "backHome", string>; errors: { UNAVAILABLE: string } };
const catalogue = (locale: string): Catalogue => JSON.parse(readFileSync(path.join(process.cwd(), `lib/i18n/messages/${locale}.json`), "utf8")) as Catalogue;
const zhCN = catalogue("zh-CN");
const en = catalogue("en");

// A page that cannot reach the database says so and offers to try again, in the reader's
// language, and trying again once the database is back shows the page (the applicant's dashboard). The server reaches
// PostgreSQL through a gate this test opens and shuts, as a restart or a network cut would.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SERVER = PORT + 9;
const GATE = PORT + 10;

type Gate = { open(): Promise<void>; shut(): Promise<void> };

function databaseGate(port: number, to: { host: string; port: number }): Gate {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const open = () => new Promise<void>((resolve, reject) => {
    server = net.createServer((client) => {
      const upstream = net.connect(to.port, to.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // No new connection is accepted (refused) and those open are cut.
  const shut = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    if (!server) return resolve();
    server.close(() => resolve());
    server = null;
  });
  return { open, shut };
}

test("a page during a database outage: 'try again' in both languages, and the page once it is back", async ({ browser }) => {
  test.setTimeout(120_000);
  const url = new URL(process.env.NCD_E2E_DATABASE_URL!);
  const gate = databaseGate(GATE, { host: url.hostname, port: Number(url.port || 5432) });
  await gate.open();
  url.hostname = "127.0.0.1";
  url.port = String(GATE);
  const server = startServer(SERVER, serverEnv({
    DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(48).toString("base64"), AUTH_TRUST_HOST: "true", NODE_ENV: "production", DEMO_MODE: "true", STAFF_TWO_FACTOR: "optional",
  }));
  const context = await browser.newContext({ baseURL: `http://localhost:${SERVER}` });
  try {
    await waitForHttp(`http://localhost:${SERVER}/login`).catch((e: unknown) => { throw new Error(`${String(e)}\n${server.output()}`); });
    // A fresh applicant signs in while the database answers; the dashboard reads it on every visit
    // (the public programme page would not do: its figures come from a cache that outlives an outage).
    const applicant = await createApplicant();
    await signInViaApi(context, applicant.mobile, applicant.password);
    await gate.shut();
    const page = await context.newPage();
    await page.goto("/applicant");
    const tryAgain = page.getByTestId("try-again");
    await expect(tryAgain.getByRole("heading", { name: zhCN.errorPage.unavailableTitle })).toBeVisible();
    await expect(tryAgain).toContainText(zhCN.errors.UNAVAILABLE);
    await expect(tryAgain.getByRole("link", { name: zhCN.errorPage.backHome })).toHaveAttribute("href", "/");
    // Still down: trying again says so again, and the header's way around the portal stays.
    await tryAgain.getByRole("button", { name: zhCN.errorPage.tryAgain }).click();
    await expect(tryAgain.getByRole("heading", { name: zhCN.errorPage.unavailableTitle })).toBeVisible();
    await expect(page.locator("header.site-header")).toBeVisible();

    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: `http://localhost:${SERVER}` }]);
    await page.reload();
    await expect(tryAgain.getByRole("heading", { name: en.errorPage.unavailableTitle })).toBeVisible();
    await expect(tryAgain).toContainText(en.errors.UNAVAILABLE);

    // The database is back: the same button shows the page, no restart of anything.
    await gate.open();
    await tryAgain.getByRole("button", { name: en.errorPage.tryAgain }).click();
    await expect(page.getByTestId("who")).toBeVisible();
    await expect(tryAgain).toHaveCount(0);
    await expect(page).toHaveURL(/\/applicant$/);
  } finally {
    await context.close();
    server.child.kill("SIGTERM");
    await server.exited;
    await gate.shut();
  }
});
