import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { departmentLabel } from '../format';
import { listMembers, getCallFunding, getProject, getSignInOptions, listCalls, listDepartments, ok } from './client';

/**
 * Reference lists several screens share, cached under one key each so that a mutation can
 * invalidate them (e.g. a grant changes ['calls', id, 'funding']).
 */
export function useCalls() {
  // Calls are a few a year: the first 200 are all of them for a long time.
  return useQuery({
    queryKey: ['calls'],
    queryFn: () => ok(listCalls({ query: { limit: 200 } })),
    staleTime: 60_000,
  });
}

export function useCallFunding(callId: string | undefined) {
  return useQuery({
    queryKey: ['calls', callId, 'funding'],
    queryFn: () => ok(getCallFunding({ path: { id: callId! } })),
    enabled: callId !== undefined,
  });
}

/** One project with its grant, as its pages read it (cached under ['projects', id], which changes invalidate). */
export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: ['projects', id],
    queryFn: () => ok(getProject({ path: { id: id! } })),
  });
}

/** The commission's members, for the selects that pick one (a few dozen: the first 200 are all of them). */
export function useAllMembers() {
  return useQuery({
    queryKey: ['members', 'all'],
    queryFn: () => ok(listMembers({ query: { limit: 200, offset: 0 } })),
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => ok(listDepartments()),
    staleTime: Infinity,
  });
}

/**
 * How every screen names departments: "Haute-Garonne (31)", several joined by commas. Until the
 * list has loaded (or for an unknown code) the code alone.
 */
export function useDepartmentLabels() {
  const departments = useDepartments().data?.items;
  const label = useCallback(
    (code: string) => {
      const department = departments?.find((d) => d.code === code);
      return department ? departmentLabel(department) : code;
    },
    [departments],
  );
  const list = useCallback((codes: readonly string[]) => codes.map(label).join(', '), [label]);
  return { label, list };
}

export const SIGN_IN_OPTIONS_KEY = ['sign-in-options'] as const;
export const fetchSignInOptions = () => ok(getSignInOptions());

/** How one may sign in (ProConnect or not): the server's configuration, fixed for the page's life. */
export function useSignInOptions() {
  return useQuery({ queryKey: SIGN_IN_OPTIONS_KEY, queryFn: fetchSignInOptions, staleTime: Infinity });
}
