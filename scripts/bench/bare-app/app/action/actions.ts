"use server";

import { redirect } from "next/navigation";
import { Pool } from "pg";

// The baseline of the action rows: a server action that does nothing but return. It takes the
// arguments useActionState passes the portal's forms (the previous state and the form data), so
// the replay sends it the same two, and ignores them.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function noopAction(_previous?: unknown, _formData?: FormData): Promise<void> {}

// The floor under any action that writes: one row inserted in a transaction through `pg`, with
// no framework of the portal's around it (no session, no ORM, no audit). The bench creates the
// table in its own database before calling it.
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

async function insertOneRow(): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO bare_app_writes (note) VALUES ($1)", ["one row"]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function insertAction(_previous?: unknown, _formData?: FormData): Promise<void> {
  await insertOneRow();
}

// As the portal's submit does after its work: the answer is the page redirected to, which Next
// renders by requesting it from its own server.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function insertThenRedirectAction(_previous?: unknown, _formData?: FormData): Promise<void> {
  await insertOneRow();
  redirect("/");
}
