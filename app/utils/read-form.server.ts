/** The body encodings an HTML form sends; anything else is not a form submission. */
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

function plain(message: string, status: number) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The submitted form of an action. A body that is not a form (JSON, text, no content type)
 * is answered 415 and a malformed one 400 — before any of it reaches a model. Without this,
 * request.formData() throws a TypeError and Remix answers 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.has(type)) throw plain("Unsupported Media Type: send a form", 415);
  try {
    return await request.formData();
  } catch {
    throw plain("Bad Request: the form could not be read", 400);
  }
}
