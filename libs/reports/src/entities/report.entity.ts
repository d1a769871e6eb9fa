import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportKind, ReportStatus } from '../report-lifecycle';

@Entity('report')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: ReportKind;

  @Column('jsonb')
  params: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column('text')
  status: ReportStatus;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column('integer')
  attempts: number;

  @Column('text')
  requestFingerprint: string;

  @Column({ type: 'text', nullable: true })
  dataSha256: string | null;

  @Column({ type: 'text', nullable: true })
  fileSha256: string | null;

  @Column({ type: 'text', nullable: true })
  fileKey: string | null;

  @Column({ type: 'integer', nullable: true })
  fileSize: number | null;

  /** How far a running report is, 0–100; null until it first runs, 100 once done. */
  @Column({ type: 'smallint', nullable: true })
  progressPercent: number | null;

  /** The title the PDF prints, once done. */
  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** The line under the title saying what the report covers, once done. */
  @Column({ type: 'text', nullable: true })
  scope: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiredAt: Date | null;
}
