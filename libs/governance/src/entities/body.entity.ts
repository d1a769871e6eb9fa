import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BodyKind, College, PositionRole } from '../governance.constants';

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

@Entity('seat')
export class SeatEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') bodyId: string;
  @Column('text') college: College;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column('timestamptz') createdAt: Date;
}

@Entity('mandate')
export class MandateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') seatId: string;
  @Column('uuid') memberId: string;
  @Column({ type: 'uuid', nullable: true }) alternateMemberId: string | null;
  @Column('date') startsOn: string;
  @Column({ type: 'date', nullable: true }) endsOn: string | null;
}

@Entity('body_position')
export class BodyPositionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') bodyId: string;
  @Column('uuid') memberId: string;
  @Column('text') role: PositionRole;
  @Column('date') startsOn: string;
  @Column({ type: 'date', nullable: true }) endsOn: string | null;
}
