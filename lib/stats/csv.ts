import { fenToYuanString } from "@/lib/money/fen";
import { fenToWanYuan } from "@/lib/stats/format";
import type { ProgrammeFigures } from "@/lib/stats/queries";

// The figures as CSV in the programme's own (Chinese) labels: UTF-8 with a BOM so Excel reads
// it, CRLF line ends, amounts as plain numbers (no symbol, no separators) so they stay numbers.

const cell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const row = (...cells: (string | number)[]): string => cells.map(cell).join(",");

export function programmeFiguresCsv(f: ProgrammeFigures): string {
  const lines = [
    row("暖·创贷 项目统计", `截至 ${f.asOf}`),
    row("指标", "数值"),
    row("累计收到贷款申请（份）", f.applications),
    row("其中续贷（份）", f.renewals),
    row("累计放款企业（家）", f.enterprisesFunded),
    row("其中连续贷款企业（家）", f.renewingEnterprises),
    row("累计放款笔数（笔）", f.loans),
    row("累计放款金额（万元）", fenToWanYuan(f.lentFen, { grouping: false })),
    row("累计放款金额（元）", fenToYuanString(f.lentFen)),
    row("已贴息企业（家）", f.enterprisesSubsidised),
    row("累计贴息金额（元）", fenToYuanString(f.subsidyFen)),
    row("新建工会（家）", f.unionsFounded),
    row("新发展会员（人）", f.newMembers),
    "",
    row("年度", "收到申请（份）", "其中续贷（份）", "放款（笔）", "放款金额（元）", "贴息金额（元）", "新建工会（家）", "新发展会员（人）"),
    ...f.years.map((y) => row(y.year, y.applications, y.renewals, y.loans, fenToYuanString(y.lentFen), fenToYuanString(y.subsidyFen), y.unionsFounded, y.newMembers)),
    row("合计", f.applications, f.renewals, f.loans, fenToYuanString(f.lentFen), fenToYuanString(f.subsidyFen), f.unionsFounded, f.newMembers),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export const programmeFiguresFileName = (asOf: string): string => `暖创贷项目统计-截至${asOf}.csv`;
