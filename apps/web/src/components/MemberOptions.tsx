import type { MemberDto } from '../api/client';

/** The commission's members as the `<option>`s of a select: name and organisation. */
export function MemberOptions({ members }: { members: readonly MemberDto[] }) {
  return (
    <>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.displayName} — {m.organization}
        </option>
      ))}
    </>
  );
}
