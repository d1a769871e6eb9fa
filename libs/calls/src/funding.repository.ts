import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { AppConfig, changedAny, copyTextStream, cursorStream, departmentCodesOf, rowSetsVersion, Tx } from '@app/core';
import { FUNDING_ROW_SETS } from './funding-version';
import { DataSource } from 'typeorm';
import { GrantEntity } from './entities/grant.entity';
import { PaymentEntity } from './entities/payment.entity';
import type { ParticipationLevel } from '@app/vocabulary';
import type { PaymentKind, ProjectStatus } from './calls.constants';
import { csvLinesSql } from './funding-csv-sql';
import { PROJECT_DEPARTMENTS } from './project-departments';

export interface GrantFundingRow {
  grantId: string;
  axisCode: string;
  amountCents: string;
  paidCents: string;
  departments: { code: string; shareBp: number | null }[];
}

/** A project with a grant: what equity's reach figures group (CallsService.grantedProjectsUnchecked). */
export interface GrantedProjectRow {
  projectId: string;
  targetPublics: string[];
  participation: ParticipationLevel;
  committedCents: string;
}

/** A funded project with what it was granted and paid. */
export interface FundingProjectLine {
  projectId: string;
  title: string;
  holder: string;
  axisCode: string;
  departmentCodes: string;
  status: ProjectStatus;
  grantedCents: number;
  paidCents: number;
}

/** What a versioned update of a grant may set. */
export type GrantChange = Partial<
  Pick<
    GrantEntity,
    'amountCents' | 'cancelReason' | 'legalCommitmentNumber' | 'conventionNumber' | 'agreementSignedOn'
  > & { status: 'cancelled' }
>;

/** A planned tranche with what the payments naming it add up to. */
export interface TranchePaidRow {
  amountCents: string;
  paidCents: string;
}

export interface AgreementToSignRow {
  grantId: string;
  projectId: string;
  projectTitle: string;
  holderName: string;
  amountCents: string;
  grantedAt: Date;
}

/** What a grant commits: its amount, or what it paid once cancelled. */
const COMMITTED = `(CASE WHEN g.status = 'active' THEN g.amount_cents
  ELSE (SELECT COALESCE(sum(p.amount_cents), 0) FROM payment p WHERE p.grant_id = g.id) END)`;

/** One export line: a payment, or what a grant still has to pay. */
export interface FundingExportRow {
  callYear: number;
  callTitle: string;
  axisCode: string;
  projectId: string;
  projectTitle: string;
  holderName: string;
  departmentCodes: string;
  grantId: string;
  legalCommitmentNumber: string | null;
  rowType: 'payment' | 'unpaid_balance';
  paymentId: string | null;
  paymentKind: PaymentKind | null;
  paidOn: string | null;
  amountCents: string;
}

/** A payment as the funding report prints it: a ledger row of type `payment`, its columns the report's. */
export type FundingReportPayment = Pick<
  FundingExportRow,
  'projectTitle' | 'paymentKind' | 'paidOn' | 'amountCents' | 'paymentId'
>;

/**
 * One line per payment and per unpaid grant balance, grant after grant. The per-grant part (departments,
 * amount paid) is computed once per grant and ordered there (OFFSET 0 keeps it a subquery), so that
 * PostgreSQL only sorts each grant's own lines (incremental sort) instead of the whole ledger on disk.
 */
