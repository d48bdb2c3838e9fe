import type { Prisma } from "@/lib/generated/prisma/client";

// Notifications are written in the same transaction as the change they report (an in-app
// message and, when the user has an e-mail address, an outbox row); delivery happens after commit.
export async function notifyUser(
  tx: Prisma.TransactionClient,
  userId: string,
  message: { title: string; body: string; applicationId?: string },
): Promise<void> {
  await tx.notification.create({
    data: { userId, applicationId: message.applicationId ?? null, title: message.title, body: message.body },
  });
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (user?.email) {
    await tx.outboxEmail.create({ data: { to: user.email, subject: `【暖·创贷】${message.title}`, body: message.body } });
  }
}
