/** The past authorisations shown per page (the loader and the page's pagination both read it). */
export const PAGE_SIZE = 20;
/** The bank choice that grants to every bank. */
export const ALL_BANKS = "ALL";
