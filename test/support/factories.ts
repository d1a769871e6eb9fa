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

/**
 * A project of `callId` (axis `A`, department 31) taken to `selected` and granted `amountCents` by the
 * delegate: the grant as created (id, version).
 */
export async function grantedProject(
  stack: Stack,
  tokens: { officer: string; delegate: string },
  callId: string,
  amountCents: number,
): Promise<{ id: string; version: number; projectId: string }> {
  const project = await api(stack, tokens.officer)
    .post('/api/projects')
    .send({
      callId,
      axisCode: 'A',
      title: 'Projet',
      holder: { name: 'Asso', kind: 'association' },
      departmentCodes: ['31'],
      targetPublics: [],
      levers: [1],
      requestedCents: amountCents,
    });
  for (const [token, to] of [
    [tokens.officer, 'submitted'],
    [tokens.officer, 'under_review'],
    [tokens.delegate, 'selected'],
  ] as const) {
    const moved = await api(stack, token).post(`/api/projects/${project.body.id}/transitions`).send({ to });
    if (moved.status !== 200) throw new Error(`grantedProject: ${to} ${moved.status}`);
  }
  const grant = await api(stack, tokens.delegate).post(`/api/projects/${project.body.id}/grant`).send({ amountCents });
  if (grant.status !== 201) throw new Error(`grantedProject: grant ${grant.status} ${JSON.stringify(grant.body)}`);
  return grant.body;
}