const EXPORT_SQL = `
  SELECT g."callYear", g."callTitle", g."axisCode", g."projectId", g."projectTitle", g."holderName",
         g."departmentCodes", g."grantId", g."legalCommitmentNumber", x."rowType", x."paymentId", x."paymentKind",
         x."paidOn", x."amountCents"
  FROM (
    SELECT c.year AS "callYear", c.title AS "callTitle", g.axis_code AS "axisCode", pr.id AS "projectId",
           pr.title AS "projectTitle", pr.holder_name AS "holderName",
           array_to_string(${departmentCodesOf(PROJECT_DEPARTMENTS, 'pr.id')}, ',') AS "departmentCodes",
           g.id AS "grantId", g.legal_commitment_number AS "legalCommitmentNumber", g.status, g.amount_cents,
           COALESCE((SELECT sum(p.amount_cents) FROM payment p WHERE p.grant_id = g.id), 0) AS paid
    FROM "grant" g
    JOIN call c ON c.id = g.call_id
    JOIN project pr ON pr.id = g.project_id
    WHERE g.call_id = $1
    ORDER BY g.axis_code, pr.title, g.id
    OFFSET 0
  ) g
  JOIN LATERAL (
    SELECT 'payment' AS "rowType", p.id::text AS "paymentId", p.kind AS "paymentKind",
           to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn", p.amount_cents::text AS "amountCents", p.paid_on AS sort_on
    FROM payment p WHERE p.grant_id = g."grantId"
    UNION ALL
    -- a cancelled grant keeps its payments but owes nothing more
    SELECT 'unpaid_balance', NULL, NULL, NULL, (g.amount_cents - g.paid)::text, NULL
    WHERE g.status = 'active' AND g.amount_cents > g.paid
  ) x ON true
  ORDER BY g."axisCode", g."projectTitle", g."grantId", x.sort_on NULLS LAST, x."paymentId"`;

/** Rows per cursor fetch of the workbook export: about half a megabyte, and few round trips. */
const EXPORT_BATCH_ROWS = 2000;

