import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's recommended parameters (19 MiB, 2 iterations, 1 lane). @node-rs/argon2 ships
 * prebuilt binaries per platform, so no compiler is needed on the machine that installs it.
 */
// The package's Algorithm is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const passwordHasher = {
  hash: (password: string): Promise<string> => hash(password, OPTIONS),
  verify: (hashed: string, password: string): Promise<boolean> => verify(hashed, password).catch(() => false),
};

/** Verified when the e-mail is unknown, so that both refusals take the same time. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$7JcQ6rQ8Q1VqkT5q5Kk0x1dA9E3cL6Yc2sR0hV8jQwE';
