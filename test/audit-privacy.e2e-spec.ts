import { createHash } from 'node:crypto';
import { appendRawEvent } from './support/audit-chain';
import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The audit trail keeps its integrity without telling a reader what it may not read elsewhere. */
describe('audit trail privacy', () => {
  let stack: Stack;
  let officer: string;
  let auditor: string;
  let delegate: string;
  let projectId: string;

  beforeAll(async () => {
    stack = await Stack.start('audit_privacy', { worker: false });
    [officer, auditor, delegate] = await Promise.all([
      login(stack, DEMO.officer),
      login(stack, DEMO.auditor),
      login(stack, DEMO.delegate),
    ]);
    projectId = (await api(stack, officer).get('/api/projects?limit=1')).body.items[0].id;
  });
  afterAll(() => stack.stop());

  const trailOf = async (token: string, entityType: string, entityId: string) => {
    const res = await api(stack, token).get(`/api/audit-events?entityType=${entityType}&entityId=${entityId}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it("never shows a reviewer's private note to the auditor, and the chain still verifies", async () => {
    const text = 'Note privée : porteur en difficulté financière';
    expect((await api(stack, officer).post(`/api/projects/${projectId}/notes`).send({ text })).status).toBe(201);
    expect((await api(stack, auditor).get(`/api/projects/${projectId}/notes`)).status).toBe(403);

    const trail = await trailOf(auditor, 'project', projectId);
    expect(JSON.stringify(trail)).not.toContain('porteur en difficulté');
    const noted = trail.items.find((e: { action: string }) => e.action === 'project.note');
    expect(noted.after).toMatchObject({ textSha256: sha256(text) });
    expect(noted.after).not.toHaveProperty('text');

    const stored = await stack.db.query(`SELECT after::text FROM audit_event WHERE action = 'project.note'`);
    expect(stored.rows.map((r) => r.after).join()).not.toContain('porteur en difficulté');
    expect((await api(stack, auditor).get('/api/audit-events/verify')).body).toMatchObject({ ok: true });
  });

  it('redacts a note text stored before the rule on read, without touching the chain', async () => {
    const text = 'Ancienne note en clair';
    const id = await appendRawEvent(stack.db, {
      actorId: null,
      action: 'project.note',
      entityType: 'project',
      entityId: projectId,
      before: null,
      after: { id: 'legacy', projectId, text },
      requestId: null,
    });
    for (const reader of [auditor, delegate]) {
      const legacy = (await trailOf(reader, 'project', projectId)).items.find((e: { id: number }) => e.id === id);
      expect(legacy.after).toEqual({ id: 'legacy', projectId, textSha256: sha256(text) });
    }
    expect((await api(stack, auditor).get('/api/audit-events/verify')).body).toMatchObject({ ok: true });
  });

  it("shows a member's e-mail to the team in the trail, its digest only to the auditor", async () => {
    const email = 'contact.prive@asso.example';
    const member = await api(stack, officer)
      .post('/api/members')
      .send({ displayName: 'Membre test', email, college: 'users', organization: 'Association test' });
    expect(member.status).toBe(201);

    const forAuditor = await trailOf(auditor, 'member', member.body.id);
    expect(JSON.stringify(forAuditor)).not.toContain(email);
    expect(forAuditor.items[0].after).toMatchObject({ emailSha256: sha256(email) });
    expect((await trailOf(delegate, 'member', member.body.id)).items[0].after).toMatchObject({ email });
  });
});
