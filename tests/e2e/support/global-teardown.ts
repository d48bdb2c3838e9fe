import { dropDatabase } from "../../../scripts/db/tools";
import { e2eDatabase } from "./database";

// Runs even when globalSetup failed half-way; DROP ... IF EXISTS WITH (FORCE) also ends the
// web server's open connections (the server itself is stopped by Playwright right after).
export default async function globalTeardown(): Promise<void> {
  await dropDatabase(e2eDatabase().name);
}
