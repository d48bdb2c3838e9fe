import { AppError } from "@/lib/errors";

// A service's refusal of an administrator's input, as codes on the fields they concern: the
// service judges, the action puts the codes into words in the reader's language (next-intl).

export type InputProblem = { field: string; code: string; params?: Record<string, string | number> };

export class InputRefused extends AppError {
  constructor(readonly problems: InputProblem[]) {
    super("VALIDATION", problems.map((p) => p.code).join(","));
    this.name = "InputRefused";
  }
}

export const isInputRefused = (e: unknown): e is InputRefused => e instanceof InputRefused;

/** Runs a service; a refusal comes back as a VALIDATION error worded by `word`, first problem on top. */
export async function wordRefusal<R>(run: () => Promise<R>, word: (code: string, params?: Record<string, string | number>) => string): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (!isInputRefused(error)) throw error;
    const texts = error.problems.map((p) => word(p.code, p.params));
    const fieldErrors: Record<string, string[]> = {};
    error.problems.forEach((p, i) => (fieldErrors[p.field] ??= []).push(texts[i]!));
    throw new AppError("VALIDATION", texts[0], fieldErrors);
  }
}
