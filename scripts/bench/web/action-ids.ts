// An action's id as the build assigned it: Next's server-reference manifest lists every action
// with the file and the export it came from.
import { readFileSync } from "node:fs";
import path from "node:path";

type ManifestEntry = { exportedName?: string; filename?: string };
export type ActionManifest = { node?: Record<string, ManifestEntry>; edge?: Record<string, ManifestEntry> };

/** The id of `exportedName` from the source file `file` (a path relative to the app's root). */
export function actionIdIn(manifest: ActionManifest, file: string, exportedName: string): string {
  const wanted = file.split(path.sep).join("/");
  const found = Object.entries({ ...manifest.edge, ...manifest.node }).filter(
    ([, entry]) => entry.exportedName === exportedName && entry.filename?.split(path.sep).join("/").endsWith(wanted),
  );
  if (found.length !== 1) throw new Error(`${found.length} actions named ${exportedName} in ${file} in the build's manifest`);
  return found[0]![0];
}

/** Reads the manifest of the build in `appRoot` (its `.next`, or the folder `distDir` names). */
export function readActionManifest(appRoot: string, distDir = ".next"): ActionManifest {
  return JSON.parse(readFileSync(path.join(appRoot, distDir, "server", "server-reference-manifest.json"), "utf8")) as ActionManifest;
}
