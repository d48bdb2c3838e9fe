import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { applicantOverview, listMyApplications } from "@/lib/applications/queries";
import { formatFen } from "@/lib/money/fen";
import { ApplicationTable } from "@/components/applications/application-table";
import { RenewButton, StartApplicationButton } from "@/components/applications/case-actions";

export default async function ApplicantHome() {
  const actor = await requireSection("applicant");
  const [t, format, rows, overview] = await Promise.all([
    getTranslations("home"),
    getFormatter(),
    listMyApplications(actor),
    applicantOverview(actor),
  ]);
  const ready = overview?.profileComplete && overview.consents.sensitive && overview.consents.credit;
  return (
    <>
      <h1>{t("applicantTitle")}</h1>
      <p className="lead">{t("welcome", { name: actor.displayName })}</p>
      {!ready ? (
        <p className="notice notice--warn" data-testid="setup-needed">
          申请前请先 <Link href="/applicant/profile">完善个人信息并完成授权</Link>（工会会员信息、个人敏感信息处理同意、征信查询授权）。
        </p>
      ) : null}
      <div className="actions" style={{ marginBottom: "1rem" }}>
        <Link href="/applicant/profile" className="btn btn--secondary btn--small">个人信息与授权</Link>
        <Link href="/applicant/enterprises/new" className="btn btn--secondary btn--small">登记企业</Link>
        <Link href="/applicant/inbox" className="btn btn--secondary btn--small">消息通知</Link>
      </div>
      <h2>申请记录</h2>
      <ApplicationTable rows={rows} hrefBase="/applicant/applications" now={new Date()} />
      <h2>我的企业</h2>
      {overview?.enterprises.length ? (
        overview.enterprises.map((e) => (
          <section key={e.id} className="card" data-testid="enterprise-card">
            <div className="actions" style={{ justifyContent: "space-between" }}>
              <div>
                <strong>{e.name}</strong> <small className="who">{e.creditCode}</small>{" "}
                <Link href={`/applicant/enterprises/${e.id}`}>修改</Link>
              </div>
              {ready ? <StartApplicationButton enterpriseId={e.id} /> : null}
            </div>
            {e.loans.length ? (
              <div className="table-wrap" style={{ marginTop: ".8rem" }}>
                <table className="table">
                  <caption className="who" style={{ textAlign: "left", padding: ".4rem .7rem" }}>贷款记录（续贷链）</caption>
                  <thead><tr><th>合同编号</th><th className="num">金额</th><th>放款日</th><th>到期日</th><th>状态</th><th /></tr></thead>
                  <tbody>
                    {e.loans.map((l) => (
                      <tr key={l.id}>
                        <td><Link href={`/applicant/loans/${l.id}`}>{l.contractNo}</Link></td>
                        <td className="num">{formatFen(l.principalFen)}</td>
                        <td>{l.disbursedOn ? format.dateTime(l.disbursedOn, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</td>
                        <td>{l.maturityOn ? format.dateTime(l.maturityOn, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</td>
                        <td>{l.status === "SETTLED" ? "已结清" : l.status === "ACTIVE" ? "还款中" : l.status}</td>
                        <td>{l.renewable && ready ? <RenewButton loanId={l.id} /> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        ))
      ) : (
        <p className="notice notice--info">还没有登记企业。<Link href="/applicant/enterprises/new">登记企业</Link>后即可申请。</p>
      )}
    </>
  );
}
