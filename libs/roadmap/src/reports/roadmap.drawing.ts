import { formatParisDate } from '@app/core/time/paris-time';
import type { PdfReport, ReportProgress } from '@app/reports';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '@app/vocabulary';
import type { ActionDto, RoadmapDto, RoadmapProgressDto } from '../dto/roadmap.dto';

export interface RoadmapReportData {
  roadmap: RoadmapDto;
  actions: ActionDto[];
  progress: RoadmapProgressDto;
  stale: string[];
}

/** A text progress bar: the PDF stays text, so it can be read aloud and searched. */
function bar(percent: number): string {
  const filled = Math.round(percent / 10);
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${percent} %`;
}

const value = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('fr-FR').format(v));

/**
 * Draws the roadmap: plain code, importable without Nest, so that a rendering thread loads only this (see
 * the worker's render pool). Progress counts the sections: one per axis, then the departments' table and
 * the stale actions.
 */
export async function drawRoadmap(
  pdf: PdfReport,
  d: RoadmapReportData,
  _p: unknown,
  progress: ReportProgress,
): Promise<void> {
  const sections = d.roadmap.axes.length + 1;
  for (const [done, axis] of d.roadmap.axes.entries()) {
    await progress(done, sections);
    const rolled = d.progress.byAxis.find((a) => a.key === axis.code);
    pdf.heading(`${axis.code} — ${axis.label}`);
    pdf.paragraph(`Avancement de l’axe : ${bar(rolled?.progressPercent ?? 0)} (${rolled?.actions ?? 0} actions)`);
    for (const a of d.actions.filter((x) => x.axisCode === axis.code)) {
      pdf.heading(a.title, 2);
      pdf.paragraph(
        `Pilote : ${a.pilot} — ${a.regionWide ? 'toute la région' : `départements ${a.departmentCodes.join(', ')}`} — ` +
          `${ACTION_STATUS_LABELS[a.status]} — ${bar(a.progressPercent)} — dernière mise à jour le ${formatParisDate(new Date(a.updatedAt))}`,
      );
      if (a.indicators.length > 0) {
        pdf.table({
          headers: ['Indicateur', 'Référence', 'Dernière valeur', 'Cible'],
          widths: [3, 1, 1, 1],
          numeric: [1, 2, 3],
          rows: a.indicators.map((i) => [i.label, value(i.baseline), value(i.latestValue), value(i.target)]),
        });
      }
    }
  }
  await progress(d.roadmap.axes.length, sections);
  pdf.heading('Par département');
  pdf.table({
    headers: ['Département', 'Actions', ...ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]), 'Avancement'],
    widths: [2.2, 0.8, 0.8, 0.8, 0.8, 0.8, 1],
    numeric: [1, 2, 3, 4, 5, 6],
    rows: d.progress.byDepartment.map((x) => [
      `${x.key} ${x.label}`,
      String(x.actions),
      ...ACTION_STATUSES.map((s) => String(x.byStatus[s])),
      `${x.progressPercent} %`,
    ]),
  });
  pdf.heading('Actions sans mise à jour depuis 90 jours');
  const stale = d.actions.filter((a) => d.stale.includes(a.id));
  if (stale.length === 0) pdf.paragraph('Aucune.');
  for (const a of stale)
    pdf.paragraph(`${a.title} (${a.pilot}) — dernière mise à jour le ${formatParisDate(new Date(a.updatedAt))}`);
}
