import { defineConfig } from "prisma/config";

// Only `prisma generate` runs through the Prisma CLI; migrations are applied by scripts/db.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
