import { describe, expect, it } from "vitest";
import { beijingDayOf } from "@/lib/calendar/beijing";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { joinItems, MESSAGE_OF, splitMissingItems, storedParams, textOrNull, wordsOfMessage, type NoticeTemplates } from "@/lib/reviews/applicant-message";

const templates = (all: typeof zhCN | typeof en) => all.inbox.notice as unknown as NoticeTemplates;

describe("messages to the applicant", () => {
  it("split the one-time list as the form shows it: one item a line, list markers dropped, blank lines ignored", () => {
    expect(splitMissingItems("1. 财务报表\n\n- 银行流水\r\n  3、会员证明  \n•  征信授权")).toEqual(["财务报表", "银行流水", "会员证明", "征信授权"]);
  });

  it("keep the staff member's words as written, apart from the template's values", () => {
    const message = { code: "caseMessage" as const, params: { number: "SQ-1", orgType: "BANK" }, text: "{orgType} 原样 <b>x</b>" };
    expect(storedParams(message)).toEqual({ number: "SQ-1", orgType: "BANK", staffText: "{orgType} 原样 <b>x</b>" });
    expect(storedParams({ ...message, text: null })).toEqual({ number: "SQ-1", orgType: "BANK" });
    const words = wordsOfMessage("zh-CN", templates(zhCN), message);
    // The free text is never read as a template: its braces come out as typed.
    expect(words).toEqual({ title: "关于申请 SQ-1 的消息", body: "银行给您留言：", text: "{orgType} 原样 <b>x</b>" });
    expect(textOrNull("  \n ")).toBeNull();
  });

  it("word every decision's template in both languages, the refusal's reason from its code", () => {
    for (const code of Object.values(MESSAGE_OF)) {
      for (const catalogue of [zhCN, en]) {
        const words = wordsOfMessage("zh-CN", templates(catalogue), { code, params: { number: "SQ-9", dueOn: "2026-12-25", items: joinItems(["甲", "乙"]), reasonCode: "CREDIT", orgType: "GUARANTOR" }, text: null });
        expect(words.title).toContain("SQ-9");
        expect(words.body).not.toMatch(/[{}]/);
      }
    }
    const rejected = wordsOfMessage("zh-CN", templates(zhCN), { code: "applicationRejected", params: { number: "SQ-9", reasonCode: "CREDIT" }, text: null });
    expect(rejected.body).toContain("信用状况不符合要求");
    const returned = wordsOfMessage("en", templates(en), { code: "applicationReturned", params: { number: "SQ-9", dueOn: "2026-12-25", items: "甲；乙" }, text: null });
    expect(returned.body).toContain("by 2026-12-25: 甲；乙");
  });

  it("date a deadline by its Beijing day", () => {
    expect(beijingDayOf(new Date("2026-12-25T15:59:59.999Z"))).toBe("2026-12-25");
    expect(beijingDayOf(new Date("2026-12-25T16:00:00Z"))).toBe("2026-12-26");
  });
});
