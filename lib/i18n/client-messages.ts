// Client components translate with the messages their page hands them (components/layout/
// client-messages.tsx): each page names the namespaces its own client components use, and a page
// with none sends no catalogue at all (every page used to carry the whole catalogue, some 50 kB,
// then every namespace below, 11.5k characters of Chinese). CLIENT_NAMESPACES lists what may go to
// the browser at all; tests/unit/client-messages.test.ts fails when a client component uses a
// namespace not listed, or a page reaches one whose namespace it does not hand over.

export const CLIENT_NAMESPACES = [
  "account", "admin.accounts", "admin.budget", "admin.controls", "admin.invite", "admin.organisationForm", "admin.policyForm", "calendar.form",
  "consentWordings.form", "lpr.form", "lpr.tenors",
  "applicant.autosave", "applicant.consent", "applicant.enterpriseForm", "applicant.licenceReading", "applicant.loanForm", "applicant.profileForm",
  "auth", "case.actions", "reference", "case.form", "case.upload", "common", "exceptions.document", "exceptions.form", "exceptions.type", "hotline.form", "subsidy.bank", "subsidy.centre", "subsidy.columns", "subsidy.flags",
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
