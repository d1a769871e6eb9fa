import { Module, OnModuleInit } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AppConfig } from '@app/core';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { TerritoryModule } from '@app/territory';
import { AuthService, TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth.service';
import { DepartmentDirectoryService } from './department-directory.service';
import { LoginFailureEntity, RevokedTokenEntity } from './entities/revoked-token.entity';
import { UserDepartmentEntity, UserEntity } from './entities/user.entity';
import { LoginFailuresRepository } from './login-failures.repository';
import { PasswordHasher } from './password-hasher';
import { ProConnectClient } from './proconnect/proconnect.client';
import { ProConnectRepository } from './proconnect/proconnect.repository';
import { ProConnectService } from './proconnect/proconnect.service';
import { DirectoryReport } from './reports/directory.report';
import { TokensRepository } from './tokens.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, UserDepartmentEntity, RevokedTokenEntity, LoginFailureEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.get('JWT_SECRET'),
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.get('JWT_TTL') as `${number}h`,
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
        },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
      }),
    }),
    AuditModule,
    TerritoryModule,
    ReportsModule,
  ],
  providers: [
    UsersRepository,
    TokensRepository,
    LoginFailuresRepository,
    PasswordHasher,
    UsersService,
    AuthService,
    DepartmentDirectoryService,
    DirectoryReport,
    ProConnectRepository,
    ProConnectClient,
    ProConnectService,
  ],
  exports: [UsersService, AuthService, DepartmentDirectoryService, ProConnectService],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly directoryReport: DirectoryReport,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.directoryReport);
  }
}
