import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import type { AuditVerificationStatus } from '@app/vocabulary';
import { DataSource } from 'typeorm';
import { auditVerificationLifecycle } from './audit-verification-lifecycle';
import type { BrokenSeal } from './seal-check';

export interface AuditVerificationRow {
  id: string;
  requestedBy: string | null;
  status: AuditVerificationStatus;
  attempts: number;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  ok: boolean | null;
  checked: string | null;
  firstBrokenId: string | null;
  sealsChecked: number | null;
  lastSealedEventId: string | null;
  brokenSeals: BrokenSeal[] | null;
  lastEventId: string | null;
  error: string | null;
}

/** What a finished walk found. */
export interface AuditVerificationResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  sealsChecked: number;
  lastSealedEventId: number | null;
  brokenSeals: BrokenSeal[];
  lastEventId: number | null;
}

const COLUMNS = `id, requested_by AS "requestedBy", status, attempts, requested_at AS "requestedAt",
  started_at AS "startedAt", finished_at AS "finishedAt", ok, checked::text AS checked,
  first_broken_id::text AS "firstBrokenId", seals_checked AS "sealsChecked",
  last_sealed_event_id::text AS "lastSealedEventId", broken_seals AS "brokenSeals",
  last_event_id::text AS "lastEventId", error`;

/** Any fixed number: serializes requests so that two at once find the same pending run. */
const REQUEST_LOCK_KEY = 4_277_002;

const leadingTo = (to: AuditVerificationStatus) => auditVerificationLifecycle.leadingTo(to);

@Injectable()
export class AuditVerificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lockRequests(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [REQUEST_LOCK_KEY]);
  }

  /** The run queued or running, if any (the partial unique index allows one). */
  async findPending(tx: Tx): Promise<AuditVerificationRow | null> {
    const rows: AuditVerificationRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM audit_verification WHERE pending LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  async insert(tx: Tx, requestedBy: string | null): Promise<AuditVerificationRow> {
    const rows: AuditVerificationRow[] = await tx.query(
      `INSERT INTO audit_verification (requested_by) VALUES ($1) RETURNING ${COLUMNS}`,
      [requestedBy],
    );
    return rows[0];
  }

  async findById(id: string): Promise<AuditVerificationRow | null> {
    const rows: AuditVerificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_verification WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async latest(): Promise<AuditVerificationRow | null> {
    const rows: AuditVerificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_verification ORDER BY requested_at DESC, id DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  /**
   * The newest run that ended (done or failed), for the metrics: when, and what it found. One run is
   * pending at a time, so runs end in the order they were asked for: the index on requested_at serves.
   */
  async latestFinished(): Promise<Pick<AuditVerificationRow, 'status' | 'finishedAt' | 'ok'> | null> {
    const rows: Pick<AuditVerificationRow, 'status' | 'finishedAt' | 'ok'>[] = await this.dataSource.query(
      `SELECT status, finished_at AS "finishedAt", ok FROM audit_verification
        WHERE finished_at IS NOT NULL ORDER BY requested_at DESC, id DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  /**
   * Takes the run: a queued one, or a running one whose lease ran out (its worker died). Null when it
   * is finished or another worker holds it (a duplicate delivery). The returned `attempts` identifies
   * this claim; only its holder may record the result.
   */
  async claim(id: string, leaseSeconds: number): Promise<number | null> {
    const [rows]: [{ attempts: number }[], number] = await this.dataSource.query(
      `UPDATE audit_verification
       SET status = 'running', started_at = now(), attempts = attempts + 1,
           lease_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND status = ANY($2) AND (status <> 'running' OR lease_until < now())
       RETURNING attempts`,
      [id, leadingTo('running'), leaseSeconds],
    );
    return rows[0]?.attempts ?? null;
  }

  /** Ends the lease of a claim that failed, so that a retry may take the run at once. */
  async release(id: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE audit_verification SET lease_until = now() WHERE id = $1 AND attempts = $2 AND status = 'running'`,
      [id, attempts],
    );
  }

  /** Records the result, if the claim numbered `attempts` still holds the run; false otherwise. */
  async markDone(id: string, attempts: number, result: AuditVerificationResult): Promise<boolean> {
    const [, changed]: [unknown, number] = await this.dataSource.query(
      `UPDATE audit_verification
       SET status = 'done', finished_at = now(), lease_until = NULL, error = NULL, ok = $4, checked = $5,
           first_broken_id = $6, seals_checked = $7, last_sealed_event_id = $8, broken_seals = $9,
           last_event_id = $10
       WHERE id = $1 AND attempts = $2 AND status = ANY($3)`,
      [
        id,
        attempts,
        leadingTo('done'),
        result.ok,
        result.checked,
        result.firstBrokenId,
        result.sealsChecked,
        result.lastSealedEventId,
        JSON.stringify(result.brokenSeals),
        result.lastEventId,
      ],
    );
    return changed > 0;
  }

  async markFailed(id: string, error: string): Promise<boolean> {
    const [, changed]: [unknown, number] = await this.dataSource.query(
      `UPDATE audit_verification SET status = 'failed', finished_at = now(), lease_until = NULL, error = $3
       WHERE id = $1 AND status = ANY($2)`,
      [id, leadingTo('failed'), error],
    );
    return changed > 0;
  }

  /** Runs a worker should be busy with but may have lost: queued for a while, or running past their lease. */
  async findAbandoned(queuedBefore: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM audit_verification
       WHERE (status = 'queued' AND requested_at < $1) OR (status = 'running' AND lease_until < now())
       ORDER BY requested_at LIMIT $2`,
      [queuedBefore, limit],
    );
    return rows.map((r) => r.id);
  }
}
