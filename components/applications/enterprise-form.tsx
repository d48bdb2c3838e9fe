"use client";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { saveEnterpriseAction } from "@/lib/applications/actions";

export type EnterpriseDefaults = {
  enterpriseId: string; name: string; creditCode: string; legalRepName: string; address: string; industry: string;
  foundedOn: string; employees: string; annualRevenueYuan: string; hasUnion: boolean; unionMemberCount: string;
};

export function EnterpriseForm({ defaults }: { defaults: EnterpriseDefaults }) {
  return (
    <ActionForm action={saveEnterpriseAction} hidden={{ enterpriseId: defaults.enterpriseId }} className="form form--wide">
      {(state) => {
        const f = (name: Exclude<keyof EnterpriseDefaults, "hasUnion">) => ({
          defaultValue: fieldValue(state, name, defaults[name]),
          errors: fieldErrors(state, name),
        });
        const hasUnion = state.status === "idle" ? defaults.hasUnion : state.fields?.hasUnion === "on";
        return (
          <>
            <Field name="name" label="企业名称" required {...f("name")} />
            <Field name="creditCode" label="统一社会信用代码" required maxLength={18} autoComplete="off" hint="18 位，见营业执照" {...f("creditCode")} />
            <Field name="legalRepName" label="法定代表人" required {...f("legalRepName")} />
            <Field name="address" label="经营地址" required {...f("address")} />
            <Field name="industry" label="所属行业" required {...f("industry")} />
            <Field name="foundedOn" label="成立日期" type="date" required {...f("foundedOn")} />
            <Field name="employees" label="从业人数" inputMode="numeric" required {...f("employees")} />
            <Field name="annualRevenueYuan" label="上年营业收入（元）" inputMode="decimal" required hint="例如 1,200,000.00" {...f("annualRevenueYuan")} />
            <label className="checkbox">
              <input type="checkbox" name="hasUnion" defaultChecked={hasUnion} />
              <span>企业已建立工会</span>
            </label>
            <Field name="unionMemberCount" label="工会会员人数" inputMode="numeric" {...f("unionMemberCount")} />
            <SubmitButton>保存企业信息</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
