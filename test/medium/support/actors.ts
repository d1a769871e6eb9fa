import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@app/core/auth/actor';
import type { Database } from '@app/core/database/database';

export interface ActorOptions {
  displayName?: string;
  departmentCodes?: readonly string[];
}

export interface Cast {
  delegate: Actor;
  officer: Actor;
  referent31: Actor;
  referent34: Actor;
  auditor: Actor;
  admin: Actor;
  member: Actor;
}

/**
 * Signed-in people for service calls, one per role. Each is a real account (app_user, its departments,
 * a commission member's member row) so that whatever the services write with the actor's id (action
 * history, report requesters…) meets the same foreign keys as in production. They never sign in: the
 * password hash is a placeholder.
 */
export class Actors {
  constructor(private readonly db: Database) {}

  regionalDelegate(options: ActorOptions = {}): Promise<Actor> {
    return this.create(['regional_delegate'], options);
  }

  missionOfficer(options: ActorOptions = {}): Promise<Actor> {
    return this.create(['mission_officer'], options);
  }

  /** A referent acts on its own departments only: at least one. */
  departmentalReferent(departmentCode: string, ...more: string[]): Promise<Actor> {
    return this.create(['departmental_referent'], { departmentCodes: [departmentCode, ...more] });
  }

  /** A member of the commission, signed in with the account linked to their member row. */
  async commissionMember(options: ActorOptions = {}): Promise<Actor> {
    const [{ id }] = await this.db.manager.query(
      `INSERT INTO member (display_name, organization, college) VALUES ($1, 'Organisme de test', 'health_actors') RETURNING id`,
      [options.displayName ?? 'Membre de test'],
    );
    return this.create(['commission_member'], options, id);
  }

  auditor(options: ActorOptions = {}): Promise<Actor> {
    return this.create(['auditor'], options);
  }

  admin(options: ActorOptions = {}): Promise<Actor> {
    return this.create(['admin'], options);
  }

  /** One person of each role, with referents of two departments (31 and 34): the usual cast of a spec. */
  async cast(): Promise<Cast> {
    const [delegate, officer, referent31, referent34, auditor, admin, member] = await Promise.all([
      this.regionalDelegate(),
      this.missionOfficer(),
      this.departmentalReferent('31'),
      this.departmentalReferent('34'),
      this.auditor(),
      this.admin(),
      this.commissionMember(),
    ]);
    return { delegate, officer, referent31, referent34, auditor, admin, member };
  }

  /** Any combination of roles, as an admin could give them. */
  async create(roles: Role[], options: ActorOptions = {}, memberId: string | null = null): Promise<Actor> {
    const displayName = options.displayName ?? `${roles.join(' + ')} de test`;
    const departmentCodes = [...(options.departmentCodes ?? [])];
    const id = await this.db.transaction(async (tx) => {
      const [user] = await tx.query(
        `INSERT INTO app_user (email, display_name, password_hash, roles, member_id)
         VALUES ($1, $2, 'medium-test: never signs in', $3, $4) RETURNING id`,
        [`${roles[0]}-${randomUUID().slice(0, 8)}@medium.iss.local`, displayName, roles, memberId],
      );
      if (departmentCodes.length > 0) {
        await tx.query(`INSERT INTO user_department (user_id, department_code) SELECT $1, unnest($2::text[])`, [
          user.id,
          departmentCodes,
        ]);
      }
      return user.id as string;
    });
    return { id, displayName, roles, departmentCodes, memberId };
  }
}
