import "server-only";
import { cache } from "react";
import { getLocale, getTimeZone } from "next-intl/server";
import { _createCache, _createIntlFormatters, createFormatter } from "use-intl/core";

// next-intl's getFormatter() keeps its Intl.DateTimeFormat and Intl.NumberFormat objects for one
// request only, so every request built them again: 0.2–0.5 ms apiece in the CPU profiles of the
// applicant's dashboard and the centre's case page (the constructors under format.dateTime), more
// on the statistics page, which formats hundreds of numbers. An Intl object depends only on the
// locale and its options (the time zone among them), never on the request or the reader, so one
// set per process serves every request; the options come from the code, so the set stays small.
const formatters = _createIntlFormatters(_createCache());

/** next-intl's formatter of a locale and default time zone, on the Intl objects kept across requests. */
export const formatterFor = (locale: string, timeZone: string) => createFormatter({ locale, timeZone, _formatters: formatters });

/** The reader's formatter (locale and time zone of the request config), as next-intl's getFormatter, with Intl objects kept across requests. */
export const getFormatter = cache(async () => {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return formatterFor(locale, timeZone);
});

export type Formatter = Awaited<ReturnType<typeof getFormatter>>;
