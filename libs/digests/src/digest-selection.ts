import type { DepartmentDigest } from '@app/mail';

/** An action as the roadmap gives it to the referent (`overdue` and `stale`: libs/roadmap/src/action-attention.ts). */
export interface DigestAction {
  title: string;
  endsOn: string | null;
  departmentCodes: string[];
  overdue: boolean;
  stale: boolean;
}

/** A project as the calls give it to the referent, with the latest opinion of each of its departments. */
export interface DigestProject {
  title: string;
  holder: { name: string };
  status: string;
  opinionsByDepartment: { departmentCode: string; opinion: string | null }[];
}

/**
 * What one department's digest says: its overdue actions, then its stale ones (an action both overdue
 * and stale is said once, as overdue), and the projects under review still waiting for its opinion.
 * Anything of another department is left out, whatever the lists hold.
 */
export function departmentDigest(
  department: { code: string; label: string },
  actions: readonly DigestAction[],
  projects: readonly DigestProject[],
): DepartmentDigest {
  const own = actions.filter((a) => a.departmentCodes.includes(department.code));
  return {
    department: department.label,
    overdueActions: own.filter((a) => a.overdue).map((a) => `${a.title} (échéance ${a.endsOn})`),
    staleActions: own.filter((a) => a.stale && !a.overdue).map((a) => a.title),
    opinionsOwed: projects
      .filter(
        (p) =>
          p.status === 'under_review' &&
          p.opinionsByDepartment.some((o) => o.departmentCode === department.code && o.opinion === null),
      )
      .map((p) => `${p.title} — ${p.holder.name}`),
  };
}

/** A digest with nothing in it is not sent. */
export function isEmpty(d: DepartmentDigest): boolean {
  return d.overdueActions.length + d.staleActions.length + d.opinionsOwed.length === 0;
}
