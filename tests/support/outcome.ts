import { AppError } from "@/lib/errors";
import { isInputRefused } from "@/lib/validation/refused-input";

/** "OK" when the call succeeds, its AppError code when it is refused; anything else rethrows. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

/** The problems (`field:code`) an input refusal names; fails when the call is not refused that way. */
export async function refusal(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (isInputRefused(error)) return error.problems.map((p) => `${p.field}:${p.code}`);
    throw error;
  }
  throw new Error("not refused");
}
