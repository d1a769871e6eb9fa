import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { cents } from './cents.transformer';

@Entity('grant')
export class GrantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') projectId: string;
  @Column('uuid') callId: string;
  @Column('text') axisCode: string;
  @Column({ type: 'bigint', transformer: cents }) amountCents: number;
  @Column({ type: 'text', nullable: true }) legalCommitmentNumber: string | null;
  @Column({ type: 'date', nullable: true }) agreementSignedOn: string | null;
  @Column({ type: 'text', nullable: true }) conventionNumber: string | null;
  @Column('text') status: 'active' | 'cancelled';
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
}
