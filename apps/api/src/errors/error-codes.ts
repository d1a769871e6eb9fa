import { AuditErrorCode } from '@app/audit';
import { CoreErrorCode } from '@app/core';
import { CallsErrorCode } from '@app/calls';
import { ContractsErrorCode } from '@app/contracts';
import { EquityErrorCode } from '@app/equity';
import { GovernanceErrorCode } from '@app/governance';
import { IdentityErrorCode } from '@app/identity';
import { MailErrorCode } from '@app/mail';
import { ReportsErrorCode } from '@app/reports';
import { RoadmapErrorCode } from '@app/roadmap';
import { TerritoryErrorCode } from '@app/territory';

/** Every code an HTTP error may carry: core's and each lib's (the app is the one place that sees them all). */
export type ErrorCode =
  | CoreErrorCode
  | AuditErrorCode
  | CallsErrorCode
  | ContractsErrorCode
  | EquityErrorCode
  | GovernanceErrorCode
  | IdentityErrorCode
  | MailErrorCode
  | ReportsErrorCode
  | RoadmapErrorCode
  | TerritoryErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [
  ...new Set<ErrorCode>(
    [
      CoreErrorCode,
      AuditErrorCode,
      CallsErrorCode,
      ContractsErrorCode,
      EquityErrorCode,
      GovernanceErrorCode,
      IdentityErrorCode,
      MailErrorCode,
      ReportsErrorCode,
      RoadmapErrorCode,
      TerritoryErrorCode,
    ].flatMap((codes) => Object.values(codes)),
  ),
].sort();
