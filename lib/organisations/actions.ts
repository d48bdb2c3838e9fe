"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/safe-action";
import { words } from "@/lib/i18n/words";
import { changeIdSchema, controlDecisionSchema, changeRoleSchema, createOrganisationSchema, inviteStaffSchema, organisationStateSchema, policySchema, renameOrganisationSchema, userIdSchema } from "@/lib/organisations/schemas";
import { createOrganisation, updateOrganisation } from "@/lib/organisations/services/manage-organisation";
import { inviteStaff } from "@/lib/organisations/services/invite-staff";
import { requestOrigin } from "@/lib/http/request-origin";
import { publishPolicy } from "@/lib/organisations/services/publish-policy";
import { decideControlChange, proposeAdminGrant, withdrawControlChange } from "@/lib/organisations/services/dual-control";
import { changeRole, forcePasswordReset, revokeSessions, setAccountDisabled, unlockAccount } from "@/lib/organisations/services/account-access";
const refresh = () => {
  revalidatePath("/admin");
  revalidatePath("/admin/policy");
};

export const publishPolicyAction = adminAction({
  schema: policySchema,
  run: (input, actor) => publishPolicy(actor, input),
  success: (r) => words(r.weakens.length ? "admin.controls.proposed" : "admin.controls.proposedPlain"),
  after: refresh,
});

export const proposeAdminGrantAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => proposeAdminGrant(actor, input.userId),
  success: () => words("admin.controls.grantProposed"),
  after: refresh,
});

export const decideControlChangeAction = adminAction({
  schema: controlDecisionSchema,
  run: (input, actor) => decideControlChange(actor, { changeId: input.changeId, approve: input.decision === "approve", note: input.note }),
  success: (r) => words(r.status === "APPROVED" ? "admin.controls.approved" : "admin.controls.rejected"),
  after: refresh,
});

export const withdrawControlChangeAction = adminAction({
  schema: changeIdSchema,
  run: (input, actor) => withdrawControlChange(actor, input.changeId),
  success: () => words("admin.controls.withdrawn"),
  after: refresh,
});

export const revokeSessionsAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => revokeSessions(actor, input.userId),
  success: () => words("admin.outcomes.sessionsRevoked"),
  after: refresh,
});

export const disableAccountAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => setAccountDisabled(actor, input.userId, true),
  success: () => words("admin.outcomes.accountDisabled"),
  after: refresh,
});

export const enableAccountAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => setAccountDisabled(actor, input.userId, false),
  success: () => words("admin.outcomes.accountEnabled"),
  after: refresh,
});

export const inviteStaffAction = adminAction({
  schema: inviteStaffSchema,
  run: async (input, actor) => inviteStaff(actor, input, await requestOrigin()),
  success: () => words("admin.outcomes.invited"),
  after: refresh,
});

export const createOrganisationAction = adminAction({
  schema: createOrganisationSchema,
  run: (input, actor) => createOrganisation(actor, input),
  success: () => words("admin.outcomes.organisationCreated"),
  after: refresh,
});

export const renameOrganisationAction = adminAction({
  schema: renameOrganisationSchema,
  run: (input, actor) => updateOrganisation(actor, { organisationId: input.organisationId, version: input.version, names: { nameZh: input.nameZh, nameEn: input.nameEn } }),
  success: () => words("admin.outcomes.organisationRenamed"),
  after: refresh,
});

export const disableOrganisationAction = adminAction({
  schema: organisationStateSchema,
  run: (input, actor) => updateOrganisation(actor, { ...input, disabled: true }),
  success: () => words("admin.outcomes.organisationDisabled"),
  after: refresh,
});

export const enableOrganisationAction = adminAction({
  schema: organisationStateSchema,
  run: (input, actor) => updateOrganisation(actor, { ...input, disabled: false }),
  success: () => words("admin.outcomes.organisationEnabled"),
  after: refresh,
});

export const unlockAccountAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => unlockAccount(actor, input.userId),
  success: () => words("admin.outcomes.accountUnlocked"),
  after: refresh,
});

export const forcePasswordResetAction = adminAction({
  schema: userIdSchema,
  run: async (input, actor) => forcePasswordReset(actor, input.userId, await requestOrigin()),
  success: () => words("admin.outcomes.passwordReset"),
  after: refresh,
});

export const changeRoleAction = adminAction({
  schema: changeRoleSchema,
  run: (input, actor) => changeRole(actor, input.userId, input.role),
  success: () => words("admin.outcomes.roleChanged"),
  after: refresh,
});
