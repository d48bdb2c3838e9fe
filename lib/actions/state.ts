// The one result shape of every form action, for React's useActionState.
export type ActionState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]>; fields?: Record<string, string> }
  | { status: "success"; message: string; fields?: Record<string, string> };

export const IDLE: ActionState = { status: "idle" };
