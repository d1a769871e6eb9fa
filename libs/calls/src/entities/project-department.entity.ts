import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('project_department')
export class ProjectDepartmentEntity {
  @PrimaryColumn('uuid') projectId: string;
  @PrimaryColumn('text') departmentCode: string;
  @Column({ type: 'integer', nullable: true }) shareBp: number | null;
}
