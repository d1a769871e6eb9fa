import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MinutesStatus } from '../governance.constants';

@Entity('minutes')
export class MinutesEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @Column('text') status: MinutesStatus;
  @Column('text') content: string;
  @Column('integer') version: number;
  @Column('timestamptz') updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
