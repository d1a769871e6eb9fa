import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches, ValidateIf } from 'class-validator';
import { IsDay, IsVersion } from '@app/core';

/** The engagement juridique number of the State's accounting system (Chorus): ten digits. */
export const LEGAL_COMMITMENT_NUMBER = /^[0-9]{10}$/;
/** The agreement's reference as the ARS numbers it (e.g. "ARS-OC-2026-031"): capitals, digits, - / . _ */
export const CONVENTION_NUMBER = /^[A-Z0-9][A-Z0-9/._-]{0,39}$/;

/** Ten digits; `null` clears it. */
export const IsLegalCommitmentNumber = () =>
  Matches(LEGAL_COMMITMENT_NUMBER, { message: '$property must be ten digits (engagement juridique)' });

/** A present property that is either null or passes `rules` (a PUT sets every field, null clearing it). */
const OrNull = (schema: Record<string, unknown>, ...rules: PropertyDecorator[]) =>
  applyDecorators(
    ApiProperty({ ...schema, nullable: true }),
    ValidateIf((_: object, value: unknown) => value !== null),
    ...rules,
  );

/** The grant's commitment and agreement references, set (or corrected) after the grant was made. */
export class SetGrantAgreementDto {
  /** The grant's version as read (a stale one gets 409). */
  @IsVersion()
  version: number;

  /** Engagement juridique number (ten digits), or null while the commitment is not entered in Chorus. */
  @OrNull({ type: String, pattern: LEGAL_COMMITMENT_NUMBER.source }, IsLegalCommitmentNumber())
  legalCommitmentNumber: string | null;

  /** The agreement's (convention's) number, or null while it has none. */
  @OrNull(
    { type: String, pattern: CONVENTION_NUMBER.source, maxLength: 40 },
    Matches(CONVENTION_NUMBER, { message: '$property must be capitals, digits and - / . _ (e.g. ARS-OC-2026-031)' }),
  )
  conventionNumber: string | null;

  /** The day the agreement was signed, or null while it is not. */
  @OrNull({ type: String, format: 'date' }, IsDay())
  agreementSignedOn: string | null;
}

/** The planned tranche a payment settles, or null for none. */
export class SetPaymentTrancheDto {
  @OrNull({ type: String, format: 'uuid' }, IsUUID())
  trancheId: string | null;
}
