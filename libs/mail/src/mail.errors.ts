/** The codes the mail lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const MailErrorCode = {
  MessageNotFound: 'mail.not_found',
  MessageNotFailed: 'mail.not_failed',
} as const;

export type MailErrorCode = (typeof MailErrorCode)[keyof typeof MailErrorCode];
