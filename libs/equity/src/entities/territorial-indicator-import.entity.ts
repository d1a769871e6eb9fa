import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One accepted file of values: who loaded it, when, its SHA-256 and how many rows it held. */
@Entity('territorial_indicator_import')
export class TerritorialIndicatorImportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') indicatorCode: string;
  @Column({ type: 'uuid', nullable: true }) importedBy: string | null;
  @Column('timestamptz') importedAt: Date;
  @Column('text') fileSha256: string;
  @Column('integer') rowCount: number;
}
