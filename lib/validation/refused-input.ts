import { AppError } from "@/lib/errors";
import type { Message } from "@/lib/i18n/words";

// A service's refusal of an administrator's input, as codes on the fields they concern: the
// service judges, the action names the words for each code (Words), and the edge puts them into
// the reader's language.

export type InputProblem = { field: string; code: string; params?: Record<string, string | number> };

export class InputRefused extends AppError {
  constructor(readonly problems: InputProblem[]) {
    super("VALIDATION", problems.map((p) => p.code).join(","));
    this.name = "InputRefused";
  }
}

export const isInputRefused = (e: unknown): e is InputRefused => e instanceof InputRefused;

/** Runs a service; a refusal comes back as a VALIDATION error carrying `word`'s message for each problem, the first on top. */
export async function wordRefusal<R>(run: () => Promise<R>, word: (code: string, params?: Record<string, string | number>) => Message): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (!isInputRefused(error)) throw error;
    const texts = error.problems.map((p) => word(p.code, p.params));
    const fieldErrors: Record<string, Message[]> = {};
    error.problems.forEach((p, i) => (fieldErrors[p.field] ??= []).push(texts[i]!));
    throw new AppError("VALIDATION", texts[0], fieldErrors);
  }
}
