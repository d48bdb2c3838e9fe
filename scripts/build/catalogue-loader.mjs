import compile from "icu-minify/compile";

// A Turbopack loader for the message catalogues (lib/i18n/messages/*.json, next.config.ts): each
// message becomes the syntax tree use-intl's small formatter reads, and the file stays JSON. Pages
// then format without the ICU message parser, which no longer reaches the browser. The module
// stays JSON, so modules that import a catalogue `with { type: "json" }` (those Node's own loader
// also runs: scripts, the end-to-end set-up) keep working in the build; outside the build they
// read the plain catalogue and use-intl parses it as before.

/**
 * A message compiles to its text when it has no values or tags. Text that would read differently
 * as ICU (escaped braces: "'{YYYY}'" compiles to "{YYYY}") stays a one-part message, so that the
 * server's formatter (scripts/build/format-message.mjs) never takes it for ICU text to parse.
 * @param {string} message
 */
function compiledMessage(message) {
  const result = compile(message);
  return typeof result === "string" && !readsAsItself(result) ? [result] : result;
}

/** @param {string} text */
function readsAsItself(text) {
  try {
    return compile(text) === text;
  } catch {
    return false;
  }
}

/** @param {unknown} node @param {string} at */
function compiled(node, at) {
  if (typeof node === "string") return compiledMessage(node);
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    throw new Error(`The message at "${at}" is neither a text nor a group of messages.`);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compiled(value, at ? `${at}.${key}` : key)]));
}

/** @this {{ resourcePath: string }} @param {string} source */
export default function catalogueLoader(source) {
  try {
    return JSON.stringify(compiled(JSON.parse(source), ""));
  } catch (error) {
    throw new Error(`${this.resourcePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
