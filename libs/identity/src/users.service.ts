import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DomainError, found } from '@app/core';
import { TerritoryService } from '@app/territory';
import {
  CreateUserDto,
  ManagedUserDto,
  ManagedUserPageDto,
  UpdateUserDto,
  UserDto,
  UserQueryDto,
} from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import { UserProfile, UserRow, UsersRepository } from './users.repository';
import { IdentityErrorCode } from './identity.errors';
import { identityPolicy } from './identity.policy';

export interface Referent {
  id: string;
  displayName: string;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly territory: TerritoryService,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    identityPolicy.assert(actor, 'manageUsers');
    const departmentCodes = dto.departmentCodes ?? [];
    await this.assertProfile({ roles: dto.roles, departmentCodes });
    if (await this.users.emailExists(dto.email)) {
      throw DomainError.conflict(IdentityErrorCode.UserEmailTaken, `A user with e-mail ${dto.email} already exists`);
    }
    const passwordHash = await this.hasher.hash(dto.password);
    return this.audit.write(actor, async (tx) => {
      const id = await this.users.insert(tx, {
        email: dto.email,
        displayName: dto.displayName,
        passwordHash,
        roles: dto.roles,
        departmentCodes,
        memberId: dto.memberId ?? null,
      });
      const created = toUserDto((await this.users.findById(id, tx))!);
      return { result: created, audit: { action: 'user.create', entityType: 'user', entityId: id, after: created } };
    });
  }

  /**
   * For seeds: creates the account unless its e-mail is taken; returns null when it already existed.
   * The password policy is the DTO's (HTTP and the CLI validate it): demo and test seeds bypass it on
   * purpose, with DEMO_PASSWORD, and never run in production.
   */
  async createIfAbsent(actor: Actor, dto: CreateUserDto): Promise<UserDto | null> {
    if (await this.users.emailExists(dto.email)) return null;
    return this.create(actor, dto);
  }

  /** Links an account to its commission member record (what a commission member may read follows from it). */
  async linkMember(actor: Actor, email: string, memberId: string): Promise<UserDto> {
    identityPolicy.assert(actor, 'manageUsers');
    const before = found(await this.users.findByEmail(email), IdentityErrorCode.UserNotFound, email);
    return this.audit.write(actor, async (tx) => {
      await this.users.setMember(tx, before.id, memberId);
      const after = toUserDto((await this.users.findById(before.id, tx))!);
      return {
        result: after,
        audit: {
          action: 'user.link_member',
          entityType: 'user',
          entityId: before.id,
          before: toUserDto(before),
          after,
        },
      };
    });
  }

  /** The accounts (admin), by name, searched by name or e-mail and filtered by role. */
  async list(actor: Actor, query: UserQueryDto): Promise<ManagedUserPageDto> {
    identityPolicy.assert(actor, 'manageUsers');
    const [rows, total] = await this.users.list({ search: query.search, role: query.role }, query.limit, query.offset);
    return { items: rows.map(toManagedUserDto), total };
  }

  async getManaged(actor: Actor, id: string): Promise<ManagedUserDto> {
    identityPolicy.assert(actor, 'manageUsers');
    return toManagedUserDto(found(await this.users.findById(id), IdentityErrorCode.UserNotFound, id));
  }

  /**
   * Edits an account (admin): only the fields sent change. The token check reads the account on every
   * request, so new roles apply and a disabled account's sessions end from the next request. A member
   * that does not exist is refused by the database's foreign key (400 `core.reference_unknown`): the
   * members belong to governance, a layer above this one.
   */
  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<ManagedUserDto> {
    identityPolicy.assert(actor, 'manageUsers');
    assertNoLockOut(actor, id, dto);
    const before = found(await this.users.findById(id), IdentityErrorCode.UserNotFound, id);
    const profile = profileAfter(before, dto);
    await this.assertProfile(profile);
    const editing = !sameProfile(before, profile);
    const disabled = dto.disabled ?? Boolean(before.disabledAt);
    const switching = disabled !== Boolean(before.disabledAt);
    if (!editing && !switching) return toManagedUserDto(before);
    return this.audit.write(actor, async (tx) => {
      if (editing) await this.users.setProfile(tx, id, profile);
      if (switching) await this.users.setDisabled(tx, id, disabled);
      const after = toManagedUserDto((await this.users.findById(id, tx))!);
      return {
        result: after,
        audit: {
          action: editing ? 'user.update' : disabled ? 'user.disable' : 'user.enable',
          entityType: 'user',
          entityId: id,
          before: toManagedUserDto(before),
          after,
        },
      };
    });
  }

  /** A referent acts on its departments: it needs one at least, and each must be of the region. */
  private async assertProfile(profile: Pick<UserProfile, 'roles' | 'departmentCodes'>): Promise<void> {
    if (profile.roles.includes('departmental_referent') && profile.departmentCodes.length === 0) {
      throw DomainError.invalid(
        IdentityErrorCode.UserReferentWithoutDepartment,
        'departmentCodes: a departmental referent needs at least one department',
      );
    }
    await this.territory.assertDepartmentsExist('departmentCodes', profile.departmentCodes);
  }

  async findByEmail(email: string): Promise<UserDto | null> {
    const row = await this.users.findByEmail(email);
    return row ? toUserDto(row) : null;
  }

  async get(id: string): Promise<UserDto> {
    const row = found(await this.users.findById(id), IdentityErrorCode.UserNotFound, id);
    return toUserDto(row);
  }

  /** Active referents for each department code (a department without one is absent). */
  /** A data version of `referentsByDepartment()`, computed in SQL. */
  referentsVersion(): Promise<string> {
    return this.users.referentsVersion();
  }

  async referentsByDepartment(): Promise<Map<string, Referent[]>> {
    const byDepartment = new Map<string, Referent[]>();
    for (const r of await this.users.referents()) {
      const list = byDepartment.get(r.departmentCode) ?? [];
      list.push({ id: r.id, displayName: r.displayName });
      byDepartment.set(r.departmentCode, list);
    }
    return byDepartment;
  }
}

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles,
    departmentCodes: row.departmentCodes,
    memberId: row.memberId,
  };
}

export function toManagedUserDto(row: UserRow): ManagedUserDto {
  return { ...toUserDto(row), disabledAt: row.disabledAt ? new Date(row.disabledAt).toISOString() : null };
}

/**
 * An admin cannot disable its own account nor take away its own admin role: it would lock itself out
 * of account administration, perhaps leaving no admin to undo it.
 */
function assertNoLockOut(actor: Actor, id: string, dto: UpdateUserDto): void {
  if (id !== actor.id) return;
  if (dto.disabled)
    throw DomainError.conflict(IdentityErrorCode.UserDisableSelf, 'You cannot disable your own account');
  if (dto.roles && !dto.roles.includes('admin'))
    throw DomainError.conflict(IdentityErrorCode.UserDemoteSelf, 'You cannot remove your own admin role');
}

function profileAfter(before: UserRow, dto: UpdateUserDto): UserProfile {
  return {
    displayName: dto.displayName ?? before.displayName,
    roles: dto.roles ?? before.roles,
    departmentCodes: dto.departmentCodes ? [...dto.departmentCodes].sort() : before.departmentCodes,
    memberId: dto.memberId === undefined ? before.memberId : dto.memberId,
  };
}

function sameProfile(before: UserRow, after: UserProfile): boolean {
  return (
    before.displayName === after.displayName &&
    before.memberId === after.memberId &&
    before.roles.join() === after.roles.join() &&
    before.departmentCodes.join() === after.departmentCodes.join()
  );
}
