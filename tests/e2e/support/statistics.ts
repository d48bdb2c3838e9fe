import { createPrismaClient } from "@/lib/db/client";
import { refreshStatistics } from "@/lib/stats/services/refresh-statistics";
import { e2eDatabase } from "./database";

/**
 * What the refresh-statistics job does every minute: the test servers run without a scheduler,
 * so a test that changed records runs it before it reads the statistics pages.
 */
export async function runStatisticsJob(): Promise<void> {
  const { prisma } = createPrismaClient({ url: e2eDatabase().url });
  try {
    await refreshStatistics(new Date(), prisma);
  } finally {
    await prisma.$disconnect();
  }
}
