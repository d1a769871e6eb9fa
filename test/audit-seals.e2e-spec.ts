import { verify } from 'node:crypto';
import { deleteTail, rewriteAndRehash } from './support/audit-chain';
import { api, DEMO, login, until } from './support/http';
import { Stack } from './support/stack';
import { createUser } from './support/factories';

interface Seal {
  id: number;
  lastEventId: number;
  lastHash: string;
  payload: string;
  signature: string;
  sealedBy: string | null;
}

/** Seals sign the chain's head, so that what the hash chain alone cannot show is named too. */
describe('audit seals', () => {
  let stack: Stack;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    stack = await Stack.start('audit_seals');
    [admin, auditor] = await Promise.all([login(stack, DEMO.admin), login(stack, DEMO.auditor)]);
  });
  afterAll(() => stack.stop());

  const seal = async (): Promise<Seal> => {
    const res = await api(stack, auditor).post('/api/audit-events/seals');
    expect(res.status).toBe(201);
    return res.body;
  };
  const verifyTrail = async () => (await api(stack, auditor).get('/api/audit-events/verify')).body;
  const seals = async (): Promise<Seal[]> => (await api(stack, auditor).get('/api/audit-events/seals')).body.items;

  it('is sealed by the worker when it starts (then daily), once for an unchanged chain', async () => {
    await until(seals, (items) => items.some((s) => s.sealedBy === null));
    await stack.stopWorker();
    const covered = await seal(); // the newest seal now covers the chain's end
    await stack.startWorker();
    await new Promise((r) => setTimeout(r, 2000));
    expect((await seals())[0].id).toBe(covered.id);
  });

  it('verifies an untouched trail with its seals', async () => {
    await Promise.all([createUser(stack, admin), createUser(stack, admin)]);
    const sealed = await seal();
    expect(await verifyTrail()).toMatchObject({
      ok: true,
      firstBrokenId: null,
      brokenSeals: [],
      lastSealedEventId: sealed.lastEventId,
    });
  });

  it("signs the chain's head with the published Ed25519 key", async () => {
    const key = await api(stack, auditor).get('/api/audit-events/seal-key');
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', publicKeyPem: expect.stringMatching(/BEGIN PUBLIC KEY/) });
    const sealed = await seal();
    const head = await stack.db.query('SELECT id::int, hash, action FROM audit_event ORDER BY id DESC LIMIT 1');
    // The seal covers its own request, appended first under the chain lock.
    expect(head.rows[0]).toEqual({ id: sealed.lastEventId, hash: sealed.lastHash, action: 'audit.seal' });
    expect(sealed.payload).toContain(`event=${sealed.lastEventId} hash=${sealed.lastHash}`);
    const signature = Buffer.from(sealed.signature, 'base64');
    expect(verify(null, Buffer.from(sealed.payload), key.body.publicKeyPem, signature)).toBe(true);
    expect(
      verify(null, Buffer.from(sealed.payload.replace(/event=\d+/, 'event=1')), key.body.publicKeyPem, signature),
    ).toBe(false);
  });

  it('is sealed on demand by admin and auditor only; the key is read by the trail readers', async () => {
    const delegate = await login(stack, DEMO.delegate);
    expect((await api(stack, admin).post('/api/audit-events/seals')).status).toBe(201);
    expect((await api(stack, delegate).post('/api/audit-events/seals')).status).toBe(403);
    expect((await api(stack, delegate).get('/api/audit-events/seal-key')).status).toBe(200);
    const referent = await login(stack, DEMO.referent31);
    expect((await api(stack, referent).get('/api/audit-events/seal-key')).status).toBe(403);
    expect((await api(stack, referent).get('/api/audit-events/seals')).status).toBe(403);
  });

  /** The chain's own hashes check out, yet verification fails on this seal, for this reason. */
  const expectOnlyTheSealBroken = async (
    sealed: { id: number; lastEventId: number },
    problem: string,
    says: string,
  ) => {
    const report = await verifyTrail();
    expect(report.firstBrokenId).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.brokenSeals).toContainEqual({
      sealId: sealed.id,
      eventId: sealed.lastEventId,
      problem,
      message: expect.stringContaining(says),
    });
  };

  it('names the seal and the event when rows were edited and every later hash recomputed', async () => {
    const user = await createUser(stack, admin);
    const { rows } = await stack.db.query(
      `SELECT id::int FROM audit_event WHERE action = 'user.create' AND entity_id = $1`,
      [user.id],
    );
    const sealed = await seal();
    await rewriteAndRehash(stack.ownerDb, rows[0].id, { email: 'forged@x.fr' });

    // The chain alone no longer shows it: only the seal does.
    await expectOnlyTheSealBroken(sealed, 'rewritten', `to ${sealed.lastEventId} were rewritten`);
  });

  it('names the seal whose events were cut from the end of the trail', async () => {
    await createUser(stack, admin);
    const sealed = await seal();
    await deleteTail(stack.ownerDb, sealed.lastEventId - 1);

    await expectOnlyTheSealBroken(sealed, 'missing_event', `event ${sealed.lastEventId}`);
  });
});
