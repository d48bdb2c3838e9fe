// A sentence for a reader, named rather than written: its key in the message catalogues
// (`namespace.key`, as next-intl addresses it from the root) and the values it needs. Services,
// schemas and jobs return Words; the edge that knows the reader (an action, a route handler, a
// page, a PDF or an e-mail) puts them into the reader's language. Pure: importable from anywhere.

export type WordValues = Record<string, string | number | Date>;

export type Words = { readonly key: string; readonly values?: WordValues };

/** What a message may still be: Words, or (for a zod issue) a catalogue key as its text. */
export type Message = Words | string;

export const words = (key: string, values?: WordValues): Words => (values === undefined ? { key } : { key, values });

// zod carries a rule's message as text only: a message that needs values (a length, a field's
// name) travels as its key and its values in one string, `key|{"max":5}`, read back by wordIn.
const VALUES_MARK = "|{";

/** A zod rule's message that needs values: its key and values in one string (wordIn reads them back). */
export const keyWithValues = (key: string, values: Record<string, string | number>): string => `${key}|${JSON.stringify(values)}`;

function wordsInText(text: string): Words | null {
  const at = text.indexOf(VALUES_MARK);
  if (at < 0) return null;
  try {
    return words(text.slice(0, at), JSON.parse(text.slice(at + 1)) as WordValues);
  } catch {
    return null;
  }
}

export const isWords = (value: unknown): value is Words =>
  typeof value === "object" && value !== null && typeof (value as Words).key === "string";

/** A translator over the whole catalogue (next-intl's `getTranslations()` or use-intl's `createTranslator` without a namespace). */
export type RootTranslator = {
  (key: string, values?: WordValues): string;
  has(key: string): boolean;
};

/**
 * A message in the reader's language. A string is a catalogue key when the catalogue has it (zod
 * issues carry their key as their message, or their key and values, see keyWithValues); any other
 * string is shown as it is (zod's own message for a shape no schema of ours words, which only a
 * hand-made request can produce).
 */
export function wordIn(t: RootTranslator, message: Message): string {
  if (typeof message !== "string") return t(message.key, message.values);
  if (t.has(message)) return t(message);
  const carried = wordsInText(message);
  return carried && t.has(carried.key) ? t(carried.key, carried.values) : message;
}

/** Field errors in the reader's language. */
export function fieldErrorsIn(t: RootTranslator, fieldErrors: Readonly<Record<string, readonly Message[]>> | undefined): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((m) => wordIn(t, m))]));
}
