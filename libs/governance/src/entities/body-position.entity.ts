import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PositionRole } from '../governance.constants';

@Entity('body_position')
export class BodyPositionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') bodyId: string;
  @Column('uuid') memberId: string;
  @Column('text') role: PositionRole;
  @Column('date') startsOn: string;
  @Column({ type: 'date', nullable: true }) endsOn: string | null;
}
