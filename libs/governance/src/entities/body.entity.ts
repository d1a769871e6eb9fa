import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BodyKind } from '../governance.constants';

@Entity('body')
export class BodyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: BodyKind;
  @Column('text') name: string;
  @Column({ type: 'date', nullable: true }) installedOn: string | null;
  @Column('text') status: 'active' | 'dissolved';
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
}
