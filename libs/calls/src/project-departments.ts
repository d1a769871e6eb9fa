import type { DepartmentLink } from '@app/core/database/sql-fragments';

/** A project's departments. */
export const PROJECT_DEPARTMENTS: DepartmentLink = { table: 'project_department', ownerColumn: 'project_id' };
