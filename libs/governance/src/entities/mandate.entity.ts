import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('mandate')
export class MandateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') seatId: string;
  @Column('uuid') memberId: string;
  @Column({ type: 'uuid', nullable: true }) alternateMemberId: string | null;
  @Column('date') startsOn: string;
  @Column({ type: 'date', nullable: true }) endsOn: string | null;
}
