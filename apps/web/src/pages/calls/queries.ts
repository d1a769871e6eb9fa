import { useQuery } from '@tanstack/react-query';
import { getCall, ok } from '../../api/client';

/** One call, as this reader sees it (its `can*` and allowed moves included). */
export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: ['calls', id],
    queryFn: () => ok(getCall({ path: { id: id! } })),
    enabled: id !== undefined,
  });
}
