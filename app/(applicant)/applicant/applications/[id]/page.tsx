import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { applicationForApplicant, loanCategories } from "@/lib/applications/queries";
import { timelineOf } from "@/lib/applications/timeline";
import { HOLDER, OPEN_STATUSES } from "@/lib/applications/workflow";
import { checkEligibility } from "@/lib/applications/services/eligibility-facts";
import { policyInForce } from "@/lib/policy/queries";
import { documentChecklist } from "@/lib/applications/required-documents";
import { fenToYuanString, formatFen } from "@/lib/money/fen";
import { StatusBadge } from "@/components/applications/status-badge";
import { Timeline } from "@/components/applications/timeline";
import { LoanRequestForm } from "@/components/applications/loan-request-form";
import { SubmitForm, WithdrawForm } from "@/components/applications/case-actions";
import { DocumentUploader } from "@/components/documents/document-uploader";

const STEPS = [
  { key: "enterprise", label: "企业信息" },
  { key: "loan", label: "贷款申请" },
  { key: "documents", label: "上传材料" },
  { key: "review", label: "确认提交" },
] as const;
type StepKey = (typeof STEPS)[number]["key"];

export default async function ApplicationPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  const actor = await requireSection("applicant");
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  const app = await applicationForApplicant(actor, id);
  if (!app) notFound();
  const [format, orgTypes] = await Promise.all([getFormatter(), getTranslations("orgTypes")]);
  const editable = app.status === "DRAFT" || app.status === "RETURNED";
  const holder = HOLDER[app.status];
  const due = app.status === "RETURNED" ? app.returnDueAt : app.stageDueAt;

  return (
    <>
      <p><Link href="/applicant">← 我的申请</Link></p>
      <h1>
        {app.enterprise.name} · {app.number} <StatusBadge status={app.status} />{" "}
        {app.kind === "RENEWAL" ? <span className="badge">续贷</span> : null}{" "}
        {app.greenChannel ? <span className="badge badge--green">绿色通道</span> : null}
      </h1>

      {holder && app.status !== "DRAFT" ? (
        <p className="notice notice--info" data-testid="holder">
          当前办理方：{holder === "APPLICANT" ? "您（申请人）" : orgTypes(holder)}
          {app.stageEnteredAt ? `，自 ${format.dateTime(app.stageEnteredAt, { dateStyle: "medium", timeStyle: "short" })} 起` : ""}
          {due ? `；办理时限 ${format.dateTime(due, { dateStyle: "medium" })}` : ""}
        </p>
      ) : null}

      {app.status === "RETURNED" && app.lastReturn ? (
        <section className="notice notice--warn" data-testid="return-list">
          <strong>请一次性补充以下材料或信息（一次性告知）：</strong>
          <ul>{app.lastReturn.missingItems.map((m) => <li key={m}>{m}</li>)}</ul>
          <p>{app.lastReturn.comment}</p>
          {app.returnDueAt ? <p>请在 {format.dateTime(app.returnDueAt, { dateStyle: "long" })} 前补充并重新提交，逾期申请将失效。</p> : null}
        </section>
      ) : null}

      {editable ? (
        <EditSteps app={app} step={(STEPS.find((s) => s.key === step)?.key ?? (app.status === "RETURNED" ? "review" : "loan")) as StepKey} />
      ) : (
        <CaseSummary app={app} />
      )}

      {OPEN_STATUSES.includes(app.status) && app.status !== "CONTRACTING" ? <WithdrawForm applicationId={app.id} version={app.version} /> : null}

      <h2>办理进度</h2>
      <Timeline entries={await timelineOf(app.id)} />
    </>
  );
}

type App = NonNullable<Awaited<ReturnType<typeof applicationForApplicant>>>;

async function EditSteps({ app, step }: { app: App; step: StepKey }) {
  const base = `/applicant/applications/${app.id}`;
  return (
    <>
      <ol className="stepper" aria-label="申请步骤">
        {STEPS.map((s, i) => (
          <li key={s.key} aria-current={s.key === step ? "step" : undefined} className={i < STEPS.findIndex((x) => x.key === step) ? "done" : undefined}>
            <Link href={`${base}?step=${s.key}`} style={{ color: "inherit", textDecoration: "none" }}>{i + 1}. {s.label}</Link>
          </li>
        ))}
      </ol>
      <section className="card">
        {step === "enterprise" ? <EnterpriseStep app={app} /> : null}
        {step === "loan" ? <LoanStep app={app} /> : null}
        {step === "documents" ? <DocumentsStep app={app} /> : null}
        {step === "review" ? <ReviewStep app={app} /> : null}
      </section>
    </>
  );
}

function EnterpriseStep({ app }: { app: App }) {
  const e = app.enterprise;
  return (
    <>
      <h2>企业信息</h2>
      <dl className="facts">
        <dt>企业名称</dt><dd>{e.name}</dd>
        <dt>统一社会信用代码</dt><dd>{e.creditCode}</dd>
        <dt>法定代表人</dt><dd>{e.legalRepName}</dd>
        <dt>经营地址</dt><dd>{e.address}</dd>
        <dt>从业人数</dt><dd>{e.employees}</dd>
        <dt>上年营业收入</dt><dd>{formatFen(e.annualRevenueFen)}</dd>
        <dt>工会</dt><dd>{e.hasUnion ? `已建会，会员 ${e.unionMemberCount} 人` : "未建会"}</dd>
      </dl>
      <div className="actions" style={{ marginTop: "1rem" }}>
        <Link className="btn btn--secondary" href={`/applicant/enterprises/${e.id}`}>修改企业信息</Link>
        <Link className="btn btn--primary" href={`/applicant/applications/${app.id}?step=loan`}>下一步</Link>
      </div>
    </>
  );
}

