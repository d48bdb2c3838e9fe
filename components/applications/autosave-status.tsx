"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { AutosaveView } from "@/components/applications/use-autosave";

/** Where the autosave stands: saved at hh:mm, saving, or not saved yet and retrying. */
export function AutosaveStatus({ view, hintCount }: { view: AutosaveView; hintCount: number }) {
  const t = useTranslations("applicant.autosave");
  const format = useFormatter();
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
  const last = view.savedAt && view.phase !== "saved" ? t("lastSaved", { time: time(view.savedAt) }) : "";
  let text: string;
  switch (view.phase) {
    case "saved": text = t("saved", { time: time(view.savedAt) }); break;
    case "saving": text = t("saving") + last; break;
    case "pending": text = t("pending") + last; break;
    case "retrying": text = t("retrying") + last; break;
    case "refused": text = view.message + last; break;
    default: text = t("idle");
  }
  const warn = view.phase === "retrying" || view.phase === "refused";
  return (
    <div className="autosave" data-testid="autosave">
      <p className={warn ? "notice notice--warn" : "field__hint"} aria-live="polite" data-testid="autosave-status" data-phase={view.phase}>{text}</p>
      {hintCount > 0 ? <p className="notice notice--info" data-testid="draft-hints">{t("hints", { n: hintCount })}</p> : null}
    </div>
  );
}
