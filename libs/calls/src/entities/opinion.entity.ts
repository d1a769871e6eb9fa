import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Opinion } from '../calls.constants';

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
