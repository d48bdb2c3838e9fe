import "server-only";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { MESSAGE_OF, type NoticeTemplates } from "@/lib/reviews/applicant-message";

/**
 * The templates a staff form previews, in the programme's language: the one the applicant's mail
 * goes out in (the portal stores no other language for a person). Only these few go to the browser.
 */
export function previewTemplates(): { locale: string; templates: NoticeTemplates } {
  const notice = zhCN.inbox.notice as Record<string, { title: string; body: string }>;
  const templates: NoticeTemplates = {};
  for (const code of Object.values(MESSAGE_OF)) templates[code] = notice[code];
  return { locale: DEFAULT_LOCALE, templates };
}
