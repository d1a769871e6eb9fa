import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipationLevel } from '@app/vocabulary';
import type { ProjectStatus } from '../calls.constants';
import { cents } from './cents.transformer';

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
  /** How far the people concerned take part in the project. */
  @Column('text') participation: ParticipationLevel;
  @Column('text') status: ProjectStatus;
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
