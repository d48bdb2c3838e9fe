// Runs once when the server starts: refuse to serve without a strong secret in production, and
// bring the embedded database up to date (a fresh machine has no other way to create it).
// NEXT_RUNTIME is read directly because Next replaces it at build time and drops the Node-only
// import from the Edge bundle; lib/env.ts reads everything else.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server-start");
  await startServer();
}
