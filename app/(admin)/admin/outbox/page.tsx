import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { outbox, smsOutbox } from "@/lib/notifications/queries";

export default async function OutboxPage() {
  const actor = await requireSection("admin");
  const [t, format, mails, texts] = await Promise.all([getTranslations("applicant.outbox"), getFormatter(), outbox(actor), smsOutbox(actor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th>{t("at")}</th><th>{t("to")}</th><th>{t("subject")}</th><th>{t("body")}</th><th>{t("status")}</th></tr></thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                <td>{m.to}</td>
                <td>{m.subject}</td>
                <td>{m.body}</td>
                <td>{m.sentAt ? t("sent") : m.error ? t("failed", { error: m.error }) : t("pending")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("smsTitle")}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th>{t("at")}</th><th>{t("to")}</th><th>{t("body")}</th><th>{t("status")}</th></tr></thead>
          <tbody>
            {texts.map((m) => (
              <tr key={m.id}>
                <td>{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                <td>{m.to}</td>
                <td>{m.text ?? t("smsHidden")}</td>
                <td>{m.sentAt ? t("sent") : m.error ? t("failed", { error: m.error }) : t("pending")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
