"use server";

// The baseline of the action rows: a server action that does nothing but return. It takes the
// arguments useActionState passes the portal's forms (the previous state and the form data), so
// the replay sends it the same two, and ignores them.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function noopAction(_previous?: unknown, _formData?: FormData): Promise<void> {}
