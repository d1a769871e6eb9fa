import { useQueries, useQuery } from '@tanstack/react-query';
import { getProject, listProjects, ok, type ProjectDetailDto } from '../../api/client';

/** The department's opinion on a project, if given (the latest). */
export function opinionOf(project: ProjectDetailDto, departmentCode: string) {
  return project.opinions.filter((o) => o.departmentCode === departmentCode).at(-1);
}

/**
 * The department's projects under review (the first 200) with, for each, whether the department's opinion
 * is given: the details are the ones the opinion page reads (same query keys), so opening one is instant.
 */
export function useOpinionsOfDepartment(departmentCode: string) {
  const list = useQuery({
    queryKey: ['projects', { departmentCode, status: 'under_review', limit: 200 }],
    queryFn: () => ok(listProjects({ query: { departmentCode, status: 'under_review', limit: 200, offset: 0 } })),
  });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((p) => ({
      queryKey: ['projects', p.id],
      queryFn: () => ok(getProject({ path: { id: p.id } })),
    })),
  });
  const loaded = details.flatMap((d) => (d.data ? [d.data] : []));
  const pending = list.isPending || details.some((d) => d.isPending);
  return {
    pending,
    awaiting: loaded.filter((p) => !opinionOf(p, departmentCode)),
    given: loaded.filter((p) => opinionOf(p, departmentCode)),
  };
}
