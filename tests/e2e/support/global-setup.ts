import { createNamedDatabase } from "../../../scripts/db/tools";
import { migrate } from "@/lib/db/migrator";
import { connectPostgres } from "@/lib/db/sql-executor";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { e2eDatabase } from "./database";

// Creates the fresh database whose name playwright.config.ts chose (the web server is already
// running with its URL), then migrates and seeds it. `createDatabase` from scripts/db/tools
// picks its own random name, which would come too late for the web server's environment, so the
// database is created here under the name fixed at config load (createNamedDatabase).
export default async function globalSetup(): Promise<void> {
  const { name, url } = e2eDatabase();
  await createNamedDatabase(name);

  const sql = await connectPostgres(url);
  try {
    await migrate(sql);
  } finally {
    await sql.close();
  }

  const { prisma } = createPrismaClient({ url });
  try {
    await seedDemo(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
