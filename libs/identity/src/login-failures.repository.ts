import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Keys of the advisory locks taken per e-mail and per address (two-int form: namespace, hash). */
const EMAIL_LOCK = 1_100_001;
const ADDRESS_LOCK = 1_100_002;

export interface AttemptLimits {
  perEmail: number;
  perAddress: number;
  windowMinutes: number;
}

/** A sign-in attempt counted in advance, or the limit that refused it. */
export type Reservation = { id: string } | { refused: 'email' | 'address' };

@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts the attempt as a failure before the password is checked, under a lock per e-mail and per
   * address, so that parallel attempts (across api processes too) cannot all pass the count before any
   * is recorded. The e-mail's lock is always taken first: no two attempts wait on each other in a cycle.
   */
  async reserve(email: string, address: string, limits: AttemptLimits): Promise<Reservation> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [EMAIL_LOCK, email]);
      await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [ADDRESS_LOCK, address]);
      const [counts]: { email: number; address: number }[] = await tx.query(
        `SELECT (SELECT count(*) FROM login_failure WHERE email = $1 AND at > now() - $3 * interval '1 minute')::int AS email,
                (SELECT count(*) FROM login_failure WHERE address = $2 AND at > now() - $3 * interval '1 minute')::int AS address`,
        [email, address, limits.windowMinutes],
      );
      if (counts.email >= limits.perEmail) return { refused: 'email' as const };
      if (counts.address >= limits.perAddress) return { refused: 'address' as const };
      const [row]: { id: string }[] = await tx.query(
        'INSERT INTO login_failure (email, address, at) VALUES ($1, $2, now()) RETURNING id',
        [email, address],
      );
      return { id: row.id };
    });
  }

  /** An attempt that was not judged (no hashing slot): it does not count. */
  async release(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failure WHERE id = $1', [id]);
  }

  /** A successful sign-in starts the e-mail's count again. */
  async clear(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failure WHERE email = $1', [email]);
  }

  /** Failures older than the window count for nothing any more. */
  async deleteOlderThan(minutes: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM login_failure WHERE at < now() - $1 * interval '1 minute'`,
      [minutes],
    );
    return count;
  }
}
