// Client components translate with the messages the page hands them; the page hands only the
// namespaces client components use (every page used to carry the whole catalogue, some 50 kB).
// tests/unit/client-messages.test.ts fails when a client component uses a namespace not listed.

export const CLIENT_NAMESPACES = [
  "account", "admin.accounts", "admin.budget", "admin.controls", "admin.invite", "admin.organisationForm", "admin.policyForm", "calendar.form",
  "consentWordings.form", "lpr.form", "lpr.tenors",
  "applicant.autosave", "applicant.caseActions", "applicant.consent", "applicant.enterpriseForm", "applicant.licenceReading", "applicant.loanForm", "applicant.profileForm",
  "auth", "case.actions", "reference", "case.form", "common", "exceptions.document", "exceptions.form", "exceptions.type", "hotline.form", "subsidy.bank", "subsidy.centre", "subsidy.columns", "subsidy.flags",
  "routing", "admin.reassign", "table", "unions.form", "unions.roster",
] as const;

type Messages = { [key: string]: string | Messages };

/** The part of a catalogue that client components need, with its nesting kept. */
export function clientMessages(all: Messages, namespaces: readonly string[] = CLIENT_NAMESPACES): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: Messages | string | undefined = all;
    let into = picked;
    for (const [i, key] of path.entries()) {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) break;
      if (i === path.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as Messages;
    }
  }
  return picked;
}
