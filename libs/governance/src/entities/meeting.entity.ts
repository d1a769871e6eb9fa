import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AttendanceStatus, MeetingStatus, MinutesStatus } from '../governance.constants';

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
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
}

@Entity('agenda_item')
export class AgendaItemEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @PrimaryColumn('integer') position: number;
  @Column('text') title: string;
}

@Entity('attendance')
export class AttendanceEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @PrimaryColumn('uuid') memberId: string;
  @Column('text') status: AttendanceStatus;
}

@Entity('decision')
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') meetingId: string;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column('integer') votesFor: number;
  @Column('integer') votesAgainst: number;
  @Column('integer') abstentions: number;
  @Column({ type: 'text', nullable: true }) subjectType: string | null;
  @Column({ type: 'text', nullable: true }) subjectId: string | null;
  @Column('timestamptz') createdAt: Date;
}

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
