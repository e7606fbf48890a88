/**
 * The one msw server for the external systems, not yet listening: ./index starts it for the
 * app process (unhandled requests pass through); tests start it with their own policy.
 */
import { setupServer } from "msw/node";

import { creditPlatformHandlers } from "./credit-platform";

/** Same value as MOCK_CREDIT_PLATFORM_URL in app/services/credit-platform.server.ts. */
export const DEFAULT_CREDIT_PLATFORM_URL = "http://credit-platform.mock";
export const CREDIT_PLATFORM_URL = process.env.CREDIT_PLATFORM_URL || DEFAULT_CREDIT_PLATFORM_URL;

export const server = setupServer(...creditPlatformHandlers(CREDIT_PLATFORM_URL));
