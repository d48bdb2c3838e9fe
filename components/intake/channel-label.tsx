import { getTranslations } from "next-intl/server";
import type { IntakeChannel } from "@/lib/generated/prisma/enums";

/** How a case came in: online, at a district union's desk (its name and the agent who entered it), or by the hotline (its operator). */
export async function IntakeChannelNote({ channel, organisation, agent }: { channel: IntakeChannel; organisation: string | null; agent: string | null }) {
  const t = await getTranslations("intake");
  const name = t(`channel.${channel}`);
  return (
    <p className="muted" data-testid="intake-channel">
      {channel === "DISTRICT_UNION" && organisation
        ? t("channelAgent", { channel: name, org: organisation, agent: agent ?? "—" })
        : channel === "HOTLINE"
          ? t("channelHotline", { channel: name, agent: agent ?? "—" })
          : t("channelLine", { channel: name })}
    </p>
  );
}
