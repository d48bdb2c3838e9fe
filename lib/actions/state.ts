// The one result shape of every form action, for React's useActionState. `code` is the
// AppError code of a refusal (VALIDATION, NOT_FOUND, …), for callers that branch on it.
export type ActionState =
  | { status: "idle" }
  | { status: "error"; code?: string; message: string; fieldErrors?: Record<string, string[]>; fields?: Record<string, string> }
  | { status: "success"; message: string; fields?: Record<string, string> };

export const IDLE: ActionState = { status: "idle" };
