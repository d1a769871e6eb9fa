import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IndicatorLevel } from '@app/vocabulary';

/** An indicator of the catalogue (deprivation, poverty rate…), published at one territorial level. */
@Entity('territorial_indicator')
export class TerritorialIndicatorEntity {
  @PrimaryColumn('text') code: string;
  @Column('text') label: string;
  @Column('text') unit: string;
  @Column('text') source: string;
  @Column('integer') year: number;
  @Column('text') level: IndicatorLevel;
  @Column('boolean') higherIsWorse: boolean;
  /** A rate: commune values may be rolled up to EPCI and department by population-weighted mean. */
  @Column('boolean') isRate: boolean;
  @Column('timestamptz') createdAt: Date;
}
