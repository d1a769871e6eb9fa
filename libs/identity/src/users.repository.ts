import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowSetsVersion, Tx } from '@app/core';
import { DataSource } from 'typeorm';
import { UserDepartmentEntity, UserEntity } from './entities/user.entity';

/** A user as the rest of the app sees it: no hash, department codes flattened. */
export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  roles: UserEntity['roles'];
  departmentCodes: string[];
  memberId: string | null;
  disabledAt: Date | null;
  sessionsValidFrom: Date | null;
}

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  roles: UserEntity['roles'];
  departmentCodes: string[];
  memberId: string | null;
}

/** What an admin sets on an account besides its state. */
export type UserProfile = Pick<UserRow, 'displayName' | 'roles' | 'departmentCodes' | 'memberId'>;

export interface UserFilter {
  search?: string;
  role?: UserRow['roles'][number];
}

/** `text` anywhere, its LIKE wildcards taken literally. */
const likePattern = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The active referents and their departments. */
const REFERENTS_SQL = `SELECT d.department_code AS "departmentCode", u.id, u.display_name AS "displayName"
  FROM user_department d JOIN app_user u ON u.id = d.user_id
  WHERE 'departmental_referent' = ANY (u.roles) AND u.disabled_at IS NULL
  ORDER BY d.department_code, u.display_name`;

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.roles, u.member_id AS "memberId",
  u.disabled_at AS "disabledAt", u.sessions_valid_from AS "sessionsValidFrom",
  COALESCE((SELECT array_agg(d.department_code ORDER BY d.department_code) FROM user_department d
            WHERE d.user_id = u.id), '{}') AS "departmentCodes"`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, user: NewUser): Promise<string> {
    const { departmentCodes, ...columns } = user;
    const result = await tx.insert(UserEntity, columns);
    const id = result.identifiers[0].id as string;
    if (departmentCodes.length > 0) {
      await tx.insert(
        UserDepartmentEntity,
        departmentCodes.map((departmentCode) => ({ userId: id, departmentCode })),
      );
    }
    return id;
  }

  async setMember(tx: Tx, userId: string, memberId: string | null): Promise<void> {
    await tx.query('UPDATE app_user SET member_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [
      userId,
      memberId,
    ]);
  }

  /** The profile an admin edits: name, roles, departments (replaced) and linked member. */
  async setProfile(tx: Tx, userId: string, profile: UserProfile): Promise<void> {
    await tx.query(
      `UPDATE app_user SET display_name = $2, roles = $3, member_id = $4, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [userId, profile.displayName, profile.roles, profile.memberId],
    );
    await tx.delete(UserDepartmentEntity, { userId });
    if (profile.departmentCodes.length > 0) {
      await tx.insert(
        UserDepartmentEntity,
        profile.departmentCodes.map((departmentCode) => ({ userId, departmentCode })),
      );
    }
  }

  /** Accounts by name then e-mail, with the total matching `filter`. */
  async list(filter: UserFilter, limit: number, offset: number): Promise<[UserRow[], number]> {
    const where = `($1::text IS NULL OR u.display_name ILIKE $1 ESCAPE '\\' OR u.email ILIKE $1 ESCAPE '\\')
      AND ($2::text IS NULL OR $2 = ANY (u.roles))`;
    const params = [filter.search ? likePattern(filter.search) : null, filter.role ?? null];
    const [rows, [{ total }]]: [UserRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${USER_COLUMNS} FROM app_user u WHERE ${where} ORDER BY u.display_name, u.email LIMIT $3 OFFSET $4`,
        [...params, limit, offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM app_user u WHERE ${where}`, params),
    ]);
    return [rows, total];
  }

  /** Disabling also ends every session issued so far; enabling leaves them ended. */
  async setDisabled(tx: Tx, userId: string, disabled: boolean): Promise<void> {
    await tx.query(
      `UPDATE app_user SET disabled_at = CASE WHEN $2 THEN now() END,
         sessions_valid_from = CASE WHEN $2 THEN now() ELSE sessions_valid_from END,
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [userId, disabled],
    );
  }

  async findByEmail(email: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.email = $1`, [
      email,
    ]);
    return rows[0] ?? null;
  }

  async findById(id: string, tx: Tx = this.dataSource.manager): Promise<UserRow | null> {
    const rows: UserRow[] = await tx.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findCredentials(email: string): Promise<(UserRow & { passwordHash: string }) | null> {
    return this.credentialsWhere('u.email = $1', email);
  }

  async findCredentialsById(id: string): Promise<(UserRow & { passwordHash: string }) | null> {
    return this.credentialsWhere('u.id = $1', id);
  }

  /**
   * A new password ends every session issued so far (tokens issued before `sessions_valid_from`);
   * returns that instant so the caller can issue a session that starts after it.
   */
  async setPassword(tx: Tx, userId: string, passwordHash: string): Promise<Date> {
    const [rows]: [{ validFrom: Date }[], number] = await tx.query(
      `UPDATE app_user SET password_hash = $2, sessions_valid_from = now(), version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING sessions_valid_from AS "validFrom"`,
      [userId, passwordHash],
    );
    return rows[0].validFrom;
  }

  private async credentialsWhere(where: string, value: string) {
    const rows: (UserRow & { passwordHash: string })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM app_user u WHERE ${where}`,
      [value],
    );
    return rows[0] ?? null;
  }

  /**
   * The user behind a token, whether that token was revoked and when its session was last used (for
   * the idle timeout of cookie sessions), in one round trip (hot path).
   */
  async findForToken(
    id: string,
    jti: string,
  ): Promise<(UserRow & { revoked: boolean; lastSeenAt: Date | null }) | null> {
    const rows = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, EXISTS (SELECT 1 FROM revoked_token r WHERE r.jti = $2) AS revoked,
         (SELECT a.last_seen_at FROM session_activity a WHERE a.jti = $2) AS "lastSeenAt"
       FROM app_user u WHERE u.id = $1`,
      [id, jti],
    );
    return rows[0] ?? null;
  }

  /** The account a ProConnect identity's e-mail names, with the subject linked to it, if any. */
  async findForProConnect(email: string): Promise<(UserRow & { oidcSub: string | null }) | null> {
    const rows: (UserRow & { oidcSub: string | null })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, u.oidc_sub AS "oidcSub" FROM app_user u WHERE u.email = $1`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** Links a ProConnect subject to an account that has none; false when another account holds it. */
  async linkProConnect(tx: Tx, userId: string, sub: string): Promise<boolean> {
    const [, linked]: [unknown, number] = await tx.query(
      `UPDATE app_user SET oidc_sub = $2, version = version + 1, updated_at = now()
       WHERE id = $1 AND oidc_sub IS NULL AND NOT EXISTS (SELECT 1 FROM app_user o WHERE o.oidc_sub = $2)`,
      [userId, sub],
    );
    return linked === 1;
  }

  async emailExists(email: string): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).exists({ where: { email } });
  }

  /** Active referents by department code. */
  async referents(): Promise<{ departmentCode: string; id: string; displayName: string }[]> {
    return this.dataSource.query(REFERENTS_SQL);
  }

  /** Changes whenever `referents()` would return other rows: the digest of that very query, in SQL. */
  referentsVersion(): Promise<string> {
    return rowSetsVersion(this.dataSource, [`(${REFERENTS_SQL}) t`]);
  }
}
