import { SYSTEM_ACTOR, type Role } from '@app/core';
import type { ManagedUserDto, UsersService } from '@app/identity';

const PAGE = 200;

/** Enabled accounts holding a role, read as the system through the admin's list of accounts. */
export async function enabledUsersWithRole(users: UsersService, role: Role): Promise<ManagedUserDto[]> {
  const all: ManagedUserDto[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await users.list(SYSTEM_ACTOR, { role, limit: PAGE, offset });
    all.push(...page.items);
    if (offset + PAGE >= page.total) break;
  }
  return all.filter((u) => u.disabledAt === null);
}
