/**
 * zod with the `.openapi()` metadata of @asteasolutions/zod-to-openapi (7.x: the line for zod 3).
 * Every schema of the bank API is built from this `z`, so the handlers validate with exactly
 * the schemas the OpenAPI document is generated from.
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
