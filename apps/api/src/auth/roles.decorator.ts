import { SetMetadata } from '@nestjs/common';
import { Role } from '@app/core';

export const ROLES_KEY = 'roles';

/** Route-level role filter; object scope (department, body) is checked in the services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
