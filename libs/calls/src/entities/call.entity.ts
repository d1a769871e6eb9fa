import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CallStatus, Opinion, PaymentKind, ProjectStatus } from '../calls.constants';

/** bigint cents arrive from pg as strings: the transformer turns them into safe integers both ways. */
const cents = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('call')
export class CallEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('integer') year: number;
  @Column('text') fundingSource: string;
  @Column({ type: 'bigint', transformer: cents }) envelopeCents: number;
  @Column('date') opensOn: string;
  @Column('date') closesOn: string;
  @Column('text') status: CallStatus;
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
}

@Entity('call_axis')
export class CallAxisEntity {
  @PrimaryColumn('uuid') callId: string;
  @PrimaryColumn('text') code: string;
  @Column('text') label: string;
  @Column({ type: 'bigint', nullable: true, transformer: cents }) envelopeCents: number | null;
  @Column('integer') position: number;
}

@Entity('project')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') callId: string;
  @Column('text') axisCode: string;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column('text') holderName: string;
  @Column('text') holderKind: string;
  @Column({ type: 'text', nullable: true }) holderSiret: string | null;
  @Column({ type: 'text', array: true }) targetPublics: string[];
  @Column({ type: 'integer', array: true }) levers: number[];
  @Column({ type: 'bigint', transformer: cents }) requestedCents: number;
  @Column('text') status: ProjectStatus;
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}

@Entity('project_department')
export class ProjectDepartmentEntity {
  @PrimaryColumn('uuid') projectId: string;
  @PrimaryColumn('text') departmentCode: string;
  @Column({ type: 'integer', nullable: true }) shareBp: number | null;
}

@Entity('project_commune')
export class ProjectCommuneEntity {
  @PrimaryColumn('uuid') projectId: string;
  @PrimaryColumn('text') inseeCode: string;
}

@Entity('project_transition')
export class ProjectTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid') projectId: string;
  @Column('text') fromStatus: ProjectStatus;
  @Column('text') toStatus: ProjectStatus;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column('timestamptz') at: Date;
}

@Entity('opinion')
export class OpinionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') projectId: string;
  @Column('text') departmentCode: string;
  @Column('text') opinion: Opinion;
  @Column('text') comment: string;
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;
  @Column('timestamptz') createdAt: Date;
}

@Entity('grant')
export class GrantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') projectId: string;
  @Column('uuid') callId: string;
  @Column('text') axisCode: string;
  @Column({ type: 'bigint', transformer: cents }) amountCents: number;
  @Column({ type: 'text', nullable: true }) legalCommitmentNumber: string | null;
  @Column({ type: 'date', nullable: true }) agreementSignedOn: string | null;
  @Column('text') status: 'active' | 'cancelled';
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
}

@Entity('payment')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') grantId: string;
  @Column({ type: 'bigint', transformer: cents }) amountCents: number;
  @Column('text') kind: PaymentKind;
  @Column('date') paidOn: string;
  @Column('timestamptz') createdAt: Date;
}
