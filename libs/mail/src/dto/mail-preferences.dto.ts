import { IsBoolean } from 'class-validator';

/** What the caller receives by e-mail, by choice. */
export class MailPreferencesDto {
  /** The weekly digest of what awaits the referent (overdue and stale actions, opinions owed). */
  @IsBoolean()
  weeklyDigest: boolean;
}
