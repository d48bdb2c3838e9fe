import { describe, expect, it } from "vitest";
import { generateProgrammeHistory, HISTORY_END, HISTORY_END_2020, HISTORY_TARGETS, interestPeriods } from "@/lib/demo/programme-history";
import { crossLineProblems, historyCsv, HISTORY_COLUMNS, parseHistoryRow, type HistoryLine } from "@/lib/history/lines";

// The programme-history data set, judged on its own: every line passes the import's own checks,
// and the figures it adds (counted here the obvious way) are the published ones less the
// consulting company that the demo seed records.

type Line = Omit<HistoryLine, "line">;
function figures(lines: Line[], asOf: string) {
  const apps = lines.filter((l) => l.submittedOn <= asOf);
  const loans = lines.flatMap((l) => (l.loan && l.loan.disbursedOn <= asOf ? [{ firm: l.creditCode, fen: l.loan.amountFen }] : []));
  const perFirm = new Map<string, number>();
  for (const l of loans) perFirm.set(l.firm, (perFirm.get(l.firm) ?? 0) + 1);
  const paid = lines.flatMap((l) => l.subsidies.filter((s) => s.paidOn <= asOf).map((s) => ({ firm: l.creditCode, fen: s.amountFen })));
  const unions = lines.flatMap((l) => (l.union && l.union.foundedOn <= asOf ? [l.union.memberCount] : []));
  return {
    applications: apps.length,
    renewals: apps.filter((a) => a.kind === "RENEWAL").length,
    firmsFunded: perFirm.size,
    renewingFirms: [...perFirm.values()].filter((n) => n >= 2).length,
    lentFen: loans.reduce((s, l) => s + l.fen, 0n),
    firmsSubsidised: new Set(paid.map((p) => p.firm)).size,
    subsidyFen: paid.reduce((s, p) => s + p.fen, 0n),
    unions: unions.length,
    members: unions.reduce((s, m) => s + m, 0),
  };
}

describe("the programme-history data set", () => {
  const lines = generateProgrammeHistory();

  it("is the same on every run", () => {
    expect(historyCsv(generateProgrammeHistory())).toBe(historyCsv(lines));
  });

  it("adds exactly the published figures less the consulting company, to May 2022 and to end-2020", () => {
    const T = HISTORY_TARGETS;
    expect(figures(lines, HISTORY_END)).toMatchObject({
      applications: T.applications, firmsFunded: T.firmsFunded, lentFen: T.lentFen, firmsSubsidised: T.firmsSubsidised,
      subsidyFen: T.subsidyFen, unions: T.unions, members: T.members,
    });
    expect(T).toMatchObject({ applications: 415, firmsFunded: 173, lentFen: 4_509_000_000n, firmsSubsidised: 132, subsidyFen: 138_485_306n });
    expect(figures(lines, HISTORY_END_2020)).toMatchObject({
      applications: 347, renewals: 52, firmsFunded: 126, renewingFirms: 32, lentFen: 3_066_000_000n, firmsSubsidised: 63, subsidyFen: T.end2020.subsidyFen,
    });
    expect(lines.every((l) => l.submittedOn >= "2018-01-01" && l.submittedOn <= HISTORY_END)).toBe(true);
    // Unions come with the programme: never before the enterprise's first application, some every year.
    const firstApplication = new Map<string, string>();
    for (const l of lines) if (!firstApplication.has(l.creditCode)) firstApplication.set(l.creditCode, l.submittedOn);
    expect(lines.filter((l) => l.union && l.union.foundedOn < firstApplication.get(l.creditCode)!)).toEqual([]);
    expect(new Set(lines.flatMap((l) => (l.union ? [l.union.foundedOn.slice(0, 4)] : [])))).toEqual(new Set(["2018", "2019", "2020", "2021", "2022"]));
  });

  it("passes the import's own checks line by line and together", () => {
    const parsed = lines.map((l, k) => {
      const csvLine = historyCsv([l]).split("\r\n")[1]!;
      const cells = csvLine.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replaceAll('""', '"'));
      return parseHistoryRow(k + 2, cells.slice(0, HISTORY_COLUMNS.length), "2026-12-01");
    });
    expect(parsed.filter((p) => "problems" in p)).toEqual([]);
    expect(crossLineProblems(parsed.map((p) => (p as { line: HistoryLine }).line))).toEqual([]);
  });

  it("never pays more subsidy in a period than the interest of that period", () => {
    for (const l of lines) {
      if (!l.loan) continue;
      const caps = new Map(interestPeriods({ disbursedOn: l.loan.disbursedOn, termMonths: l.loan.termMonths, amountFen: l.loan.amountFen, rateMicros: l.loan.annualRateMicros }).map((p) => [p.paidOn, p.capFen]));
      for (const s of l.subsidies) expect(s.amountFen).toBeLessThanOrEqual(caps.get(s.paidOn)!);
    }
  });

  it("keeps the file small", () => {
    expect(historyCsv(lines).length).toBeLessThan(200_000);
  });
});

describe("the historical file's template", () => {
  it("passes the import's own checks", async () => {
    const { historyTemplateCsv } = await import("@/lib/history/lines");
    const [header, ...rows] = historyTemplateCsv().replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe(HISTORY_COLUMNS.join(","));
    const parsed = rows.map((r, k) => parseHistoryRow(k + 2, r.split(","), "2026-12-01"));
    expect(parsed.filter((p) => "problems" in p)).toEqual([]);
    expect(crossLineProblems(parsed.map((p) => (p as { line: HistoryLine }).line))).toEqual([]);
  });
});
