// npm run cases:check: every case's status agrees with its last step event and its loan (after a
// fault: a database restart, a killed app server). Exits 1 and lists the cases that do not.
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/client";
import { caseDisagreements } from "@/lib/audit/case-consistency";

const { prisma, pglite } = createPrismaClient({ url: env.DATABASE_URL });
try {
  const found = await caseDisagreements(prisma);
  const cases = await prisma.loanApplication.count({ where: { historical: false } });
  if (found.length === 0) {
    console.log(`cases whole: ${cases} cases, each where its last step went`);
  } else {
    for (const d of found) console.error(`${d.number} (${d.applicationId}): ${d.status}, last step to ${d.lastStep ?? "—"}: ${d.why}`);
    console.error(`${found.length} of ${cases} cases disagree with their records`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await pglite?.close();
}
