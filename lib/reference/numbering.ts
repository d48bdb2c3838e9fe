import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { NUMBERED, renderNumber, usesSequence, type NumberedThing } from "@/lib/reference/numbering-rules";
import { beijingYearOf } from "@/lib/calendar/beijing";

// Issuing a number: the administrator's pattern for the thing (the default until one is set),
// the year in Beijing, and the next value of that year's counter, taken atomically in the
// caller's transaction. The number is stored on its record, so a later pattern never changes it.

type Client = Prisma.TransactionClient | PrismaClient;

export async function patternOf(client: Client, thing: NumberedThing): Promise<{ pattern: string; version: number }> {
  const row = await client.numberingPattern.findUnique({ where: { key: thing }, select: { pattern: true, version: true } });
  return row ?? { pattern: NUMBERED[thing].defaultPattern, version: 0 };
}

export const beijingYear = (at: Date): string => String(beijingYearOf(at));
export const counterKey = (thing: NumberedThing, year: string) => `${NUMBERED[thing].counter}-${year}`;

async function takeNext(tx: Prisma.TransactionClient, key: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" (key, value) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET value = "Counter".value + 1
    RETURNING value`;
  return rows[0]!.value;
}

/**
 * The next number of `thing`. A number an earlier pattern already gave (patterns can be changed
 * into one another) is skipped: `taken` says whether a candidate is in use.
 */
export async function issueNumber(
  tx: Prisma.TransactionClient,
  thing: NumberedThing,
  options: { at?: Date; app?: string; taken: (candidate: string) => Promise<boolean> },
): Promise<string> {
  const { pattern } = await patternOf(tx, thing);
  const year = beijingYear(options.at ?? new Date());
  for (let attempt = 0; attempt < 1000; attempt++) {
    const seq = usesSequence(pattern) ? await takeNext(tx, counterKey(thing, year)) : 0;
    const candidate = renderNumber(thing, pattern, { year, seq, app: options.app });
    if (!(await options.taken(candidate))) return candidate;
    if (!usesSequence(pattern)) break;
  }
  throw new Error(`no free ${thing} number under pattern ${pattern}`);
}

/** The number the pattern would give next, without taking it (a letter shows the next application number in it). */
export async function previewNumber(client: Client, thing: NumberedThing, pattern: string, at: Date = new Date()): Promise<string> {
  const year = beijingYear(at);
  const next = async (t: NumberedThing) => ((await client.counter.findUnique({ where: { key: counterKey(t, year) }, select: { value: true } }))?.value ?? 0) + 1;
  const app = thing === "APPLICATION" ? undefined : renderNumber("APPLICATION", (await patternOf(client, "APPLICATION")).pattern, { year, seq: await next("APPLICATION") });
  return renderNumber(thing, pattern, { year, seq: await next(thing), app });
}
