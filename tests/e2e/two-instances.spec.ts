import { expect, test, type Browser, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { e2eDatabase } from "./support/database";
import { completeProfile, fillLoanRequest, uploadMissingDocuments } from "./support/member-steps";
import { serverEnv, startServer, waitForHttp } from "./support/servers";
import { startBalancer, type Backend, type Balancer } from "./support/balancer";
import { makeCreditCode } from "../support/ids";
import { callerMobileColumns } from "@/lib/personal-data/sealed";

// Two app servers of one build against one PostgreSQL, behind a load balancer, each running the
// job workers: what one server renders, the other acts on, and a job runs once across both.
test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PORTS: Record<Backend, number> = { a: PORT + 6, b: PORT + 7 };
const BALANCER = PORT + 8;
test.use({ baseURL: `http://localhost:${BALANCER}` });

type Server = ReturnType<typeof startServer>;
let servers: Record<Backend, Server> | undefined;
let balancer: Balancer | undefined;
let startedAt = new Date();

test.beforeAll(async () => {
  test.setTimeout(180_000);
  startedAt = new Date();
  // The suite's own environment (same AUTH_SECRET, data keys and server-actions key) with the
  // scheduler on, as every production server has it.
  const env = serverEnv({
    DATABASE_URL: e2eDatabase().url, AUTH_SECRET: process.env.NCD_E2E_AUTH_SECRET!, AUTH_TRUST_HOST: "true", NODE_ENV: "production",
    DEMO_MODE: "true", STAFF_TWO_FACTOR: "optional", SMS_PROVIDER: "log", SCHEDULER: "on",
  });
  servers = { a: startServer(PORTS.a, env), b: startServer(PORTS.b, env) };
  await Promise.all(Object.values(PORTS).map((port) => waitForHttp(`http://localhost:${port}/login`, 150_000)));
  balancer = await startBalancer(BALANCER, PORTS);
});

test.afterAll(async () => {
  await balancer?.close();
  for (const server of Object.values(servers ?? {})) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});

const statusOf = async (id: string) => (await queryE2e<{ status: string }>(`SELECT status FROM "LoanApplication" WHERE id = $1`, [id]))[0]!.status;

/** From now on pages come from `pages` and everything else goes to the other server. */
const pagesFrom = (pages: Backend) => balancer!.steer({ pages, actions: pages === "a" ? "b" : "a" });

async function staffPage(browser: Browser, identifier: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://localhost:${BALANCER}` });
  await signInViaApi(context, identifier);
  return context.newPage();
}

test("an application goes from the applicant to the centre's approval, each page served by one server and each action by the other", async ({ page, context, browser }) => {
  test.setTimeout(240_000);
  const applicant = await createApplicant();
  const stamp = Date.now().toString(36).toUpperCase();

  // Signed in on B (the credentials post) with the session read on A; the profile and consents
  // pages from A, their forms posted to B.
  pagesFrom("a");
  await signInViaApi(context, applicant.mobile, applicant.password);
  await completeProfile(page, { idNumber: applicant.idNumber, unionName: "海淀区总工会", cardNo: `GH-${stamp}` });

  await queryE2e(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees,
       "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '北京市海淀区测试路 9 号', '餐饮服务', '2020-05-01', 12, 300000000, true, 10, now())`,
    [applicant.userId, `北京双机测试有限公司${stamp}`, makeCreditCode(), applicant.displayName],
  );
  pagesFrom("b");
  await page.goto("/applicant");
  await page.getByTestId("enterprise-card").getByRole("button", { name: "为该企业申请贷款" }).click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]+\?step=loan/);
  const base = new URL(page.url()).pathname;
  const applicationId = base.split("/").pop()!;

  pagesFrom("a");
  await fillLoanRequest(page, base, { amountYuan: "200000", purpose: "采购厨房设备", repaymentSource: "餐饮经营收入" });
  pagesFrom("b");
  await page.reload();
  await uploadMissingDocuments(page);

  pagesFrom("a");
  await page.goto(`${base}?step=review`);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  expect(await statusOf(applicationId)).toBe("CENTER_REVIEW");

  // The reviewer reads the case on B and recommends through A; the approver the other way round.
  const reviewer = await staffPage(browser, "reviewer@center.demo");
  pagesFrom("b");
  await reviewer.goto(`/center/cases/${applicationId}`);
  await reviewer.getByLabel("已核验申请人工会会员身份").check();
  await reviewer.getByLabel("已核对材料齐全、真实有效").check();
  await reviewer.locator("#recommend-comment").fill("会员身份、企业资质核验通过");
  await reviewer.getByRole("button", { name: "提交推荐意见" }).click();
  await expect(reviewer.getByText("等待另一位审批人复核")).toBeVisible();

  const approver = await staffPage(browser, "approver@center.demo");
  pagesFrom("a");
  await approver.goto(`/center/cases/${applicationId}`);
  await approver.locator("#confirm-comment").fill("复核同意");
  await approver.getByRole("button", { name: "复核同意，推荐至担保公司" }).click();
  await expect.poll(() => statusOf(applicationId)).toBe("GUARANTOR_REVIEW");

  // Both servers rendered pages and both ran server actions rendered by the other.
  const served = balancer!.served();
  for (const backend of ["a", "b"] as const) {
    expect(served[backend].pages, `pages served by ${backend}`).toBeGreaterThan(0);
    expect(served[backend].serverActions, `server actions run by ${backend}`).toBeGreaterThan(0);
  }
  await reviewer.context().close();
  await approver.context().close();
});

