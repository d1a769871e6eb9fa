import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('revoked_token')
export class RevokedTokenEntity {
  @PrimaryColumn('uuid')
  jti: string;

  @Column('uuid')
  userId: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}

@Entity('login_failure')
export class LoginFailureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text')
  email: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** The source address of the attempt (null for rows older than the per-address limit). */
  @Column('text', { nullable: true })
  address: string | null;
}
