import type { Role } from '@app/core';
import { Column, Entity, JoinColumn, OneToMany, PrimaryGeneratedColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Tokens issued before this instant are refused (set when the account is disabled). */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsValidFrom: Date | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => UserDepartmentEntity, (d) => d.user)
  departments: UserDepartmentEntity[];
}

@Entity('user_department')
export class UserDepartmentEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  departmentCode: string;

  @ManyToOne(() => UserEntity, (u) => u.departments)
  @JoinColumn({ name: 'user_id' })
  user: UserEntity;
}
