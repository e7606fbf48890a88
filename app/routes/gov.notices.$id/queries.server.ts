import { redirectWithFlash } from "~/flash.server";
import type { AuditedActor, BureauActor } from "~/models/actor";
import { parseNoticeForm } from "~/models/notice-form.server";
import { publishNotice, updateNotice, withdrawNotice, type NoticeChange } from "~/models/notice.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, json, notFound } from "~/utils/http.server";

export type ActionData = { errors: FieldErrors; values: Record<string, string | string[]> };

function answer(result: NoticeChange, id: string, flash: string) {
  if (!result.ok && result.error === "NOT_FOUND") notFound();
  if (!result.ok)
    return json<ActionData>(
      { errors: { _form: { key: "outreach.notices.errors.changed" } }, values: {} },
      { status: 409 },
    );
  return redirectWithFlash(`/gov/notices/${id}`, { kind: "success", key: flash });
}

/** Runs one of the page's buttons: publish, withdraw, or save a new version of the notice. */
export async function runNoticeIntent(actor: AuditedActor<BureauActor>, id: string, form: FormData) {
  const intent = form.get("intent");
  if (intent === "publish") {
    const result = await publishNotice(actor, id);
    return answer(result, id, "outreach.notices.flash.published");
  }
  if (intent === "withdraw")
    return answer(await withdrawNotice(actor, id), id, "outreach.notices.flash.withdrawn");
  if (intent !== "save")
    return badRequest<ActionData>({ errors: { _form: { key: "common.validation.invalid" } }, values: {} });
  const parsed = parseNoticeForm(form);
  if (!parsed.ok) return badRequest<ActionData>({ errors: parsed.errors, values: parsed.values });
  if (parsed.version === null)
    return badRequest<ActionData>({ errors: { _form: { key: "common.validation.invalid" } }, values: {} });
  return answer(
    await updateNotice(actor, id, parsed.version, parsed.input),
    id,
    "outreach.notices.flash.saved",
  );
}
