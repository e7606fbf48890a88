/**
 * Mocks for the app process, loaded before the server when MOCKS is on. Starts on import.
 * Requests msw does not handle (the app's own, anything local) go to the network.
 * No SIGTERM/SIGINT listeners here: they would stop the process from exiting on kill.
 */
import { CREDIT_PLATFORM_URL, DEFAULT_CREDIT_PLATFORM_URL, server } from "./server";

server.listen({ onUnhandledRequest: "bypass" });
console.info(`[mocks] credit platform served by msw at ${CREDIT_PLATFORM_URL}`);

export { CREDIT_PLATFORM_URL, DEFAULT_CREDIT_PLATFORM_URL, server };
