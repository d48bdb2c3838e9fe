// npm run db:seed: demo data into DATABASE_URL or the embedded database. Safe to run again.
// With --programme-history, also the programme's years to 2022-05-31 (through the history import).
import { env } from "@/lib/env";
import { createPrismaClient, disconnectShared } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { seedProgrammeHistory } from "@/lib/demo/seed-history";

const { prisma, pglite } = createPrismaClient({ url: env.DATABASE_URL });
try {
  await seedDemo(prisma, (line) => console.log(`  seeded ${line}`));
  console.log("Demo data is in place.");
} finally {
  await prisma.$disconnect();
  await pglite?.close();
}
if (process.argv.includes("--programme-history")) {
  // The import runs on the process-wide client (an embedded database opens once at a time).
  try {
    await seedProgrammeHistory((line) => console.log(`  seeded ${line}`));
  } finally {
    await disconnectShared();
  }
}
