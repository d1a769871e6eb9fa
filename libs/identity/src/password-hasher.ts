import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-grade memory cost). */
export const passwordHasher = {
  hash: (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id }),
  verify: (hash: string, password: string): Promise<boolean> => argon2.verify(hash, password).catch(() => false),
};

/** Verified when the e-mail is unknown, so that both refusals take the same time. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$4r4o1K0mJ8KxW1M8P3wS2rX8bWq3Zq0qgkqvGvYbU2g';
