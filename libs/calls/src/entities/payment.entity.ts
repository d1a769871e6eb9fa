import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentKind } from '../calls.constants';
import { cents } from './cents.transformer';

@Entity('payment')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') grantId: string;
  @Column({ type: 'bigint', transformer: cents }) amountCents: number;
  @Column('text') kind: PaymentKind;
  @Column('date') paidOn: string;
  /** The planned tranche this payment settles, when it names one. */
  @Column({ type: 'uuid', nullable: true }) trancheId: string | null;
  @Column('timestamptz') createdAt: Date;
}
