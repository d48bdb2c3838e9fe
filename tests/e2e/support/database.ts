// The end-to-end database, named once by playwright.config.ts and inherited through the
// environment by global setup, teardown and the workers.
export function e2eDatabase(): { name: string; url: string } {
  const name = process.env.NCD_E2E_DB;
  const url = process.env.NCD_E2E_DATABASE_URL;
  if (!name || !url || !/^[a-z]+_e2e_[a-z0-9_]+$/.test(name)) {
    throw new Error("NCD_E2E_DB / NCD_E2E_DATABASE_URL are not set: run the tests through playwright.config.ts");
  }
  return { name, url };
}
