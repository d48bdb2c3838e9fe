// What "use-intl/format-message" means on the server inside the build (next.config.ts). Messages
// from the catalogues arrive compiled (scripts/build/catalogue-loader.mjs) and go to use-intl's
// small formatter. A message that is still ICU text goes to the parser: modules that Node's own
// loader also runs import a catalogue `with { type: "json" }`, which the build hands over as it is
// (the loader is not applied to such an import). The browser gets the small formatter alone.
import formatCompiled from "../../node_modules/use-intl/dist/esm/production/format-message/format-only.js";
import formatParsed from "../../node_modules/use-intl/dist/esm/production/format-message/index.js";

/** @param {[string, unknown, ...unknown[]]} args */
export default function formatMessage(...args) {
  // A compiled message without values or tags is its text, which both read the same.
  return typeof args[1] === "string" ? formatParsed(...args) : formatCompiled(...args);
}

formatMessage.raw = formatParsed.raw;
