import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change made from the grant's page (references, schedule, payment, reports): the project (which
 * carries the grant and its payments) and the follow-up are read again once it succeeds, then `onDone`
 * gets the API's answer (an editor starts again from what was saved, its new lines with their ids).
 */
export function useGrantChange<T, R>(change: (input: T) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['projects'] }),
        queryClient.invalidateQueries({ queryKey: ['grants'] }),
      ]);
      onDone?.(result);
    },
  });
}
