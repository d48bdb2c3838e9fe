import { getFormatter } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { outbox } from "@/lib/notifications/queries";

export default async function OutboxPage() {
  const actor = await requireSection("admin");
  const [format, mails] = await Promise.all([getFormatter(), outbox(actor)]);
  return (
    <>
      <h1>邮件发件箱</h1>
      <p className="lead">未配置 SMTP 时，通知邮件保存在这里；配置后由系统自动发送。</p>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th>时间</th><th>收件人</th><th>主题</th><th>内容</th><th>状态</th></tr></thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                <td>{m.to}</td>
                <td>{m.subject}</td>
                <td>{m.body}</td>
                <td>{m.sentAt ? "已发送" : m.error ? `发送失败：${m.error}` : "待发送"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