@Injectable()
export class FundingRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async insertGrant(tx: Tx, grant: Omit<GrantEntity, 'id' | 'version' | 'createdAt'>): Promise<GrantEntity> {
    const { identifiers } = await tx.insert(GrantEntity, grant);
    return tx.findOneByOrFail(GrantEntity, { id: identifiers[0].id as string });
  }

  findGrant(id: string, tx: Tx = this.dataSource.manager): Promise<GrantEntity | null> {
    return tx.findOneBy(GrantEntity, { id });
  }

  grantOfProject(projectId: string, tx: Tx = this.dataSource.manager): Promise<GrantEntity | null> {
    return tx.findOneBy(GrantEntity, { projectId });
  }

  /** Locks the grant: its payments are recorded one at a time, so they never pass it. */
  lockGrant(tx: Tx, id: string): Promise<GrantEntity | null> {
    return tx
      .getRepository(GrantEntity)
      .createQueryBuilder('g')
      .setLock('pessimistic_write')
      .where('g.id = :id', { id })
      .getOne();
  }

  /** Sum committed on a call, or on one of its axes. */
  async committed(tx: Tx, callId: string, axisCode?: string): Promise<number> {
    const rows: { sum: string }[] = await tx.query(
      `SELECT COALESCE(sum(${COMMITTED}), 0)::text AS sum
       FROM "grant" g WHERE g.call_id = $1 AND ($2::text IS NULL OR g.axis_code = $2)`,
      [callId, axisCode ?? null],
    );
    return Number(rows[0].sum);
  }

  /** What is committed on each axis of the call (axes without grants are absent), in one statement. */
  async committedByAxis(callId: string, tx: Tx = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { axisCode: string; sum: string }[] = await tx.query(
      `SELECT g.axis_code AS "axisCode", sum(${COMMITTED})::text AS sum FROM "grant" g WHERE g.call_id = $1 GROUP BY g.axis_code`,
      [callId],
    );
    return new Map(rows.map((r) => [r.axisCode, Number(r.sum)]));
  }

  async changeGrant(tx: Tx, id: string, version: number, change: GrantChange): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(GrantEntity)
      .set({ ...change, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return changedAny(result);
  }

  async paid(tx: Tx, grantId: string): Promise<number> {
    const rows: { sum: string }[] = await tx.query(
      'SELECT COALESCE(sum(amount_cents), 0)::text AS sum FROM payment WHERE grant_id = $1',
      [grantId],
    );
    return Number(rows[0].sum);
  }

  async insertPayment(tx: Tx, payment: Omit<PaymentEntity, 'id' | 'createdAt'>): Promise<PaymentEntity> {
    const { identifiers } = await tx.insert(PaymentEntity, payment);
    return tx.findOneByOrFail(PaymentEntity, { id: identifiers[0].id as string });
  }

  findPayment(tx: Tx, grantId: string, id: string): Promise<PaymentEntity | null> {
    return tx.findOneBy(PaymentEntity, { id, grantId });
  }

  async setPaymentTranche(tx: Tx, id: string, trancheId: string | null): Promise<PaymentEntity> {
    await tx.update(PaymentEntity, { id }, { trancheId });
    return tx.findOneByOrFail(PaymentEntity, { id });
  }

  /**
   * One of the grant's tranches (null when it is not one of them) with what its payments add up to,
   * leaving out `exceptPaymentId` (a payment moving to it). Read under the grant's lock.
   */
  async tranche(tx: Tx, grantId: string, trancheId: string, exceptPaymentId?: string): Promise<TranchePaidRow | null> {
    const rows: TranchePaidRow[] = await tx.query(
      `SELECT t.amount_cents::text AS "amountCents",
              COALESCE((SELECT sum(p.amount_cents) FROM payment p
                        WHERE p.tranche_id = t.id AND ($3::uuid IS NULL OR p.id <> $3)), 0)::text AS "paidCents"
       FROM grant_tranche t WHERE t.grant_id = $1 AND t.id = $2`,
      [grantId, trancheId, exceptPaymentId ?? null],
    );
    return rows[0] ?? null;
  }

  payments(grantId: string, tx: Tx = this.dataSource.manager): Promise<PaymentEntity[]> {
    return tx.find(PaymentEntity, { where: { grantId }, order: { paidOn: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * Active grants whose agreement (convention) is still to sign: no signing date, and the project not
   * yet moved to agreement_signed (that move records the signature when the grant did not). The oldest
   * `limit`, through grant_agreement_to_sign_idx, and how many there are.
   */
  async agreementsToSign(limit: number): Promise<[AgreementToSignRow[], number]> {
    const from = `FROM "grant" g JOIN project p ON p.id = g.project_id
       WHERE g.status = 'active' AND g.agreement_signed_on IS NULL AND p.status = 'selected'`;
    const [rows, count]: [AgreementToSignRow[], { n: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT g.id AS "grantId", p.id AS "projectId", p.title AS "projectTitle", p.holder_name AS "holderName",
                g.amount_cents::text AS "amountCents", g.created_at AS "grantedAt"
         ${from} ORDER BY g.created_at, g.id LIMIT $1`,
        [limit],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n ${from}`),
    ]);
    return [rows, count[0].n];
  }

  /**
   * The projects of these calls that have a grant, each with what its grants commit (as the funding
   * figures count it), its target publics and the participation of the people concerned; by project id.
   * A grant is on its project's call (FundingService.commit), so the projects are read through
   * project_call_status_idx, about a tenth of the table, instead of scanned whole (100,000 at national volume).
   */
  grantedProjects(callIds: readonly string[]): Promise<GrantedProjectRow[]> {
    return this.dataSource.query(
      `SELECT pr.id AS "projectId", pr.target_publics AS "targetPublics", pr.participation,
              sum(${COMMITTED})::text AS "committedCents"
       FROM "grant" g JOIN project pr ON pr.id = g.project_id
       WHERE g.call_id = ANY ($1::uuid[]) AND pr.call_id = ANY ($1::uuid[])
       GROUP BY pr.id ORDER BY pr.id`,
      [callIds],
    );
  }

  /** Every grant of a call with what it paid and its departments: the ledger the figures are built from. */
  grantsOfCall(callId: string): Promise<GrantFundingRow[]> {
    return this.grantsOfCalls([callId]);
  }

  /**
   * Every grant of these calls, as grantsOfCall. Payments and departments are each aggregated once over
   * the calls' grants (GROUP BY, hash joins) rather than by two subqueries per grant: a year's calls hold
   * some 6,000 grants at national volume. A cancelled grant commits what it paid (COMMITTED).
   */
  grantsOfCalls(callIds: readonly string[]): Promise<GrantFundingRow[]> {
    return this.dataSource.query(
      `SELECT g.id AS "grantId", g.axis_code AS "axisCode",
              (CASE WHEN g.status = 'active' THEN g.amount_cents ELSE COALESCE(paid.cents, 0) END)::text AS "amountCents",
              COALESCE(paid.cents, 0)::text AS "paidCents", COALESCE(deps.list, '[]') AS departments
       FROM "grant" g
       LEFT JOIN (SELECT p.grant_id, sum(p.amount_cents) AS cents
                  FROM payment p JOIN "grant" pg ON pg.id = p.grant_id
                  WHERE pg.call_id = ANY ($1::uuid[]) GROUP BY p.grant_id) paid ON paid.grant_id = g.id
       LEFT JOIN (SELECT d.project_id,
                         json_agg(json_build_object('code', d.department_code, 'shareBp', d.share_bp)
                                  ORDER BY d.department_code) AS list
                  FROM project_department d JOIN "grant" pg ON pg.project_id = d.project_id
                  WHERE pg.call_id = ANY ($1::uuid[]) GROUP BY d.project_id) deps ON deps.project_id = g.project_id
       WHERE g.call_id = ANY ($1::uuid[]) ORDER BY g.id`,
      [callIds],
    );
  }

  /**
   * Changes whenever these calls' funding data would: the calls, their axes and criteria, their grants
   * and the granted projects with their departments. Payments are covered by their grant's
   * `payments_version`, which the payment table's triggers bump on every change: a ledger of a million
   * payments is never read. Reads a few thousand rows at most, through the call_id indexes.
   */
  fundingVersion(callIds: readonly string[]): Promise<string> {
    return rowSetsVersion(this.dataSource, FUNDING_ROW_SETS, [callIds]);
  }

  /**
   * Every payment of a call at once, in the ledger's order and with its values (see EXPORT_SQL), and only
   * the columns the funding report prints: for reports, whose data is hashed whole (the exports stream
   * instead). A 50,000-payment ledger read whole with every export column took twice the worker's memory.
   */
  reportPayments(callId: string): Promise<FundingReportPayment[]> {
    return this.dataSource.query(
      `SELECT pr.title AS "projectTitle", p.kind AS "paymentKind", to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn",
              p.amount_cents::text AS "amountCents", p.id::text AS "paymentId"
       FROM "grant" g JOIN project pr ON pr.id = g.project_id JOIN payment p ON p.grant_id = g.id
       WHERE g.call_id = $1
       ORDER BY g.axis_code, pr.title, g.id, p.paid_on NULLS LAST, p.id::text`,
      [callId],
    );
  }

  /** Funded projects of a call with granted and paid amounts, in a stable order. */
  async fundedProjects(callId: string): Promise<FundingProjectLine[]> {
    const rows = await this.dataSource.query(
      `SELECT pr.id AS "projectId", pr.title, pr.holder_name AS holder, pr.axis_code AS "axisCode",
              array_to_string(${departmentCodesOf(PROJECT_DEPARTMENTS, 'pr.id')}, ',') AS "departmentCodes",
              pr.status, ${COMMITTED}::text AS granted,
              COALESCE((SELECT sum(p.amount_cents) FROM payment p WHERE p.grant_id = g.id), 0)::text AS paid
       FROM "grant" g JOIN project pr ON pr.id = g.project_id
       WHERE g.call_id = $1 ORDER BY pr.axis_code, pr.title, pr.id`,
      [callId],
    );
    return rows.map(({ granted, paid, ...rest }: { granted: string; paid: string } & FundingProjectLine) => ({
      ...rest,
      grantedCents: Number(granted),
      paidCents: Number(paid),
    }));
  }

  /** The ledger's CSV lines (no header), as PostgreSQL writes them: see funding-csv-sql.ts. */
  streamCsvLines(callId: string): Promise<Readable> {
    return copyTextStream(this.dataSource, csvLinesSql(callId), this.config.get('EXPORT_TIMEOUT_MS'));
  }

  /**
   * The export rows, streamed from a server-side cursor: memory stays flat whatever the number of
   * payments. TypeORM's stream() fetches 100 rows per round trip, not settable; this fetches 2,000.
   */
  streamExport(callId: string): Promise<Readable> {
    return cursorStream(this.dataSource, EXPORT_SQL, [callId], {
      batchSize: EXPORT_BATCH_ROWS,
      timeoutMs: this.config.get('EXPORT_TIMEOUT_MS'),
    });
  }
}
