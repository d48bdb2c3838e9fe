import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

/** Where uploaded bytes live. Keys are made on the server (`documentKey`), never taken from input. */
export type ObjectStorage = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>;
  delete(key: string): Promise<void>;
};

/** A fresh key for one stored version of a case's document. */
export const documentKey = (applicationId: string): string => `doc/${applicationId}/${randomUUID()}`;

/**
 * The default store: bytes in the StoredObject table, so every app server sharing the database
 * sees every file and there is no extra server to run. `put` creates and never overwrites: a key
 * is used once.
 */
export const databaseStorage: ObjectStorage = {
  async put(key, bytes) {
    await db.storedObject.create({ data: { key, bytes: new Uint8Array(bytes), sizeBytes: bytes.byteLength } });
  },
  async get(key) {
    const row = await db.storedObject.findUnique({ where: { key }, select: { bytes: true } });
    return row?.bytes ?? null;
  },
  async delete(key) {
    await db.storedObject.deleteMany({ where: { key } });
  },
};
