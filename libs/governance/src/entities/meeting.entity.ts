import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingStatus } from '../governance.constants';

@Entity('meeting')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') bodyId: string;
  @Column('timestamptz') startsAt: Date;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column({ type: 'text', nullable: true }) videoUrl: string | null;
  @Column('text') status: MeetingStatus;
  @Column({ type: 'integer', nullable: true }) seatsTotal: number | null;
  @Column({ type: 'integer', nullable: true }) seatsPresent: number | null;
  @Column({ type: 'boolean', nullable: true }) quorumReached: boolean | null;
  /** When the convocation went out (POST /meetings/:id/convene); a move after it sends an update. */
  @Column({ type: 'timestamptz', nullable: true }) convenedAt: Date | null;
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
}
