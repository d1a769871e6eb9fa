/** The codes the reports lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const ReportsErrorCode = {
  ReportKindUnavailable: 'report.kind_unavailable',
  ReportNotFound: 'report.not_found',
  ReportNotReady: 'report.not_ready',
  ReportParams: 'report.params',
} as const;

export type ReportsErrorCode = (typeof ReportsErrorCode)[keyof typeof ReportsErrorCode];
