"use client";
import { useTranslations } from "next-intl";
import { importRosterAction } from "@/lib/unions/actions";
import { FileImport } from "@/components/ui/file-import";

/** The roster upload and, for a refused file, its per-line report (nothing was stored). */
export function RosterUpload() {
  const t = useTranslations("unions.roster");
  return (
    <FileImport id="roster" action={importRosterAction} templateHref="/api/unions/roster-template" problemsTestId="roster-problems"
      labels={{ file: t("file"), upload: t("upload"), template: t("template"), line: t("line"), problem: t("problem") }} />
  );
}
