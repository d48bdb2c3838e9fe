import { readFileSync } from "node:fs";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { ApplicationSummary } from "@/lib/applications/queries";
import { queueRow } from "@/components/applications/queue-row";
import { QueueTable } from "@/components/applications/queue-table";

// A queue's table renders on the server from rows that carry values only: the page's payload
// holds each row once as a few formatted strings, not every cell's markup a second time.

const now = new Date("2026-06-10T04:00:00Z");
const summary = (over: Partial<ApplicationSummary>): ApplicationSummary => ({
  id: "0b6a3c1e-6c1f-4a53-9a43-3f0d0c7f5a11", number: "SQ-2026-0001", kind: "NEW", status: "CENTER_REVIEW", enterpriseName: "Enterprise A",
  amountFen: 30_000_000n, termMonths: 12, greenChannel: false, historical: false, updatedAt: now,
  stageDueAt: new Date("2026-06-12T04:00:00Z"), returnDueAt: null, ...over,
});
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("a queue row", () => {
  it("carries the row's values, formatted, and leaves out the flags it does not have", () => {
    expect(queueRow(summary({}), now, day)).toEqual({
      id: "0b6a3c1e-6c1f-4a53-9a43-3f0d0c7f5a11", number: "SQ-2026-0001", enterprise: "Enterprise A", amount: "¥300,000.00",
      status: "CENTER_REVIEW", due: "2026-06-12",
    });
  });

  it("marks a renewal, the green channel, a historical case and a passed deadline; a returned case's clock is the answer deadline", () => {
    const row = queueRow(summary({ kind: "RENEWAL", greenChannel: true, historical: true, status: "RETURNED", amountFen: null,
      stageDueAt: new Date("2026-07-01T00:00:00Z"), returnDueAt: new Date("2026-06-01T00:00:00Z") }), now, day);
    expect(row).toMatchObject({ amount: "—", due: "2026-06-01", renewal: true, green: true, historical: true, overdue: true });
    expect(queueRow(summary({ stageDueAt: null }), now, day)).toMatchObject({ due: "—" });
    expect(queueRow(summary({ stageDueAt: null }), now, day)).not.toHaveProperty("overdue");
  });
});

describe("the queue table", () => {
  // The messages a queue page hands its client components (its ClientMessages namespaces).
  const intl: Omit<ComponentProps<typeof NextIntlClientProvider>, "children"> = { locale: "zh-CN", messages: { table: zhCN.table }, timeZone: "Asia/Shanghai" };
  const render = (selectForm?: string) => renderToStaticMarkup(createElement(NextIntlClientProvider as (props: typeof intl) => ReactNode, intl,
    createElement(QueueTable, {
      rows: [queueRow(summary({}), now, day), queueRow(summary({ id: "7c1e0d2a-1b2c-4d3e-8f4a-5b6c7d8e9f00", number: "SQ-2026-0002", greenChannel: true, historical: true, kind: "RENEWAL", stageDueAt: new Date("2026-06-01T00:00:00Z") }), now, day)],
      hrefBase: "/center/cases", selectForm, statusWords: { CENTER_REVIEW: zhCN.status.CENTER_REVIEW },
      historical: { badge: zhCN.history.badge, title: zhCN.history.badgeTitle },
    })));

  it("shows each row's cells under their column names, as the staff homes always did", () => {
    const html = render("batch-assign");
    expect(html).toContain(`<td data-label="${zhCN.table.select}"><input type="checkbox" form="batch-assign" aria-label="${zhCN.table.selectCase.replace("{number}", "SQ-2026-0001")}" name="ids" value="0b6a3c1e-6c1f-4a53-9a43-3f0d0c7f5a11"/></td>`);
    expect(html).toContain(`<td data-label="${zhCN.table.number}"><a href="/center/cases/0b6a3c1e-6c1f-4a53-9a43-3f0d0c7f5a11">SQ-2026-0001</a></td>`);
    expect(html).toContain(`<td data-label="${zhCN.table.enterprise}">Enterprise A</td><td class="num" data-label="${zhCN.table.amount}">¥300,000.00</td>`);
    expect(html).toContain(`<span class="badge badge--grey" data-status="CENTER_REVIEW">${zhCN.status.CENTER_REVIEW}</span>`);
    expect(html).toContain(`<tr class="is-overdue">`);
    expect(html).toContain(` <span class="badge">${zhCN.table.RENEWAL}</span> <span class="badge badge--green">${zhCN.table.green}</span> <span class="badge badge--historical" title="${zhCN.history.badgeTitle}">${zhCN.history.badge}</span>`);
    expect(html).toContain(`2026-06-01 <span class="badge badge--red">${zhCN.table.overdue}</span>`);
    expect(render()).not.toContain('type="checkbox"');
  });

  it("and the tables of the queues and the statistics are client components, so their rows travel as values", () => {
    for (const file of ["components/applications/queue-table.tsx", "components/stats/stat-table.tsx", "components/stats/charts/bar-chart.tsx",
      "components/stats/headline-table-view.tsx", "components/stats/year-table-view.tsx"]) {
      expect(readFileSync(file, "utf8").startsWith('"use client";'), file).toBe(true);
    }
    expect(JSON.stringify(queueRow(summary({}), now, day)).length).toBeLessThan(200);
  });
});
