// npm run audit:verify: walks the audit log's hash chain; exits 1 at the first broken link.
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/audit/verify";

const { prisma, pglite } = createPrismaClient({ url: env.DATABASE_URL });
try {
  const report = await verifyAuditChain(prisma);
  if (report.ok) {
    console.log(`audit chain intact: ${report.checked} events checked`);
  } else {
    console.error(`audit chain BROKEN at event ${report.brokenAtId} (${report.reason}); ${report.checked} events before it are intact`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await pglite?.close();
}
