import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { unseal, unsealOptional } from "@/lib/personal-data/sealed";
import { totpUri } from "@/lib/auth/two-factor";

export type TwoFactorState =
  | { status: "on"; enabledAt: Date; recoveryCodesLeft: number }
  | { status: "off" }
  | { status: "pending"; secret: string; qrSvgDataUrl: string };

/** The account's own two-factor state; a pending secret comes with its QR code for the app. */
export async function twoFactorState(actor: Actor): Promise<TwoFactorState> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, mobileSealed: true, totpSecretSealed: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (user.totpEnabledAt) return { status: "on", enabledAt: user.totpEnabledAt, recoveryCodesLeft: user._count.recoveryCodes };
  if (!user.totpSecretSealed) return { status: "off" };
  const secret = unseal(user.totpSecretSealed, "User.totpSecret");
  const label = user.email ?? unsealOptional(user.mobileSealed, "User.mobile") ?? actor.displayName;
  const svg = await QRCode.toString(totpUri(secret, label), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { status: "pending", secret, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
