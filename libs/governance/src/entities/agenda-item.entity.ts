import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('agenda_item')
export class AgendaItemEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @PrimaryColumn('integer') position: number;
  @Column('text') title: string;
}
