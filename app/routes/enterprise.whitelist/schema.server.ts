import { z } from "zod";

/** The request for a recommendation: an optional note of up to 500 characters. */
export const requestSchema = z.object({ note: z.string().trim().max(500).optional().default("") });
