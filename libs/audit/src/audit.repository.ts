import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { AppConfig, cursorStream, Tx } from '@app/core';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { HashedContent } from './audit-hash';
import { AuditEventEntity } from './entities/audit-event.entity';

/** Events per cursor fetch of the chain's verification: about a megabyte, few round trips. */
const CHAIN_BATCH_ROWS = 2_000;

/** An event as the chain's verification reads it: what its hash covers, the time as ISO text. */
export interface ChainRow extends Omit<HashedContent, 'at'> {
  id: string;
  at: string;
  hash: string;
}

/** Any fixed number: the advisory lock that serializes appends so the hash chain never forks. */
const CHAIN_LOCK_KEY = 4_277_001;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** Text of the object's title or name, as its events recorded it. */
  q?: string;
  /** Part of the actor's name or e-mail. */
  actor?: string;
  action?: string;
  /** Days, inclusive, in Paris time. */
  from?: string;
  to?: string;
}

/** An event with its actor's name and roles. */
export interface AuditEventRow extends AuditEventEntity {
  actorName: string | null;
  actorRoles: string[] | null;
}

const COLUMNS = `e.id, e.at, e.actor_id AS "actorId", e.action, e.entity_type AS "entityType", e.entity_id AS "entityId",
  e.before, e.after, e.request_id AS "requestId", e.prev_hash AS "prevHash", e.hash,
  u.display_name AS "actorName", u.roles AS "actorRoles"`;

/**
 * The events of the objects whose title or name matches, and of what hangs from them (a project's
 * grants, their payments). The title is read from the events themselves: the audit lib sits below the
 * domains and cannot read their tables. A scan of the trail's JSON, fine at a region's volume (a few
 * hundred thousand events); the links use the projectId/grantId expression indexes.
 */
const MATCHING_OBJECTS = `e.entity_id IN (SELECT o.id FROM matched_objects o)
  OR e.after->>'projectId' IN (SELECT o.id FROM matched_objects o)
  OR e.after->>'grantId' IN (SELECT o.id FROM matched_objects o)`;

const likePattern = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SQL of the filters, with its parameters. */
function whereOf(filter: AuditFilter): { cte: string; where: string[]; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (value: unknown) => `$${params.push(value)}`;
  let cte = '';
  if (filter.entityType !== undefined) where.push(`e.entity_type = ${add(filter.entityType)}`);
  if (filter.entityId !== undefined) where.push(`e.entity_id = ${add(filter.entityId)}`);
  if (filter.action !== undefined) where.push(`e.action = ${add(filter.action)}`);
  if (filter.from !== undefined)
    where.push(`e.at >= (${add(filter.from)}::date)::timestamp AT TIME ZONE 'Europe/Paris'`);
  if (filter.to !== undefined)
    where.push(`e.at < (${add(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'`);
  if (filter.actor?.trim()) {
    const p = add(likePattern(filter.actor));
    where.push(`(u.display_name ILIKE ${p} OR u.email ILIKE ${p})`);
  }
  if (filter.q?.trim()) {
    const p = add(likePattern(filter.q));
    cte = `WITH titled AS (
        SELECT DISTINCT t.entity_id AS id FROM audit_event t
         WHERE t.after->>'title' ILIKE ${p} OR t.before->>'title' ILIKE ${p}
            OR t.after->>'name' ILIKE ${p} OR t.after->>'displayName' ILIKE ${p}
      ), hanging AS (
        SELECT DISTINCT h.entity_id AS id FROM audit_event h
         WHERE h.after->>'projectId' IN (SELECT id FROM titled)
      ), matched_objects AS (SELECT id FROM titled UNION SELECT id FROM hanging)`;
    where.push(`(${MATCHING_OBJECTS})`);
  }
  return { cte, where, params };
}

@Injectable()
export class AuditRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Takes the chain lock for the rest of the transaction and returns the hash to chain onto. */
  async lockChainHead(tx: Tx): Promise<string | null> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const rows: { hash: string }[] = await tx.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    return rows[0]?.hash ?? null;
  }

  async insert(tx: Tx, event: Omit<AuditEventEntity, 'id'>): Promise<void> {
    await tx.insert(AuditEventEntity, event as QueryDeepPartialEntity<AuditEventEntity>);
  }

  /**
   * A page of the filtered trail, newest first, with each actor's name and roles. The join on app_user
   * is a read of identity's table from below it, kept to the display name and roles: the audit lib may
   * not import identity (it sits under it), and enriching each page through IdentityService upstream
   * could not filter by name nor stream the CSV export.
   */
  async list(filter: AuditFilter, limit: number, offset: number): Promise<[AuditEventRow[], number]> {
    const { cte, where, params } = whereOf(filter);
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // The whole trail's length is kept by triggers (audit_event_tally); a filtered count joins the
    // actors only when it filters on them, and otherwise counts through the filter's index.
    const counted = !filtered
      ? 'SELECT events AS total FROM audit_event_tally'
      : `${cte} SELECT count(*) AS total FROM audit_event e
         ${filter.actor?.trim() ? 'LEFT JOIN app_user u ON u.id = e.actor_id' : ''} ${filtered}`;
    const [rows, count]: [AuditEventRow[], { total: string }[]] = await Promise.all([
      this.dataSource.query(
        `${cte} SELECT ${COLUMNS} FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id ${filtered}
         ORDER BY e.id DESC LIMIT ${limit} OFFSET ${offset}`,
        params,
      ),
      this.dataSource.query(counted, filtered ? params : []),
    ]);
    return [rows, Number(count[0].total)];
  }

  /** The filtered trail, newest first, a batch of events older than `beforeId` at a time (keyset). */
  async batchBefore(filter: AuditFilter, beforeId: string | null, size: number): Promise<AuditEventRow[]> {
    const { cte, where, params } = whereOf(filter);
    if (beforeId !== null) where.push(`e.id < $${params.push(beforeId)}`);
    return this.dataSource.query(
      `${cte} SELECT ${COLUMNS} FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC LIMIT ${size}`,
      params,
    );
  }

  /** Whether this connection's role could change past events (false before the table exists). */
  async connectionMayRewrite(): Promise<boolean> {
    const rows: { may: boolean | null }[] = await this.dataSource.query(
      `SELECT has_table_privilege(t, 'UPDATE') OR has_table_privilege(t, 'DELETE') OR has_table_privilege(t, 'TRUNCATE') AS may
         FROM (SELECT to_regclass('audit_event') AS t) AS audit`,
    );
    return rows[0]?.may === true;
  }

  /**
   * The whole chain in order, streamed from one cursor in large batches (flat memory, few round trips),
   * as plain rows of what the hash covers: no entity, and the time already as the ISO text hashed.
   */
  streamChain(): Promise<Readable> {
    return cursorStream(
      this.dataSource,
      `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id AS "actorId",
              action, entity_type AS "entityType", entity_id AS "entityId", before, after,
              request_id AS "requestId", prev_hash AS "prevHash", hash
       FROM audit_event ORDER BY id`,
      [],
      { batchSize: CHAIN_BATCH_ROWS, timeoutMs: this.config.get('EXPORT_TIMEOUT_MS') },
    );
  }
}
