import type { Actor } from '@app/core';
import { toActor, UsersService } from '@app/identity';

/** The demo referent of a department: the seeded opinions and action updates are theirs. */
export async function demoReferent(users: UsersService, department: string): Promise<Actor> {
  const user = await users.findByEmail(`referent${department}@demo.iss.local`);
  if (!user) throw new Error(`demo referent of ${department} missing`);
  return toActor(user);
}
