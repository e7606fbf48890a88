import { z } from "zod";

import { SETTING_KEYS, SETTING_RANGES } from "~/models/gov-codes";
import type { SettingKey } from "~/models/settings.server";

function integerIn([min, max]: readonly [number, number]) {
  return z
    .string({ required_error: "common.validation.required" })
    .trim()
    .refine((v) => /^\d{1,6}$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: "gov.admin.errors.range",
      params: { min, max },
    })
    .transform(Number);
}

export function settingsSchema() {
  return z.object(
    Object.fromEntries(SETTING_KEYS.map((key) => [key, integerIn(SETTING_RANGES[key])])) as Record<
      SettingKey,
      ReturnType<typeof integerIn>
    >,
  );
}
