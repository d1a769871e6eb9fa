import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { parisDay as today } from './paris-time';

/** A change made from a body's page (seat, mandate, office): the body is read again once it succeeds. */
export function useBodyChange<T, R>(bodyId: string, change: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['bodies', bodyId] }),
  });
}

/** The first day of a mandate or an office (`startsOn`), today unless changed. */
export function StartsOnInput({ label }: { label: string }) {
  return (
    <Input label={label} nativeInputProps={{ name: 'startsOn', type: 'date', defaultValue: today(), required: true }} />
  );
}
