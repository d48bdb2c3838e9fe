// npm run db:seed: demo data into DATABASE_URL or the embedded database. Safe to run again.
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";

const { prisma, pglite } = createPrismaClient({ url: env.DATABASE_URL });
try {
  await seedDemo(prisma, (line) => console.log(`  seeded ${line}`));
  console.log("Demo data is in place.");
} finally {
  await prisma.$disconnect();
  await pglite?.close();
}
