import { Territory1764000000000 } from './1764000000000-territory';
import { OccitanieReferenceData1764000000100 } from './1764000000100-occitanie-reference-data';
import { Identity1764000000200 } from './1764000000200-identity';
import { Audit1764000000300 } from './1764000000300-audit';
import { Reports1764000000400 } from './1764000000400-reports';
import { Governance1764000000500 } from './1764000000500-governance';
import { Calls1764000000600 } from './1764000000600-calls';
import { Instruction1764000000700 } from './1764000000700-instruction';
import { GrantChanges1764000000800 } from './1764000000800-grant-changes';
import { GrantFollowUp1764000000900 } from './1764000000900-grant-follow-up';
import { RoadmapAndContracts1764000001000 } from './1764000001000-roadmap-and-contracts';
import { ContractDetails1764000001100 } from './1764000001100-contract-details';
import { ActionLinks1764000001200 } from './1764000001200-action-links';
import { ContractActionSheets1764000001300 } from './1764000001300-contract-action-sheets';
import { ActionDetails1764000001400 } from './1764000001400-action-details';
import { UserSessionsValidFrom1764000001470 } from './1764000001470-user-sessions-valid-from';
import { HotReadIndexes1764000001950 } from './1764000001950-hot-read-indexes';
import { ContractTerritoryReference1764000002000 } from './1764000002000-contract-territory-reference';
import { LoginAbuseAndSessionActivity1764000002300 } from './1764000002300-login-abuse-and-session-activity';
import { AuditSearch1764000002400 } from './1764000002400-audit-search';
import { DecisionAgendaItem1764000002500 } from './1764000002500-decision-agenda-item';
import { ReportProgress1764000002600 } from './1764000002600-report-progress';
import { DecisionSubjectTypes1764000002800 } from './1764000002800-decision-subject-types';
import { GrantTranchesAndAgreement1764000003000 } from './1764000003000-grant-tranches-and-agreement';
import { TerritorySearch1764000003100 } from './1764000003100-territory-search';
import { ReportTitle1764000003200 } from './1764000003200-report-title';
import { Equity1764000003300 } from './1764000003300-equity';
import { GrantPaymentsVersion1764000004100 } from './1764000004100-grant-payments-version';
import { PaymentLedgerIndex1764000004200 } from './1764000004200-payment-ledger-index';
import { AuditVerification1764000004250 } from './1764000004250-audit-verification';
import { AuditEventTally1764000004400 } from './1764000004400-audit-event-tally';
import { AwaitingActionIndexes1764000004410 } from './1764000004410-awaiting-action-indexes';
import { ActionListOrderIndex1764000004420 } from './1764000004420-action-list-order-index';
import { ProConnect1764000005000 } from './1764000005000-proconnect';
import { MailOutbox1764000005100 } from './1764000005100-mail-outbox';
import { MailPreferences1764000005110 } from './1764000005110-mail-preferences';
import { AuditSeals1764000002100 } from './1764000002100-audit-seals';
import { RuntimeRole1764000002110 } from './1764000002110-runtime-role';

/** Every migration, in order: listed as classes so that builds and tests need no glob. */
export const MIGRATIONS = [
  Territory1764000000000,
  OccitanieReferenceData1764000000100,
  Identity1764000000200,
  Audit1764000000300,
  Reports1764000000400,
  Governance1764000000500,
  Calls1764000000600,
  Instruction1764000000700,
  GrantChanges1764000000800,
  GrantFollowUp1764000000900,
  RoadmapAndContracts1764000001000,
  ContractDetails1764000001100,
  ActionLinks1764000001200,
  ContractActionSheets1764000001300,
  ActionDetails1764000001400,
  UserSessionsValidFrom1764000001470,
  HotReadIndexes1764000001950,
  ContractTerritoryReference1764000002000,
  LoginAbuseAndSessionActivity1764000002300,
  AuditSeals1764000002100,
  RuntimeRole1764000002110,
  AuditSearch1764000002400,
  DecisionAgendaItem1764000002500,
  ReportProgress1764000002600,
  DecisionSubjectTypes1764000002800,
  GrantTranchesAndAgreement1764000003000,
  TerritorySearch1764000003100,
  ReportTitle1764000003200,
  Equity1764000003300,
  GrantPaymentsVersion1764000004100,
  PaymentLedgerIndex1764000004200,
  AuditVerification1764000004250,
  AuditEventTally1764000004400,
  AwaitingActionIndexes1764000004410,
  ActionListOrderIndex1764000004420,
  ProConnect1764000005000,
  MailOutbox1764000005100,
  MailPreferences1764000005110,
];
