import { afterAll } from "vitest";
import { disconnectShared } from "@/lib/db/client";

// Each test file runs in its own worker; it must let go of the database when done
// (an embedded PGlite directory can be open in one process only).
afterAll(async () => {
  await disconnectShared();
});
