// What "use-intl/format-message" means on the server inside the build (next.config.ts). Messages
// from the catalogues arrive compiled (scripts/build/catalogue-loader.mjs) and go to use-intl's
// small formatter. A message that is still ICU text (a catalogue that reached the server
// uncompiled) goes to the parser and reads right all the same. The browser gets the small
// formatter alone.
import formatCompiled from "../../node_modules/use-intl/dist/esm/production/format-message/format-only.js";
import formatParsed from "../../node_modules/use-intl/dist/esm/production/format-message/index.js";

/** @param {[string, unknown, ...unknown[]]} args */
export default function formatMessage(...args) {
  // A compiled message without values or tags is its text, which both read the same.
  return typeof args[1] === "string" ? formatParsed(...args) : formatCompiled(...args);
}

formatMessage.raw = formatParsed.raw;
