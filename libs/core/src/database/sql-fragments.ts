/**
 * SQL fragments several repositories share, named once. Arguments are identifiers and placeholders
 * written in the repositories' own SQL, never user input.
 */

/** A department link table: which rows of `owner` belong to which departments. */
export interface DepartmentLink {
  /** e.g. `project_department` */
  table: string;
  /** its column pointing to the owner, e.g. `project_id` */
  ownerColumn: string;
}

/** The owner's department codes, sorted: `ARRAY(...)` for a select list. */
export const departmentCodesOf = (link: DepartmentLink, ownerId: string): string =>
  `ARRAY(SELECT d.department_code FROM ${link.table} d WHERE d.${link.ownerColumn} = ${ownerId} ORDER BY d.department_code)`;

/** Whether the owner belongs to one of the departments bound to `codes` (a text[] placeholder). */
export const inAnyDepartment = (link: DepartmentLink, ownerId: string, codes: string): string =>
  `EXISTS (SELECT 1 FROM ${link.table} d WHERE d.${link.ownerColumn} = ${ownerId} AND d.department_code = ANY (${codes}))`;

/** A literal for SQL that cannot take parameters (COPY): quotes doubled, within quotes. */
export const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;
