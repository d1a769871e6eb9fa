import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ok, getReport, requestReport, type ReportDto, type RequestReportData } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { formatSize } from '../format';
import { REPORT_STATUS_LABELS } from '@app/vocabulary';

/** How each status looks; its words are the vocabulary's. */
export const SEVERITY: Record<ReportDto['status'], 'info' | 'new' | 'success' | 'error' | 'warning'> = {
  queued: 'info',
  running: 'new',
  done: 'success',
  failed: 'error',
  expired: 'warning',
};

const FINISHED: ReadonlySet<ReportDto['status']> = new Set(['done', 'failed', 'expired']);

/**
 * How far a running report is, in words and as a bar (inside the caller's live region, the words are
 * what a screen reader announces). `label` names the bar when several share a page.
 */
export function ReportProgress({ percent, label }: { percent: number | null; label: string }) {
  return (
    <p className="fr-text--sm fr-mt-1w fr-mb-0">
      Génération en cours : {percent ?? 0} %
      <progress className="app-progress fr-mt-1v" max={100} value={percent ?? 0} aria-label={label} />
    </p>
  );
}

interface Props {
  /** What to generate: `{ kind, params }` as POST /api/reports takes it (params typed by kind). */
  request: RequestReportData['body'];
  /** The button's text, e.g. "Générer le rapport de financement (PDF)". */
  label: string;
  /** What the file is, in the download link (several jobs may share a page), e.g. "le procès-verbal". */
  document?: string;
}

/**
 * A long job the person can follow: POST /api/reports, then GET /api/reports/:id every second,
 * showing queued → running (with its progress) → done | failed, then the link to /api/reports/:id/file.
 */
export function ReportJob({ request, label, document = 'le rapport' }: Props) {
  const [reportId, setReportId] = useState<string>();
  const start = useMutation({
    mutationFn: () => ok(requestReport({ body: request })),
    onSuccess: (queued) => setReportId(queued.id),
  });
  const report = useQuery({
    queryKey: ['reports', reportId],
    queryFn: () => ok(getReport({ path: { id: reportId! } })),
    enabled: reportId !== undefined,
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 1000),
  });
  const status = report.data?.status ?? (reportId ? 'queued' : undefined);
  return (
    <div className="fr-mb-3w">
      <Button onClick={() => start.mutate()} disabled={start.isPending || (status && !FINISHED.has(status))}>
        {label}
      </Button>
      {start.isError && <ErrorAlert error={start.error} className="fr-mt-2w" />}
      {report.isError && <ErrorAlert error={report.error} className="fr-mt-2w" />}
      <div aria-live="polite" className="fr-mt-2w">
        {status && (
          <p>
            État du rapport :{' '}
            <Badge as="span" severity={SEVERITY[status]}>
              {REPORT_STATUS_LABELS[status]}
            </Badge>
          </p>
        )}
        {status === 'running' && (
          <ReportProgress
            percent={report.data?.progressPercent ?? null}
            label={`Avancement de la génération (${document})`}
          />
        )}
        {status === 'failed' && <p>{report.data?.error ?? 'La génération a échoué.'}</p>}
        {status === 'done' && (
          // The api names the file (Content-Disposition); `download` keeps the browser on this page.
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left"
            href={`/api/reports/${reportId}/file`}
            download
          >
            Télécharger {document}
            {report.data?.fileSize ? ` (PDF, ${formatSize(report.data.fileSize)})` : ' (PDF)'}
          </a>
        )}
      </div>
    </div>
  );
}
