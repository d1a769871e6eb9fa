import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change made from the grant's page (references, schedule, payment, reports): the project (which
 * carries the grant and its payments) and the follow-up are read again once it succeeds.
 */
export function useGrantChange<T, R>(change: (input: T) => Promise<R>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['projects'] }),
        queryClient.invalidateQueries({ queryKey: ['grants'] }),
      ]);
      onDone?.();
    },
  });
}