test("a job sent once runs once while both servers work the queue, and each schedule ticks once a minute", async () => {
  test.setTimeout(240_000);
  // Both joined the queue as they started, on a database that had none of its tables yet.
  for (const backend of ["a", "b"] as const) expect(servers![backend].output(), `server ${backend}`).not.toContain("scheduler did not start");
  const [operator] = await queryE2e<{ id: string }>(`SELECT id FROM "User" WHERE email = 'hotline@center.demo'`);
  const mobile = callerMobileColumns("13912345678");
  const [call] = await queryE2e<{ id: string }>(
    `INSERT INTO "HotlineCall" (id, "callerName", "callerMobileSealed", "callerMobileIndex", topic, outcome, "followUpOn", "operatorId")
     VALUES (gen_random_uuid(), '赵来电', $1, $2, 'CASE_STATUS', 'CALL_BACK', (now() AT TIME ZONE 'Asia/Shanghai')::date, $3) RETURNING id`,
    [mobile.callerMobileSealed, mobile.callerMobileIndex, operator!.id],
  );

  // Sent from outside both servers (neither its cron nor its worker), as `npm run job` would.
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: e2eDatabase().url, schema: "pgboss", supervise: false, schedule: false });
  await boss.start();
  try {
    const jobId = (await boss.send("hotline-follow-ups", {}))!;
    await expect.poll(async () => (await boss.getJobById("hotline-follow-ups", jobId))?.state, { timeout: 60_000 }).toBe("completed");
    expect((await boss.getJobById("hotline-follow-ups", jobId))?.retryCount).toBe(0);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }

  // One server ran it (its log says so once), and the operator was told once.
  const ranOn = () => (["a", "b"] as const).flatMap((b) => servers![b].output().split("\n").filter((l) => l.includes('"job done"') && l.includes('"hotline-follow-ups"')).map(() => b));
  await expect.poll(() => ranOn().length, { timeout: 10_000 }).toBe(1);
  const notices = await queryE2e<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = $1 AND code = 'hotlineFollowUpDue' AND params->>'callId' = $2`, [operator!.id, call!.id]);
  expect(notices[0]!.n).toBe(1);

  // Both servers keep the schedules, yet each minute's tick of an every-minute job was sent once
  // (pg-boss's cron sends through its send-it queue, one message a minute per schedule) and made one job.
  const ticks = async () => (await queryE2e<{ sent: number; minutes: number }>(
    `SELECT count(*)::int AS sent, count(DISTINCT date_trunc('minute', created_on))::int AS minutes
       FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'deliver-mail' AND created_on >= $1`, [startedAt]))[0]!;
  await expect.poll(async () => (await ticks()).minutes, { timeout: 150_000 }).toBeGreaterThanOrEqual(2);
  const { sent, minutes } = await ticks();
  expect(sent).toBe(minutes);
  const [made] = await queryE2e<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'deliver-mail' AND created_on >= $1`, [startedAt]);
  expect(made!.n).toBeGreaterThanOrEqual(1);
  expect(made!.n).toBeLessThanOrEqual(sent);
});
