// What an autosave answers: when the input was kept, whether it is now the record itself, and
// the hints per field (the rules submission will apply).
export type AutosaveState =
  | { status: "idle" }
  | { status: "saved"; savedAt: string; applied: boolean; fieldErrors: Record<string, string[]> }
  | { status: "error"; code?: string; message: string; fieldErrors?: Record<string, string[]> };

/** A kept draft as a form page receives it: the text as typed, its hints, when it was kept. */
export type DraftDto = { fields: Record<string, string>; fieldErrors: Record<string, string[]>; savedAt: string };
