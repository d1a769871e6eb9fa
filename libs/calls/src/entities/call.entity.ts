import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CallStatus } from '../calls.constants';
import { cents } from './cents.transformer';

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
