import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource } from 'typeorm';
import { LoginFailureEntity, RevokedTokenEntity } from './entities/revoked-token.entity';

@Injectable()
export class TokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async revoke(tx: Tx, token: { jti: string; userId: string; expiresAt: Date }): Promise<void> {
    await tx.createQueryBuilder().insert().into(RevokedTokenEntity).values(token).orIgnore().execute();
  }

  async deleteExpiredRevocations(now: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM revoked_token WHERE expires_at < $1', [now]);
  }

  async recordFailure(email: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(LoginFailureEntity).insert({ email, at });
  }

  async countFailuresSince(email: string, since: Date): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM login_failure WHERE email = $1 AND at > $2',
      [email, since],
    );
    return rows[0].n;
  }

  async clearFailures(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failure WHERE email = $1', [email]);
  }
}
