import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTemplateCsv,
  buildTemplateXlsx,
  lineKey,
  parseAmountFen,
  parseRateMicros,
  parseStatement,
  STATEMENT_COLUMNS,
  validateAgainstLoans,
  type ParsedLine,
  type StatementError,
} from "@/lib/subsidies/statement-parser";
import { worded } from "@/tests/support/words";

const TODAY = "2022-05-31";
const HEADER = ["合同编号", "计息起日", "计息止日", "本金余额", "年利率", "应付利息", "实付利息", "付息日期", "逾期", "罚息", "展期"];
const GOOD_ROW = ["NCD-2021-0158", "2021-06-23", "2021-09-20", "400000.00", "3.85%", "3850.00", "3850.00", "2021-09-21", "否", "0.00", "否"];
const GOOD_LINE: ParsedLine = {
  line: 2,
  contractNo: "NCD-2021-0158",
  periodStart: "2021-06-23",
  periodEnd: "2021-09-20",
  principalBalanceFen: 40_000_000n,
  annualRateMicros: 38_500,
  interestDueFen: 385_000n,
  interestPaidFen: 385_000n,
  paidOn: "2021-09-21",
  overdue: false,
  penaltyInterestFen: 0n,
  extended: false,
};

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map(quote).join(",")).join("\n") + "\n", "utf8");
const parse = (data: Uint8Array, today = TODAY) => parseStatement(data, { today });
const withCell = (column: string, value: string, row = GOOD_ROW) => row.map((v, i) => (HEADER[i] === column ? value : v));
/** The report as a Chinese reader sees it. */
const read = (errors: readonly StatementError[]) => errors.map((e) => ({ ...e, message: worded(e.message) }));
const errorsOf = async (data: Uint8Array) => {
  const result = await parse(data);
  if (result.ok) throw new Error("expected the file to be rejected");
  return read(result.errors);
};
const oneBadCell = (column: string, value: string) => errorsOf(csv([HEADER, withCell(column, value)]));

describe("good files", () => {
  it("reads a CSV with Chinese headers", async () => {
    expect(await parse(csv([HEADER, GOOD_ROW]))).toEqual({ ok: true, lines: [GOOD_LINE] });
  });

  it("reads a CSV with a BOM, CRLF, English headers, quoted fields, thousands separators and alternative spellings", async () => {
    const text =
      "\uFEFFcontract_no,Period Start,period_end,principal_balance,annual_rate,interest_due,interest_paid,paid_on,overdue,penalty_interest\r\n" +
      '"NCD-2020-0133","2020/9/21",2020-12-20,"400,000.00",0.0385,"3,892.78",3892.7,2020-12-21,N,\r\n' +
      '"NCD,2020-""X""",2020-12-21,2021-03-20,300000,4.35%,0.5,0,,Y,12.3\r\n';
    const result = await parse(Buffer.from(text, "utf8"));
    expect(result).toEqual({
      ok: true,
      lines: [
        {
          line: 2,
          contractNo: "NCD-2020-0133",
          periodStart: "2020-09-21",
          periodEnd: "2020-12-20",
          principalBalanceFen: 40_000_000n,
          annualRateMicros: 38_500,
          interestDueFen: 389_278n,
          interestPaidFen: 389_270n,
          paidOn: "2020-12-21",
          overdue: false,
          penaltyInterestFen: 0n,
          extended: false,
        },
        {
          line: 3,
          contractNo: 'NCD,2020-"X"',
          periodStart: "2020-12-21",
          periodEnd: "2021-03-20",
          principalBalanceFen: 30_000_000n,
          annualRateMicros: 43_500,
          interestDueFen: 50n,
          interestPaidFen: 0n,
          paidOn: null,
          overdue: true,
          penaltyInterestFen: 1_230n,
          extended: false,
        },
      ],
    });
  });

  it("reads the 展期 flag and accepts true/false/是", async () => {
    const rows = [HEADER, withCell("展期", "是", withCell("逾期", "false")), withCell("计息起日", "2021-09-21", withCell("计息止日", "2021-12-20", withCell("逾期", "TRUE")))];
    const result = await parse(csv(rows));
    expect(result.ok && result.lines.map((l) => [l.overdue, l.extended])).toEqual([[false, true], [true, false]]);
  });

  it("skips blank rows and reports later rows by their row number", async () => {
    const result = await parse(csv([HEADER, ["", "", ""], GOOD_ROW]));
    expect(result).toEqual({ ok: true, lines: [{ ...GOOD_LINE, line: 3 }] });
  });

  it("reads an XLSX built with numbers, dates, booleans and text cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("利息清单");
    sheet.addRow(["contract_no", "计息起日", "计息止日", "本金余额", "年利率", "应付利息", "实付利息", "付息日期", "逾期", "罚息", "extended"]);
    sheet.addRow(["NCD-2021-0158", new Date(Date.UTC(2021, 5, 23)), "2021-09-20", 400000, 0.0385, 3850, { formula: "3850", result: 3850 }, new Date(Date.UTC(2021, 8, 21)), false, 0, "否"]);
    sheet.addRow([]);
    sheet.addRow(["NCD-2021-0158", "2021-09-21", "2021-11-19", 300000, "3.85%", 1925, 1925, "2021-11-20", "否", null, true]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await parse(data)).toEqual({
      ok: true,
      lines: [
        GOOD_LINE,
        { ...GOOD_LINE, line: 4, periodStart: "2021-09-21", periodEnd: "2021-11-19", principalBalanceFen: 30_000_000n, interestDueFen: 192_500n, interestPaidFen: 192_500n, paidOn: "2021-11-20", extended: true },
      ],
    });
  });

  it("reports XLSX errors by spreadsheet row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.addRow(HEADER);
    sheet.addRow(GOOD_ROW);
    sheet.addRow(withCell("应付利息", "-1"));
    const errors = await errorsOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(errors).toEqual([{ line: 3, column: "应付利息", message: "金额不能为负数" }]);
  });
});

