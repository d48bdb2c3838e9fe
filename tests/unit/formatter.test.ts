import { afterEach, describe, expect, it, vi } from "vitest";
import { createFormatter, type DateTimeFormatOptions } from "use-intl/core";
import { formatterFor } from "@/lib/i18n/formatter";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

// The pages format through Intl objects kept across requests; what they print must be what
// next-intl's own formatter prints, and a second request must build no Intl object again.
const DATE_OPTIONS: DateTimeFormatOptions[] = [
  { dateStyle: "medium" },
  { dateStyle: "long" },
  { dateStyle: "medium", timeStyle: "short" },
  { dateStyle: "medium", timeZone: "UTC" },
];
const DATES = [new Date("2026-12-01T15:59:59.999Z"), new Date("2026-12-01T16:00:00Z"), new Date("2019-05-20T02:00:00Z"), new Date("2027-01-05T00:00:00Z")];
const NUMBERS = [0, 7, 1234.5, 35146.94, -0.25];

afterEach(() => vi.restoreAllMocks());

describe("formatters kept across requests", () => {
  for (const locale of ["zh-CN", "en"]) {
    it(`print what next-intl prints (${locale}), in Beijing time unless the options name a zone`, () => {
      const theirs = createFormatter({ locale, timeZone: BEIJING_TIME_ZONE });
      const ours = formatterFor(locale, BEIJING_TIME_ZONE);
      for (const options of DATE_OPTIONS) for (const date of DATES) expect(ours.dateTime(date, options)).toBe(theirs.dateTime(date, options));
      for (const n of NUMBERS) {
        expect(ours.number(n)).toBe(theirs.number(n));
        expect(ours.number(n, { style: "percent", maximumFractionDigits: 1 })).toBe(theirs.number(n, { style: "percent", maximumFractionDigits: 1 }));
      }
    });
  }

  it("build each Intl object once, whatever the request", () => {
    const date = new Date("2026-11-30T20:00:00Z");
    formatterFor("en", BEIJING_TIME_ZONE).dateTime(date, { dateStyle: "full" });
    const built = vi.spyOn(Intl, "DateTimeFormat");
    // A later request: a new formatter, the same locale and options.
    expect(formatterFor("en", BEIJING_TIME_ZONE).dateTime(date, { dateStyle: "full" })).toBe("Tuesday, December 1, 2026");
    expect(built).not.toHaveBeenCalled();
    // The zone given wins over the default: midnight UTC is 08:00 in Beijing.
    expect(formatterFor("en", BEIJING_TIME_ZONE).dateTime(date, { dateStyle: "medium", timeZone: "UTC" })).toBe("Nov 30, 2026");
  });
});
