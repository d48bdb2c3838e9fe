// The centre's queue query, first page of 50, through the portal's Prisma query and as one plain
// SQL statement through pg: what Prisma and the segment reads cost over the floor.
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { StaffActor } from "@/lib/auth/roles";
import { listQueue } from "@/lib/reviews/queries";
import { median } from "../report/percentiles";

const RUNS = 30;
const WARM_UP = 5;

export type QueueQueryTimes = { prismaMs: number; pgMs: number };

// The same rows and order as listQueue's first page: the (status, greenChannel DESC, stageDueAt,
// id) index read in one range, the enterprise's name joined.
const FIRST_PAGE_SQL = `
  SELECT a.id, a.number, a.kind, a.status, a."amountFen", a."termMonths", a."greenChannel", a.historical,
         a."updatedAt", a."stageDueAt", a."returnDueAt", e.name AS "enterpriseName"
  FROM "LoanApplication" a JOIN "Enterprise" e ON e.id = a."enterpriseId"
  WHERE a.status = 'CENTER_REVIEW'
  ORDER BY a."greenChannel" DESC, a."stageDueAt" ASC, a.id ASC
  LIMIT 51`;

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function timeQueueQuery(reviewer: StaffActor, client: pg.Client): Promise<QueueQueryTimes> {
  const prismaMs = await medianMs(() => listQueue(reviewer, { status: "CENTER_REVIEW" }));
  const pgMs = await medianMs(() => client.query(FIRST_PAGE_SQL));
  return { prismaMs, pgMs };
}
