/** The browser session cookie: httpOnly, SameSite=Strict, carrying the same JWT as the bearer header. */
export const SESSION_COOKIE = 'iss_session';
