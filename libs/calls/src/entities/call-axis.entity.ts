import { Column, Entity, PrimaryColumn } from 'typeorm';
import { cents } from './cents.transformer';

@Entity('call_axis')
export class CallAxisEntity {
  @PrimaryColumn('uuid') callId: string;
  @PrimaryColumn('text') code: string;
  @Column('text') label: string;
  @Column({ type: 'bigint', nullable: true, transformer: cents }) envelopeCents: number | null;
  @Column('integer') position: number;
}
