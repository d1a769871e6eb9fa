import { Entity, PrimaryColumn } from 'typeorm';

@Entity('project_commune')
export class ProjectCommuneEntity {
  @PrimaryColumn('uuid') projectId: string;
  @PrimaryColumn('text') inseeCode: string;
}
