import type { Response } from 'supertest';
import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

type Schema = { $ref?: string; properties?: Record<string, Schema>; required?: string[]; enum?: string[] };
type Operation = { responses: Record<string, { content?: { 'application/json'?: { schema: Schema } } }> };

/** Status and body together, so that a failed expectation shows what the api answered. */
const answer = (res: Response) => ({ status: res.status, body: res.body as Record<string, unknown> });

describe('error codes: every refusal keeps the contract’s shape and says what it is in `code`', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let callId: string;

  beforeAll(async () => {
    stack = await Stack.start('error-codes', { worker: false });
    [officer, delegate] = await Promise.all([login(stack, DEMO.officer), login(stack, DEMO.delegate)]);
    const call = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI des codes d’erreur',
        year: 2025,
        fundingSource: 'FIR',
        envelopeCents: 10_000_000,
        opensOn: '2025-02-01',
        closesOn: '2099-12-31',
        axes: [{ code: 'A1', label: 'Axe un', envelopeCents: 6_000_000 }],
      })
      .expect(201);
    callId = call.body.id;
  });
  afterAll(() => stack?.stop());

  const newProject = async (requestedCents = 4_000_000) => {
    const res = await api(stack, officer)
      .post('/api/projects')
      .send({
        callId,
        axisCode: 'A1',
        title: `Projet ${Math.random()}`,
        holder: { name: 'Association Vivre ensemble', kind: 'association' },
        departmentCodes: ['31'],
        targetPublics: ['young_people'],
        levers: [1],
        requestedCents,
      });
    expect(answer(res)).toMatchObject({ status: 201 });
    return res.body.id as string;
  };
  const move = (token: string, id: string, to: string) =>
    api(stack, token).post(`/api/projects/${id}/transitions`).send({ to });

  it('a forbidden project move: 409 project.transition_forbidden naming where it stands and the moves allowed', async () => {
    const id = await newProject();
    const res = await move(delegate, id, 'selected');
    expect(answer(res)).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringContaining('project cannot go from draft to selected'),
        code: 'project.transition_forbidden',
        details: { from: 'draft', to: 'selected', allowedTransitions: expect.arrayContaining(['submitted']) },
      },
    });
  });

  it('a grant over the axis envelope: 409 grant.axis_envelope_exceeded with the cents that remain', async () => {
    const id = await newProject();
    for (const [token, to] of [
      [officer, 'submitted'],
      [officer, 'under_review'],
      [delegate, 'selected'],
    ])
      expect(answer(await move(token, id, to))).toMatchObject({ status: 200 });
    const res = await api(stack, delegate).post(`/api/projects/${id}/grant`).send({ amountCents: 6_000_001 });
    expect(answer(res)).toMatchObject({
      status: 409,
      body: { code: 'grant.axis_envelope_exceeded', details: { remainingCents: 6_000_000 } },
    });
  });

  it('bad input: 400 validation.invalid keeps the sentences and lists each field with the rules it broke', async () => {
    const res = await api(stack, officer)
      .post('/api/projects')
      .send({ callId, axisCode: 'A1', title: '', requestedCents: 1.5, color: 'blue' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'validation.invalid' });
    expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^property color should not/)]));
    expect(res.body.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'title', constraints: ['minLength'] },
        { field: 'requestedCents', constraints: expect.arrayContaining(['isInt']) },
        { field: 'color', constraints: ['whitelistValidation'] },
      ]),
    );
  });

  it('the guards’ and the router’s refusals carry codes too: 401, 403, 404, wrong password', async () => {
    expect((await api(stack).get('/api/projects')).body).toMatchObject({ statusCode: 401, code: 'auth.required' });
    const auditor = await login(stack, DEMO.auditor);
    expect((await move(auditor, await newProject(), 'submitted')).body).toMatchObject({
      statusCode: 403,
      code: 'access.forbidden',
    });
    const missing = await api(stack, officer).get('/api/projects/00000000-0000-4000-8000-000000000000');
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'project.not_found' });
    const wrong = await api(stack)
      .post('/api/auth/login')
      .send({ email: DEMO.officer, password: 'mauvais-mot-de-passe' });
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'E-mail ou mot de passe incorrect',
      code: 'auth.invalid_credentials',
    });
  });

  it('the OpenAPI document gives every operation’s 4XX the shared error schema, whose code lists every code', async () => {
    const doc = (await api(stack).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const error = doc.components.schemas.ErrorResponseDto;
    expect(error.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message', 'code']));
    expect(doc.components.schemas.ErrorCode.enum).toEqual(
      expect.arrayContaining(['validation.invalid', 'project.transition_forbidden', 'grant.axis_envelope_exceeded']),
    );
    const operations = Object.values(doc.paths).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThan(50);
    for (const operation of operations) {
      expect(operation.responses['4XX']?.content?.['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/ErrorResponseDto',
      });
    }
  });
});
