/** Turns a message catalogue (JSON) into the same catalogue with each message compiled (JSON). */
export default function catalogueLoader(this: { resourcePath: string }, source: string): string;