async function LoanStep({ app }: { app: App }) {
  const [categories, policy] = await Promise.all([loanCategories(), policyInForce()]);
  return (
    <>
      <h2>贷款申请</h2>
      {app.previousLoan ? (
        <p className="notice notice--info">续贷：上一笔贷款 {app.previousLoan.contractNo}，金额 {formatFen(app.previousLoan.principalFen)}。已按上次申请预填，只需修改有变化的内容。</p>
      ) : null}
      <LoanRequestForm
        applicationId={app.id}
        categories={categories}
        limits={{ maxLoan: formatFen(policy.maxLoanFen), maxTermMonths: policy.maxTermMonths }}
        defaults={{
          categoryCode: app.categoryCode ?? "",
          amountYuan: app.amountFen === null ? "" : fenToYuanString(app.amountFen),
          termMonths: app.termMonths === null ? "" : String(app.termMonths),
          purpose: app.purpose ?? "",
          repaymentSource: app.repaymentSource ?? "",
        }}
      />
    </>
  );
}

async function DocumentsStep({ app }: { app: App }) {
  const checklist = await documentChecklist(app.id, app.kind);
  return (
    <>
      <h2>上传材料</h2>
      <p className="field__hint">支持 PDF、JPG、PNG，单个文件不超过 10 MB。重新上传会保留旧版本。</p>
      <DocumentUploader applicationId={app.id} checklist={checklist} editable />
      <div className="actions" style={{ marginTop: "1rem" }}>
        <Link className="btn btn--primary" href={`/applicant/applications/${app.id}?step=review`}>下一步</Link>
      </div>
    </>
  );
}

async function ReviewStep({ app }: { app: App }) {
  const [{ blocks }, checklist] = await Promise.all([checkEligibility({ ...app, enterpriseId: app.enterprise.id }), documentChecklist(app.id, app.kind)]);
  const missingDocs = checklist.filter((c) => c.required && !c.current).map((c) => c.label);
  const incomplete = app.amountFen === null || app.termMonths === null || !app.purpose || !app.categoryCode;
  return (
    <>
      <h2>确认提交</h2>
      <dl className="facts">
        <dt>企业</dt><dd>{app.enterprise.name}</dd>
        <dt>申请金额</dt><dd>{app.amountFen === null ? "未填写" : formatFen(app.amountFen)}</dd>
        <dt>期限</dt><dd>{app.termMonths ? `${app.termMonths} 个月` : "未填写"}</dd>
        <dt>用途</dt><dd>{app.purpose ?? "未填写"}</dd>
        <dt>还款来源</dt><dd>{app.repaymentSource ?? "未填写"}</dd>
      </dl>
      {incomplete ? <p className="notice notice--warn">请先完成「贷款申请」一步。</p> : null}
      {missingDocs.length ? <p className="notice notice--warn">还缺少材料：{missingDocs.join("、")}</p> : null}
      {blocks.length ? (
        <ul className="notice notice--error" data-testid="eligibility-blocks">{blocks.map((b) => <li key={b.code}>{b.message}</li>)}</ul>
      ) : null}
      <div className="actions" style={{ marginTop: "1rem" }}>
        <a className="btn btn--secondary" href={`/api/applications/${app.id}/form-pdf`}>下载申请表 PDF</a>
        <SubmitForm applicationId={app.id} version={app.version} resubmit={app.status === "RETURNED"} disabled={incomplete || missingDocs.length > 0 || blocks.length > 0} />
      </div>
    </>
  );
}

function CaseSummary({ app }: { app: App }) {
  return (
    <section className="card">
      <h2>申请内容</h2>
      <dl className="facts">
        <dt>企业</dt><dd>{app.enterprise.name}（{app.enterprise.creditCode}）</dd>
        <dt>申请金额</dt><dd>{app.amountFen === null ? "—" : formatFen(app.amountFen)}</dd>
        <dt>期限</dt><dd>{app.termMonths ? `${app.termMonths} 个月` : "—"}</dd>
        <dt>用途</dt><dd>{app.purpose ?? "—"}</dd>
        {app.loan ? (<><dt>贷款合同</dt><dd>{app.loan.contractNo}，{formatFen(app.loan.principalFen)}，年利率 {(app.loan.annualRateMicros / 10_000).toFixed(2)}%</dd></>) : null}
        {app.closeReason ? (<><dt>撤回原因</dt><dd>{app.closeReason}</dd></>) : null}
      </dl>
      <p className="actions" style={{ marginTop: "1rem" }}>
        <a className="btn btn--secondary" href={`/api/applications/${app.id}/form-pdf`}>下载申请表 PDF</a>
        {app.loan ? <a className="btn btn--secondary" href={`/api/applications/${app.id}/letters/approval`}>下载贷款审批通知书</a> : null}
      </p>
    </section>
  );
}
