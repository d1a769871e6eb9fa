import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, Tx } from '@app/core';
import { DataSource } from 'typeorm';

/** What a sign-in under way keeps between the redirect to the provider and its callback. */
export interface ProConnectAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A sign-in left at the provider for longer is refused at its callback. */
export const ATTEMPT_MINUTES = 10;

@Injectable()
export class ProConnectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertAttempt(attempt: ProConnectAttempt): Promise<void> {
    await this.dataSource.query('INSERT INTO proconnect_attempt (state, nonce, code_verifier) VALUES ($1, $2, $3)', [
      attempt.state,
      attempt.nonce,
      attempt.codeVerifier,
    ]);
  }

  /** Deletes the attempt and returns it if it was fresh: a callback can use it once only. */
  async takeAttempt(state: string): Promise<ProConnectAttempt | null> {
    const [rows]: [(ProConnectAttempt & { fresh: boolean })[], number] = await this.dataSource.query(
      `DELETE FROM proconnect_attempt WHERE state = $1
       RETURNING state, nonce, code_verifier AS "codeVerifier", created_at > now() - $2 * interval '1 minute' AS fresh`,
      [state, ATTEMPT_MINUTES],
    );
    const row = rows[0];
    return row?.fresh ? { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier } : null;
  }

  /** Keeps the ID token of a session opened through ProConnect, for the provider's logout. */
  async saveSession(session: { jti: string; userId: string; idToken: string; expiresAt: Date }): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO proconnect_session (jti, user_id, id_token, expires_at) VALUES ($1, $2, $3, $4)',
      [session.jti, session.userId, session.idToken, session.expiresAt],
    );
  }

  /** The session's ID token, forgotten as it is read (its session ends). */
  async takeIdToken(jti: string): Promise<string | null> {
    const [rows]: [{ idToken: string }[], number] = await this.dataSource.query(
      'DELETE FROM proconnect_session WHERE jti = $1 RETURNING id_token AS "idToken"',
      [jti],
    );
    return rows[0]?.idToken ?? null;
  }

  /** Abandoned attempts and the ID tokens of sessions past their expiry (worker timer). */
  async deleteExpired(): Promise<number> {
    const [, attempts]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM proconnect_attempt WHERE created_at < now() - $1 * interval '1 minute'`,
      [ATTEMPT_MINUTES],
    );
    const [, sessions]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM proconnect_session WHERE expires_at < now()',
    );
    return attempts + sessions;
  }

  async requiredRoles(tx: Tx = this.dataSource.manager): Promise<Role[]> {
    const rows: { role: Role }[] = await tx.query('SELECT role FROM proconnect_required_role ORDER BY role');
    return rows.map((row) => row.role);
  }

  async setRequiredRoles(tx: Tx, roles: Role[]): Promise<void> {
    await tx.query('DELETE FROM proconnect_required_role');
    if (roles.length > 0) {
      await tx.query('INSERT INTO proconnect_required_role (role) SELECT unnest($1::text[])', [roles]);
    }
  }
}
