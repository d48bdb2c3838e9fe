"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { markInboxReadAction } from "@/lib/notifications/actions";

/** The label comes rendered from the page (client components take no namespace of their own). */
export function MarkReadButton({ label }: { label: string }) {
  return (
    <ActionForm action={markInboxReadAction} className="">
      {() => <SubmitButton variant="secondary">{label}</SubmitButton>}
    </ActionForm>
  );
}
