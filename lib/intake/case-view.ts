import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { assistedCase } from "@/lib/intake/queries";
import { documentChecklist } from "@/lib/applications/required-documents";
import { licenceReadingOfCase } from "@/lib/ocr/queries";

/** A case the union desk took in, read at once: what it entered, the papers, the licence reading. Null when not its case. */
export async function assistedCaseView(actor: Actor, id: string) {
  const c = await assistedCase(actor, id);
  if (!c) return null;
  const [checklist, reading] = await Promise.all([
    documentChecklist(c.id, c.kind, { actor, status: c.status }),
    licenceReadingOfCase(actor, c.id),
  ]);
  return { c, checklist, reading };
}
