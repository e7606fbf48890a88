/**
 * The bureau's notice form, parsed on the server: one schema for the create and edit pages. The
 * body is refused when it holds raw HTML or a link that is not http(s), mailto or a portal path
 * (app/utils/markdown.server.ts), with a message saying which.
 */
import { z } from "zod";

import { MAX_NOTICE_LINKS, NOTICE_AUDIENCES, type NoticeLink } from "~/domain/outreach";
import { parseForm, type FieldErrors, type FormFailure } from "~/utils/forms";
import { isSafeHref, markdownProblem } from "~/utils/markdown.server";

import { day, text } from "~/utils/form-schema";
import type { NoticeInput } from "./notice.server";

const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function noticeSchema() {
  return z
    .object({
      title: text(120),
      summary: text(300),
      body: text(20_000).superRefine((value, ctx) => {
        const problem = markdownProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: `outreach.notices.errors.${problem}` });
      }),
      effectiveOn: day(),
      audience: z.enum(NOTICE_AUDIENCES),
      linkLabel: z.preprocess(list, z.array(z.string().max(200)).max(MAX_NOTICE_LINKS)),
      linkUrl: z.preprocess(list, z.array(z.string().max(2000)).max(MAX_NOTICE_LINKS)),
      version: z
        .string()
        .regex(/^\d{1,9}$/)
        .transform(Number)
        .optional(),
    })
    .transform((data, ctx) => {
      const links: NoticeLink[] = [];
      const count = Math.max(data.linkLabel.length, data.linkUrl.length);
      for (let i = 0; i < count; i++) {
        const label = (data.linkLabel[i] ?? "").trim();
        const url = (data.linkUrl[i] ?? "").trim();
        if (!label && !url) continue;
        if (!label || !url) {
          ctx.addIssue({
            code: "custom",
            path: ["links"],
            message: "outreach.notices.errors.linkIncomplete",
          });
          return z.NEVER;
        }
        if (!isSafeHref(url) || url.startsWith("#") || url.startsWith("mailto:")) {
          ctx.addIssue({ code: "custom", path: ["links"], message: "outreach.notices.errors.linkUrl" });
          return z.NEVER;
        }
        links.push({ label, url });
      }
      const input: NoticeInput = {
        title: data.title,
        summary: data.summary,
        body: data.body,
        effectiveOn: data.effectiveOn,
        audience: data.audience,
        links,
      };
      return { input, version: data.version ?? null };
    });
}

export type ParsedNoticeForm = { ok: true; input: NoticeInput; version: number | null } | FormFailure;

export function parseNoticeForm(form: FormData): ParsedNoticeForm {
  const parsed = parseForm(noticeSchema(), form);
  if (!parsed.ok) return parsed;
  return { ok: true, ...parsed.data };
}

export type NoticeFormErrors = FieldErrors;
