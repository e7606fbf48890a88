import { describe, expect, it } from "vitest";
import { z } from "zod";

import { resultFor } from "~/components/form-kit";
import { dispatchIntent, parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import { echo, formFailure } from "~/utils/forms";

function formOf(entries: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const schema = z.object({ name: z.string().trim().min(1), months: z.coerce.number().int().min(1) });

describe("form results", () => {
  it("echoes the input without passwords", () => {
    expect(
      echo({ name: "张三", password: "x", newPassword: "y", confirmPassword: "z", tags: ["a", "b"] }),
    ).toEqual({
      name: "张三",
      tags: ["a", "b"],
    });
  });

  it("puts a form-level error under _form", () => {
    expect(formFailure("bank.errors.stale", { values: { id: "x" } })).toEqual({
      errors: { _form: { key: "bank.errors.stale" } },
      values: { id: "x" },
    });
  });

  it("answers a failed submission 400 with field errors and the echoed input", async () => {
    const submission = parseSubmission(
      formOf([
        ["name", " "],
        ["months", "0"],
        ["password", "secret"],
      ]),
      schema,
    );
    expect(submission.ok).toBe(false);
    if (submission.ok) return;
    expect(submission.reply.status).toBe(400);
    expect(await submission.reply.json()).toEqual({
      errors: { name: { key: "common.validation.required" }, months: { key: "common.validation.invalid" } },
      values: { name: " ", months: "0" },
    });
  });

  it("gives the parsed data and the echo of a valid submission", () => {
    const submission = parseSubmission(
      formOf([
        ["name", " 李四 "],
        ["months", "12"],
      ]),
      schema,
    );
    expect(submission).toEqual({
      ok: true,
      data: { name: "李四", months: 12 },
      values: { name: " 李四 ", months: "12" },
    });
  });

  it("replies field and form errors with their status", async () => {
    const field = replyFieldError("code", { key: "gov.admin.errors.taken" }, { values: { code: "A" } });
    expect(field.status).toBe(400);
    expect(await field.json()).toEqual({
      errors: { code: { key: "gov.admin.errors.taken" } },
      values: { code: "A" },
    });
    const stale = replyFormError("gov.errors.changed", { status: 409 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ errors: { _form: { key: "gov.errors.changed" } }, values: {} });
  });
});

describe("dispatchIntent", () => {
  const handlers = { publish: (intent: string) => `did ${intent}`, withdraw: () => "withdrew" };

  it("calls the handler named by the intent", async () => {
    expect(await dispatchIntent(formOf([["intent", "publish"]]), handlers)).toBe("did publish");
    expect(await dispatchIntent(formOf([["intent", "withdraw"]]), handlers)).toBe("withdrew");
  });

  it("answers 400 invalidChoice for a missing, unknown or inherited intent", async () => {
    for (const form of [formOf([]), formOf([["intent", "delete"]]), formOf([["intent", "toString"]])]) {
      const reply = (await dispatchIntent(form, handlers)) as Response;
      expect(reply.status).toBe(400);
      expect(await reply.json()).toEqual({
        errors: { _form: { key: "common.validation.invalidChoice" } },
        values: {},
      });
    }
  });
});

describe("resultFor", () => {
  const result = {
    errors: { rate: { key: "gov.admin.errors.rate" } },
    values: { intent: "correct", id: "r1" },
  };

  it("gives a result only to the form that sent it", () => {
    expect(resultFor(result, { intent: "correct", rowId: "r1" })).toBe(result);
    expect(resultFor(result, { intent: "correct", rowId: "r2" })).toBeNull();
    expect(resultFor(result, { intent: "add" })).toBeNull();
    expect(resultFor(result)).toBe(result);
    expect(resultFor(undefined)).toBeNull();
  });
});
