import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource } from 'typeorm';
import { RevokedTokenEntity } from './entities/revoked-token.entity';

@Injectable()
export class TokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async revoke(tx: Tx, token: { jti: string; userId: string; expiresAt: Date }): Promise<void> {
    await tx.createQueryBuilder().insert().into(RevokedTokenEntity).values(token).orIgnore().execute();
  }

  /**
   * Records a cookie session's use, unless it was recorded less than `throttleSeconds` ago: the
   * idle timeout needs the last use to the minute, not a write on every request.
   */
  async touchSession(session: { jti: string; expiresAt: Date }, throttleSeconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO session_activity (jti, last_seen_at, expires_at) VALUES ($1, now(), $2)
       ON CONFLICT (jti) DO UPDATE SET last_seen_at = now()
       WHERE session_activity.last_seen_at < now() - $3 * interval '1 second'`,
      [session.jti, session.expiresAt, throttleSeconds],
    );
  }

  /** Revocations and session activity of tokens past their expiry: such a token is refused anyway. */
  async deleteExpired(): Promise<{ revocations: number; sessions: number }> {
    const [, revocations]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM revoked_token WHERE expires_at < now()',
    );
    const [, sessions]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM session_activity WHERE expires_at < now()',
    );
    return { revocations, sessions };
  }
}
