import { DomainError } from '@app/core';
import { GovernanceErrorCode } from './governance.errors';

/** A period (mandate, office) given with its end cannot end before it starts. */
export function assertDates(startsOn: string, endsOn?: string): void {
  if (endsOn !== undefined && endsOn < startsOn)
    throw DomainError.invalid(GovernanceErrorCode.DatesOrder, 'endsOn: before startsOn');
}
