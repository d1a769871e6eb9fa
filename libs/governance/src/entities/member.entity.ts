import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { College } from '../governance.constants';

@Entity('member')
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') displayName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column('text') organization: string;
  @Column('text') college: College;
  @Column({ type: 'text', nullable: true }) designatingBody: string | null;
  @Column('integer') version: number;
  @Column('timestamptz') createdAt: Date;
}
