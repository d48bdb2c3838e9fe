import { AppError } from "@/lib/errors";

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
