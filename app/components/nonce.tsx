import { createContext, useContext } from "react";

/** The per-request CSP nonce for inline scripts (set by server.js, empty in the browser). */
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
