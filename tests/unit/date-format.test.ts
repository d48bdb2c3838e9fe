import { describe, expect, it } from "vitest";
import { createFormatter } from "use-intl/core";
import { dateFormatter, dateTimeFormat } from "@/lib/i18n/date-format";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

// The pages' dates come from one Intl.DateTimeFormat per locale and options, kept across
// requests; what they print must be what next-intl's `format.dateTime` printed.
const OPTIONS: Intl.DateTimeFormatOptions[] = [
  { dateStyle: "medium" },
  { dateStyle: "long" },
  { dateStyle: "medium", timeStyle: "short" },
  { dateStyle: "medium", timeZone: "UTC" },
];
const DATES = [new Date("2026-12-01T15:59:59.999Z"), new Date("2026-12-01T16:00:00Z"), new Date("2019-05-20T02:00:00Z"), new Date("2027-01-05T00:00:00Z")];

describe("dates formatted with kept formatters", () => {
  for (const locale of ["zh-CN", "en"]) {
    it(`print what next-intl prints (${locale}), in Beijing time unless the options name a zone`, () => {
      const formatter = createFormatter({ locale, timeZone: BEIJING_TIME_ZONE });
      const theirs = { dateTime: formatter.dateTime as (value: Date, options: Intl.DateTimeFormatOptions) => string };
      const ours = dateFormatter(locale, BEIJING_TIME_ZONE);
      for (const options of OPTIONS) for (const date of DATES) expect(ours.dateTime(date, options)).toBe(theirs.dateTime(date, options));
    });
  }

  it("make one formatter per locale and options", () => {
    expect(dateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "UTC" })).toBe(dateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "UTC" }));
    expect(dateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" })).not.toBe(dateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "UTC" }));
    // Midnight UTC is 08:00 in Beijing: the zone given wins over the default.
    expect(dateFormatter("en", BEIJING_TIME_ZONE).dateTime(new Date("2026-11-30T20:00:00Z"), { dateStyle: "medium", timeZone: "UTC" })).toBe("Nov 30, 2026");
    expect(dateFormatter("en", BEIJING_TIME_ZONE).dateTime(new Date("2026-11-30T20:00:00Z"), { dateStyle: "medium" })).toBe("Dec 1, 2026");
  });
});
