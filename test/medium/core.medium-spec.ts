import {
  affectedRows,
  changedAny,
  copyTextStream,
  csvText,
  csvTextSql,
  Database,
  departmentCodesOf,
  DomainError,
  eurosDecimal,
  eurosDecimalSql,
  found,
  inAnyDepartment,
  JobQueue,
  type Tx,
  WorkerMetricsStore,
} from '@app/core';
import Redis from 'ioredis';
import { Counter, Registry } from 'prom-client';
import { TEST_REDIS_URL } from '../support/env';
import { Medium, mediumModule } from './support/medium-module';

/**
 * Core's persistence shapes on the real PostgreSQL the libs use, and its job queue on real Redis:
 * what every repository and service relies on.
 */
describe('core', () => {
  let medium: Medium;
  let db: Database;

  beforeAll(async () => {
    medium = await mediumModule([], { jobs: true });
    db = medium.db;
  });

  const newContract = (tx: Tx, name: string) =>
    tx.query(
      `INSERT INTO local_health_contract (name, department_code, status) VALUES ($1, '31', 'in_preparation') RETURNING id`,
      [name],
    );

  it('counts the rows a conditional UPDATE changed, from raw SQL as from the query builder', async () => {
    const [{ id }] = await newContract(db.manager, 'CLS des versions');
    const bump = (from: number) =>
      db.manager.query(`UPDATE local_health_contract SET version = $2 + 1 WHERE id = $1 AND version = $2`, [id, from]);
    const won = await bump(1);
    const lost = await bump(1);
    expect([affectedRows(won), changedAny(won), changedAny(lost)]).toEqual([1, true, false]);

    const built = await db.manager
      .createQueryBuilder()
      .update('local_health_contract')
      .set({ version: 3 })
      .where('id = :id AND version = :v', { id, v: 2 })
      .execute();
    expect(affectedRows(built)).toBe(1);
  });

  it('rolls a transaction back whole when its work throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await newContract(tx, 'CLS jamais écrit');
        throw new Error('refused after the write');
      }),
    ).rejects.toThrow('refused after the write');
    expect(await db.manager.query(`SELECT id FROM local_health_contract WHERE name = 'CLS jamais écrit'`)).toEqual([]);
  });

  it('reads departments through the named fragments, as the project and action lists do', async () => {
    const link = { table: 'user_department', ownerColumn: 'user_id' };
    const referent = await medium.actors.departmentalReferent('34', '31');
    const [row] = await db.manager.query(
      `SELECT ${departmentCodesOf(link, 'u.id')} AS codes, ${inAnyDepartment(link, 'u.id', '$2')} AS "inScope"
       FROM app_user u WHERE u.id = $1`,
      [referent.id, ['31']],
    );
    expect(row).toEqual({ codes: ['31', '34'], inScope: true });
  });

  it('writes CSV cells in SQL exactly as csvText and eurosDecimal write them', async () => {
    const texts = [
      null,
      '',
      'plain',
      'été « x »',
      '=1+1',
      '+33',
      '-2',
      '@x',
      '\tt',
      '\rr',
      "'=a",
      "''+b",
      "'plain",
      'a;b',
      'say "hi"',
      'two\nlines',
      'cr\rin',
      '="x";y',
      ' =no',
    ];
    const cents = [0, 5, 99, 100, 123456789, -1, -1250, 9007199254740991];
    const [row] = await db.manager.query(
      `SELECT ARRAY(SELECT ${csvTextSql('t')} FROM unnest($1::text[]) WITH ORDINALITY u(t, n) ORDER BY n) AS texts,
              ARRAY(SELECT ${eurosDecimalSql('c')} FROM unnest($2::bigint[]) WITH ORDINALITY u(c, n) ORDER BY n) AS euros`,
      [texts, cents],
    );
    expect(row).toEqual({ texts: texts.map(csvText), euros: cents.map(eurosDecimal) });
  });

  it('streams the text PostgreSQL writes through COPY, framing taken out, and gives the connection back', async () => {
    const lines = await copyTextStream(
      db.manager.connection,
      `SELECT 'line ' || i || ';\\ "q"' || chr(13) || chr(10) FROM generate_series(1, 20000) i UNION ALL SELECT NULL`,
      10_000,
    );
    let text = '';
    for await (const chunk of lines) text += String(chunk);
    expect(text).toBe(Array.from({ length: 20000 }, (_, i) => `line ${i + 1};\\ "q"\r\n`).join(''));
    expect(await db.manager.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it('turns a missing row into the lib’s 404', () => {
    expect(found({ id: 'x' }, 'note.not_found')).toEqual({ id: 'x' });
    expect(() => found(null, 'note.not_found', '42')).toThrow(DomainError);
    expect(() => found(undefined, 'note.not_found', '42')).toThrow('note 42 not found');
  });

  it('puts a job on the real queue under its id, once however often it is enqueued', async () => {
    const queue = medium.get(JobQueue);
    const id = `medium-${process.pid}-${Date.now()}`;
    await queue.enqueue('report.render', { reportId: id }, id);
    await queue.enqueue('report.render', { reportId: id }, id);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      expect(await redis.exists(`bull:jobs:${id}`)).toBe(1);
      await redis.del(`bull:jobs:${id}`);
    } finally {
      redis.disconnect();
    }
  });

  it('counts the queue’s jobs by state, for the metrics', async () => {
    const queue = medium.get(JobQueue);
    const before = await queue.counts();
    expect(Object.keys(before).sort()).toEqual(['active', 'delayed', 'failed', 'waiting']);
    const id = `medium-counts-${process.pid}-${Date.now()}`;
    await queue.enqueue('report.render', { reportId: id }, id);
    expect(await queue.counts()).toEqual({ ...before, waiting: before.waiting + 1 });
  });

  it('keeps each worker’s metrics in Redis until their time to live runs out, or the worker leaves', async () => {
    const store = medium.get(WorkerMetricsStore);
    /** A worker's registry as it publishes it: one counter at `value`. */
    const snapshot = async (value: number) => {
      const registry = new Registry();
      new Counter({ name: 'jobs_total', help: 'h', registers: [registry] }).inc(value);
      return registry.getMetricsAsJSON();
    };
    await store.publish('medium-a', await snapshot(1), 60_000);
    await store.publish('medium-b', await snapshot(2), 1);
    await store.publish('medium-c', await snapshot(3), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.remove('medium-c');

    expect(await store.readAll()).toEqual([await snapshot(1)]);
    await store.remove('medium-a');
    expect(await store.readAll()).toEqual([]);
  });
});
