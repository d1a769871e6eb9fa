import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { College } from '../governance.constants';

@Entity('seat')
export class SeatEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') bodyId: string;
  @Column('text') college: College;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column('timestamptz') createdAt: Date;
}
