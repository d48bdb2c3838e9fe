import type { SqlExecutor } from "@/lib/db/sql-executor";
import { SEALED_COLUMNS } from "@/lib/personal-data/columns";
import { blindIndex, seal } from "@/lib/personal-data/sealed";

// Data changes a migration's SQL cannot make, run by the migrator right after that migration's
// SQL and in its transaction: both commit together or neither does.

/** The plain-text column each sealed column replaced. */
const PLAIN_BEFORE: Readonly<Record<string, string>> = {
  "User.mobileSealed": "mobile",
  "User.totpSecretSealed": "totpSecret",
  "ApplicantProfile.idNumberSealed": "idNumber",
  "ApplicantProfile.mobileSealed": "mobile",
  "Loan.accountNoSealed": "accountNo",
};

/** Seals the personal data an installation stored in plain text before sealing existed. */
async function sealPlaintextPersonalData(tx: SqlExecutor): Promise<void> {
  for (const c of SEALED_COLUMNS) {
    const plain = PLAIN_BEFORE[`${c.table}.${c.column}`];
    if (!plain) continue;
    const rows = await tx.query<{ id: string; value: string }>(`SELECT id, "${plain}" AS value FROM "${c.table}" WHERE "${plain}" IS NOT NULL`);
    for (const row of rows) {
      const index = c.index ? `, "${c.index}" = $3` : "";
      const params = [row.id, seal(row.value, c.field), ...(c.index ? [blindIndex(row.value, c.field)] : [])];
      await tx.query(`UPDATE "${c.table}" SET "${c.column}" = $2${index} WHERE id = $1`, params);
    }
  }
}

export const DATA_STEPS: Readonly<Record<string, (tx: SqlExecutor) => Promise<void>>> = {
  "20261204192502_seal_personal_data": sealPlaintextPersonalData,
};
