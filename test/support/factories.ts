import { randomUUID } from 'node:crypto';
import { Role } from '@app/core/auth/actor';
import { api } from './http';
import { Stack } from './stack';

export interface UserInput {
  email?: string;
  displayName?: string;
  password?: string;
  roles?: Role[];
  departmentCodes?: string[];
}

/** Creates a user through the API as the given admin and returns the created user with its password. */
export async function createUser(stack: Stack, adminToken: string, input: UserInput = {}) {
  const body = {
    email: input.email ?? `user-${randomUUID().slice(0, 8)}@test.iss.local`,
    displayName: input.displayName ?? 'Utilisateur de test',
    password: input.password ?? 'mot-de-passe-solide',
    roles: input.roles ?? ['mission_officer'],
    ...(input.departmentCodes ? { departmentCodes: input.departmentCodes } : {}),
  };
  const res = await api(stack, adminToken).post('/api/users').send(body);
  if (res.status !== 201) throw new Error(`createUser: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, password: body.password } as { id: string; email: string; password: string };
}

/** The id of the demo data's call of `year` (the 2021 AMI holds 16 funded projects), read as `token`. */
export async function demoCallId(stack: Stack, token: string, year = 2021): Promise<string> {
  const calls = (await api(stack, token).get('/api/calls')).body.items as { id: string; year: number }[];
  return calls.find((c) => c.year === year)!.id;
}
