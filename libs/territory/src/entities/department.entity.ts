import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('department')
export class DepartmentEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  regionCode: string;

  @Column('text')
  name: string;

  @Column('integer')
  population: number;
}

@Entity('region')
export class RegionEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('integer')
  population: number;
}
