"use client";
import { markInboxReadAction } from "@/lib/notifications/actions";
import { ButtonForm } from "@/components/ui/button-form";

/** The label comes rendered from the page (client components take no namespace of their own). */
export function MarkReadButton({ label }: { label: string }) {
  return (
    <ButtonForm action={markInboxReadAction} label={label} />
  );
}
