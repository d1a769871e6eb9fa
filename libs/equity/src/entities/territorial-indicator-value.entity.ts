import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One territory's value of an indicator; the whole set is replaced by each import. */
@Entity('territorial_indicator_value')
export class TerritorialIndicatorValueEntity {
  @PrimaryColumn('text') indicatorCode: string;
  /** INSEE department code, EPCI SIREN or INSEE commune code, by the indicator's level. */
  @PrimaryColumn('text') territoryCode: string;
  @Column('numeric') value: string;
}
