import { describe, expect } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { itOnPostgres } from "../support/db";
import { runScript, scratchDatabases } from "../support/scratch-databases";

// After a fault every case must still be whole: its status where its last step event went, its
// loan there once it runs. `npm run cases:check` says so, or names the cases that are not.
describe("npm run cases:check", () => {
  const databases = scratchDatabases();

  itOnPostgres("finds the demo's cases whole, and names a case whose status moved without its step", async () => {
    const { url } = await databases.seeded("ncd_cases_check");
    const whole = runScript("scripts/check-cases.ts", url);
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/cases whole: [1-9]\d* cases/);

    // A half-done step: the status changed, no event says so.
    const { prisma } = createPrismaClient({ url });
    try {
      const target = await prisma.loanApplication.findFirstOrThrow({ where: { status: "CENTER_REVIEW", historical: false } });
      await prisma.loanApplication.update({ where: { id: target.id }, data: { status: "GUARANTOR_REVIEW" } });
      const broken = runScript("scripts/check-cases.ts", url);
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`${target.number} (${target.id}): GUARANTOR_REVIEW, last step to CENTER_REVIEW: the status is not where the last step went`);
      expect(broken.stderr).toMatch(/^1 of \d+ cases disagree/m);
    } finally {
      await prisma.$disconnect();
    }
  }, 180_000);
});
