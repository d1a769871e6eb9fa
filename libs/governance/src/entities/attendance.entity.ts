import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttendanceStatus } from '../governance.constants';

@Entity('attendance')
export class AttendanceEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @PrimaryColumn('uuid') memberId: string;
  @Column('text') status: AttendanceStatus;
}
