import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource } from 'typeorm';

/** The defaults of someone who never chose: the digest is on. */
export const DEFAULT_PREFERENCES = { weeklyDigest: true } as const;

@Injectable()
export class MailPreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userId: string, tx: Tx = this.dataSource.manager): Promise<{ weeklyDigest: boolean }> {
    const rows: { weeklyDigest: boolean }[] = await tx.query(
      `SELECT weekly_digest AS "weeklyDigest" FROM mail_preference WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? { ...DEFAULT_PREFERENCES };
  }

  async save(tx: Tx, userId: string, weeklyDigest: boolean): Promise<void> {
    await tx.query(
      `INSERT INTO mail_preference (user_id, weekly_digest) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET weekly_digest = EXCLUDED.weekly_digest, updated_at = now()`,
      [userId, weeklyDigest],
    );
  }
}
