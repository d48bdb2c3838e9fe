import "server-only";
import { getTranslations } from "next-intl/server";
import type { Wording } from "@/lib/audit/config-changes";

/**
 * The reader's words for what configuration payloads hold: field names, yes/no, and the codes of
 * modes, organisation types and roles. A name the catalogue does not know is shown as written.
 */
export async function configWording(): Promise<Wording> {
  const [t, roles, types] = await Promise.all([getTranslations("configAudit"), getTranslations("roles"), getTranslations("orgTypes")]);
  return {
    field: (key) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key),
    value: (value) => {
      if (typeof value === "boolean") return t(value ? "yes" : "no");
      const text = String(value);
      if (t.has(`values.${text}`)) return t(`values.${text}`);
      if (roles.has(text)) return roles(text);
      if (types.has(text)) return types(text);
      return text;
    },
  };
}

/** A configuration action in the reader's words (the action's code where none is written). */
export async function configActionWords(): Promise<(action: string) => string> {
  const t = await getTranslations("configAudit");
  return (action) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : action;
  };
}
