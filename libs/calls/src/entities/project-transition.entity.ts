import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProjectStatus } from '../calls.constants';

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
