import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionSubjectType } from '../governance.constants';

@Entity('decision')
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') meetingId: string;
  /** The point of the meeting's agenda the decision answers, if any. */
  @Column({ type: 'integer', nullable: true }) agendaItemPosition: number | null;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column('integer') votesFor: number;
  @Column('integer') votesAgainst: number;
  @Column('integer') abstentions: number;
  @Column({ type: 'text', nullable: true }) subjectType: DecisionSubjectType | null;
  @Column({ type: 'text', nullable: true }) subjectId: string | null;
  @Column('timestamptz') createdAt: Date;
}
