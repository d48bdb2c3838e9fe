"use client";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { saveProfileAction } from "@/lib/applications/actions";

export type ProfileDefaults = { fullName: string; idNumber: string; mobile: string; unionName: string; memberCardNo: string; targetGroupCode: string };

export function ProfileForm({ defaults, groups }: { defaults: ProfileDefaults; groups: { code: string; nameZh: string }[] }) {
  return (
    <ActionForm action={saveProfileAction}>
      {(state) => {
        const f = (name: keyof ProfileDefaults) => ({ defaultValue: fieldValue(state, name, defaults[name]), errors: fieldErrors(state, name) });
        return (
          <>
            <Field name="fullName" label="姓名" required autoComplete="name" {...f("fullName")} />
            <Field name="idNumber" label="身份证号码" required maxLength={18} autoComplete="off" hint="18 位，最后一位可为 X" {...f("idNumber")} />
            <Field name="mobile" label="手机号码" required inputMode="numeric" maxLength={11} {...f("mobile")} />
            <Field name="unionName" label="所在工会名称" required {...f("unionName")} />
            <Field name="memberCardNo" label="工会会员证号" required {...f("memberCardNo")} />
            <Field name="targetGroupCode" label="重点群体（选填）" errors={fieldErrors(state, "targetGroupCode")}>
              {/* Keyed on the value: React does not re-apply a changed defaultValue to a mounted select. */}
              <select key={fieldValue(state, "targetGroupCode", defaults.targetGroupCode)} id="targetGroupCode" name="targetGroupCode" defaultValue={fieldValue(state, "targetGroupCode", defaults.targetGroupCode)}>
                <option value="">不属于以下群体</option>
                {groups.map((g) => <option key={g.code} value={g.code}>{g.nameZh}</option>)}
              </select>
            </Field>
            <SubmitButton>保存个人信息</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
