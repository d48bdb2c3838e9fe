import type { ConsentKind } from "@/lib/generated/prisma/enums";

// The wording the applicant agrees to, with its version; a consent row records the version.
// Change the text only together with a new version id.
export const CONSENT_WORDING = {
  SENSITIVE_PERSONAL_INFO: {
    version: "PI-2024-1",
    title: "个人敏感信息处理同意书",
    text:
      "根据《个人信息保护法》第二十九条，本人同意北京市职工互助保障服务中心、北京首创融资担保有限公司和北京农村商业银行，" +
      "为审核、担保、发放本人所代表企业的首都职工创业小额贷款及办理贴息之目的，处理本人的身份证件号码、手机号码、" +
      "工会会员信息及银行账户信息。各机构仅在其办理环节所必需的范围内查看上述信息，查看完整信息的行为均被记录。" +
      "本人可随时撤回本同意；撤回后，需要上述信息的办理环节将停止。",
  },
  CREDIT_REPORT_AUTHORISATION: {
    version: "CR-2024-1",
    title: "征信查询授权书",
    text:
      "本人及本人所代表的企业授权北京首创融资担保有限公司和北京农村商业银行，为办理首都职工创业小额贷款之目的，" +
      "向金融信用信息基础数据库查询本人及企业的信用报告，并在贷款存续期间进行贷后管理查询。本授权可随时撤回；" +
      "撤回后，需要查询信用报告的审核环节将停止。",
  },
} as const satisfies Record<ConsentKind, { version: string; title: string; text: string }>;