describe("templates", () => {
  it("CSV template has a BOM, the headers and an example row that itself parses", async () => {
    const template = buildTemplateCsv();
    expect(template.startsWith("\uFEFF合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期\r\n")).toBe(true);
    expect(template.trim().split("\r\n")).toHaveLength(2);
    const result = await parse(Buffer.from(template, "utf8"));
    expect(result.ok && result.lines).toEqual([expect.objectContaining({ contractNo: "NCD-2021-0001", annualRateMicros: 38_500, interestDueFen: 491_944n })]);
  });

  it("XLSX template is a real workbook with the same header and example", async () => {
    const data = await buildTemplateXlsx();
    expect([...data.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]?.getRow(1).values).toEqual([undefined, ...STATEMENT_COLUMNS.map((c) => c.zh)]);
    const csvResult = await parse(Buffer.from(buildTemplateCsv(), "utf8"));
    expect(await parse(data)).toEqual(csvResult);
  });
});

describe("file-level errors", () => {
  const fileError = (message: string) => [{ line: 0, column: "", message }];

  it("rejects binary garbage", async () => {
    expect(await errorsOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toEqual(fileError("文件不是 CSV 或 XLSX 格式，请使用下载的模板"));
    expect(await errorsOf(Buffer.from("合同编号\u0000\u0001abc", "utf8"))).toEqual(fileError("文件不是 CSV 或 XLSX 格式，请使用下载的模板"));
  });

  it("rejects a zip that is not a workbook", async () => {
    expect(await errorsOf(Buffer.from("PK\u0003\u0004 not really a zip", "latin1"))).toEqual(fileError("XLSX 文件已损坏或无法读取"));
  });

  it("rejects empty files, a lone BOM and blank lines", async () => {
    expect(await errorsOf(new Uint8Array())).toEqual(fileError("文件为空"));
    expect(await errorsOf(Buffer.from("\uFEFF", "utf8"))).toEqual(fileError("文件为空"));
    expect(await errorsOf(Buffer.from("\n\n  \n", "utf8"))).toEqual(fileError("文件为空"));
  });

  it("rejects a header with no data rows", async () => {
    expect(await errorsOf(csv([HEADER]))).toEqual(fileError("文件中没有数据行"));
    expect(await errorsOf(csv([HEADER, ["", "", ""]]))).toEqual(fileError("文件中没有数据行"));
  });

  it("rejects broken CSV quoting", async () => {
    expect(await errorsOf(Buffer.from(`${HEADER.join(",")}\nNCD,"2021-06-23\n`, "utf8"))).toEqual(fileError("CSV 格式错误（引号不成对或字段分隔有误）"));
  });
});

describe("header errors", () => {
  it("names every missing required column but not the optional 展期", async () => {
    const header = HEADER.filter((h) => !["年利率", "罚息", "展期"].includes(h));
    expect(await errorsOf(csv([header, GOOD_ROW.slice(0, header.length)]))).toEqual([
      { line: 1, column: "年利率", message: "缺少必填列：年利率（annual_rate）" },
      { line: 1, column: "罚息", message: "缺少必填列：罚息（penalty_interest）" },
    ]);
  });

  it("rejects unknown and duplicated columns", async () => {
    expect(await errorsOf(csv([[...HEADER, "备注"], [...GOOD_ROW, "x"]]))).toEqual([{ line: 1, column: "备注", message: "无法识别的列：备注" }]);
    expect(await errorsOf(csv([[...HEADER, "contract_no"], [...GOOD_ROW, "x"]]))).toEqual([{ line: 1, column: "合同编号", message: "列重复：合同编号" }]);
  });
});

describe("line errors", () => {
  const err = (column: string, message: string, line = 2) => [{ line, column, message }];

  it("rejects non-numeric, negative and over-precise amounts", async () => {
    expect(await oneBadCell("本金余额", "四十万")).toEqual(err("本金余额", "金额必须是数字"));
    expect(await oneBadCell("本金余额", "1e5")).toEqual(err("本金余额", "金额必须是数字"));
    expect(await oneBadCell("本金余额", "1,2")).toEqual(err("本金余额", "金额必须是数字"));
    expect(await oneBadCell("应付利息", "-3850.00")).toEqual(err("应付利息", "金额不能为负数"));
    expect(await oneBadCell("罚息", "-1")).toEqual(err("罚息", "金额不能为负数"));
    expect(await oneBadCell("实付利息", "3850.001")).toEqual(err("实付利息", "金额最多保留两位小数"));
    expect(await oneBadCell("本金余额", "")).toEqual(err("本金余额", "不能为空"));
  });

  it("rejects bad rates", async () => {
    expect(await oneBadCell("年利率", "abc")).toEqual(err("年利率", "年利率格式不正确，请填写如 3.45% 或 0.0345"));
    expect(await oneBadCell("年利率", "-3.85%")).toEqual(err("年利率", "年利率不能为负数"));
    expect(await oneBadCell("年利率", "3.85")).toEqual(err("年利率", "年利率超出范围（应低于 100%），请填写如 3.45% 或 0.0345"));
    expect(await oneBadCell("年利率", "3.123456%")).toEqual(err("年利率", "年利率精度不能超过百万分之一"));
  });

  it("rejects invalid and future dates", async () => {
    expect(await oneBadCell("计息起日", "2021-02-30")).toEqual(err("计息起日", "日期无效，请填写如 2021-06-30"));
    expect(await oneBadCell("计息起日", "23/06/2021")).toEqual(err("计息起日", "日期无效，请填写如 2021-06-30"));
    expect(await oneBadCell("付息日期", "2022-06-01")).toEqual(err("付息日期", "日期不能晚于今天"));
    expect(await oneBadCell("计息止日", "2022-06-20")).toEqual(err("计息止日", "日期不能晚于今天"));
    const sameDay = await parse(csv([HEADER, withCell("付息日期", TODAY)]));
    expect(sameDay.ok).toBe(true);
  });

  it("rejects a period that ends before it starts, but allows a one-day period", async () => {
    expect(await oneBadCell("计息止日", "2021-06-22")).toEqual(err("计息止日", "计息止日早于计息起日"));
    const oneDay = await parse(csv([HEADER, withCell("计息止日", "2021-06-23")]));
    expect(oneDay.ok).toBe(true);
  });

  it("rejects interest paid above interest due", async () => {
    expect(await oneBadCell("实付利息", "3850.01")).toEqual(err("实付利息", "实付利息超过应付利息"));
  });

  it("requires a payment date when interest was paid", async () => {
    expect(await oneBadCell("付息日期", "")).toEqual(err("付息日期", "已付利息时必须填写付息日期"));
  });

  it("rejects unreadable flags and an empty contract number", async () => {
    expect(await oneBadCell("逾期", "")).toEqual(err("逾期", "请填写 是 或 否"));
    expect(await oneBadCell("展期", "maybe")).toEqual(err("展期", "请填写 是 或 否"));
    expect(await oneBadCell("合同编号", "")).toEqual(err("合同编号", "不能为空"));
  });

  it("rejects cells beyond the header", async () => {
    expect(await errorsOf(csv([HEADER, [...GOOD_ROW, "extra"]]))).toEqual(err("", "该行的列数多于表头"));
  });

  it("rejects a duplicate contract + period and points at the first occurrence", async () => {
    const other = withCell("计息起日", "2021-09-21", withCell("计息止日", "2021-12-20"));
    expect(await errorsOf(csv([HEADER, GOOD_ROW, other, withCell("实付利息", "3000.00")]))).toEqual(
      err("合同编号", "与第 2 行重复（同一合同、同一计息期间、同一付息日期）", 4),
    );
  });

  it("is all or nothing: every bad line is reported and no line is accepted", async () => {
    const rows = [HEADER, GOOD_ROW, withCell("本金余额", "x", withCell("逾期", "?")), withCell("计息起日", "2021-09-21", withCell("计息止日", "2021-12-20")), withCell("合同编号", "B", withCell("实付利息", "9999"))];
    const result = await parse(csv(rows));
    // The well-formed rows come back only as `partial`, for the checks against the loans.
    expect(result.ok).toBe(false);
    expect(!result.ok && result.partial?.map((l) => l.line)).toEqual([2, 4]);
    expect(result.ok ? null : { ok: false, errors: read(result.errors) }).toMatchObject({
      ok: false,
      errors: [
        { line: 3, column: "本金余额", message: "金额必须是数字" },
        { line: 3, column: "逾期", message: "请填写 是 或 否" },
        { line: 5, column: "实付利息", message: "实付利息超过应付利息" },
      ],
    });
  });

  it("requires today as a real date", async () => {
    await expect(parse(csv([HEADER, GOOD_ROW]), "2022/05/31")).rejects.toThrow(RangeError);
  });
});

describe("validateAgainstLoans", () => {
  const loans = new Map([["NCD-2021-0158", { principalFen: 40_000_000n, startOn: "2021-06-23", maturityOn: "2022-06-23" }]]);

  it("accepts lines inside the loan's term, including its first and last day", () => {
    expect(validateAgainstLoans([GOOD_LINE, { ...GOOD_LINE, periodStart: "2022-03-21", periodEnd: "2022-06-23" }], loans)).toEqual([]);
  });

  it("rejects unknown contracts, periods outside the term and balances above the principal", () => {
    const lines: ParsedLine[] = [
      { ...GOOD_LINE, line: 2, contractNo: "NCD-1999-0001" },
      { ...GOOD_LINE, line: 3, periodStart: "2021-06-22" },
      { ...GOOD_LINE, line: 4, periodStart: "2022-03-21", periodEnd: "2022-06-24" },
      { ...GOOD_LINE, line: 5, principalBalanceFen: 40_000_001n },
    ];
    expect(read(validateAgainstLoans(lines, loans))).toEqual([
      { line: 2, column: "合同编号", message: "合同编号不存在或不属于本行" },
      { line: 3, column: "计息起日", message: "计息期间超出贷款期限" },
      { line: 4, column: "计息止日", message: "计息期间超出贷款期限" },
      { line: 5, column: "本金余额", message: "本金余额超过贷款本金" },
    ]);
  });
});

describe("lineKey", () => {
  it("is the contract, the period and the payment day, whatever the amounts", () => {
    expect(lineKey(GOOD_LINE)).toBe(`NCD-2021-0158|2021-06-23|2021-09-20|${GOOD_LINE.paidOn}`);
    const samePaymentOtherAmounts: ParsedLine = { ...GOOD_LINE, interestPaidFen: 1n, line: 9 };
    expect(lineKey(samePaymentOtherAmounts)).toBe(lineKey(GOOD_LINE));
    expect(lineKey({ ...GOOD_LINE, periodEnd: "2021-09-21" })).not.toBe(lineKey(GOOD_LINE));
    expect(lineKey({ ...GOOD_LINE, paidOn: "2021-10-08" })).not.toBe(lineKey(GOOD_LINE));
    expect(lineKey({ ...GOOD_LINE, paidOn: null })).toBe("NCD-2021-0158|2021-06-23|2021-09-20|-");
  });
});

// ---- properties ------------------------------------------------------------------------------

const yuanText = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
const groupedYuanText = (fen: bigint) => `${(fen / 100n).toLocaleString("en-US")}.${String(fen % 100n).padStart(2, "0")}`;

describe("exact decimal parsing", () => {
  it("reads any amount in fen back exactly, plain or with thousands separators", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), (fen) => {
        expect(parseAmountFen(yuanText(fen))).toEqual({ value: fen });
        expect(parseAmountFen(groupedYuanText(fen))).toEqual({ value: fen });
      }),
    );
  });

  it("reads any rate as a percentage or a fraction to the same millionths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (micros) => {
        const percent = `${Math.floor(micros / 10_000)}.${String(micros % 10_000).padStart(4, "0")}%`;
        const fraction = `0.${String(micros).padStart(6, "0")}`;
        expect(parseRateMicros(percent)).toEqual({ value: micros });
        expect(parseRateMicros(fraction)).toEqual({ value: micros });
      }),
    );
  });

  it("round-trips random valid statements through CSV", async () => {
    const dayArb = fc.integer({ min: 0, max: 1_000 }); // ends, and is paid, before TODAY
    const lineArb = fc.record({
      contractNo: fc.stringMatching(/^[A-Z0-9][A-Z0-9,"-]{0,15}$/),
      start: dayArb,
      len: fc.integer({ min: 0, max: 100 }),
      balance: fc.bigInt({ min: 0n, max: 500_000_000n }),
      rate: fc.integer({ min: 0, max: 999_999 }),
      due: fc.bigInt({ min: 0n, max: 10_000_000n }),
      paidShare: fc.integer({ min: 0, max: 100 }),
      penalty: fc.bigInt({ min: 0n, max: 100_000n }),
      overdue: fc.boolean(),
      extended: fc.boolean(),
    });
    const iso = (d: number) => new Date(Date.UTC(2019, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(lineArb, { minLength: 1, maxLength: 12, selector: (l) => `${l.contractNo}|${l.start}|${l.len}` }), async (generated) => {
        const expected: ParsedLine[] = generated.map((g, i) => {
          const paid = (g.due * BigInt(g.paidShare)) / 100n;
          return {
            line: i + 2,
            contractNo: g.contractNo,
            periodStart: iso(g.start),
            periodEnd: iso(g.start + g.len),
            principalBalanceFen: g.balance,
            annualRateMicros: g.rate,
            interestDueFen: g.due,
            interestPaidFen: paid,
            paidOn: paid > 0n ? iso(g.start + g.len + 1) : null,
            overdue: g.overdue,
            penaltyInterestFen: g.penalty,
            extended: g.extended,
          };
        });
        const rows = expected.map((l) => [
          l.contractNo,
          l.periodStart,
          l.periodEnd,
          yuanText(l.principalBalanceFen),
          `0.${String(l.annualRateMicros).padStart(6, "0")}`,
          yuanText(l.interestDueFen),
          yuanText(l.interestPaidFen),
          l.paidOn ?? "",
          l.overdue ? "是" : "否",
          yuanText(l.penaltyInterestFen),
          l.extended ? "Y" : "N",
        ]);
        expect(await parse(csv([HEADER, ...rows]))).toEqual({ ok: true, lines: expected });
      }),
      { numRuns: 40 },
    );
  });
});
