import { Injectable } from '@nestjs/common';
import { Actor, formatParisDate, SYSTEM_ACTOR } from '@app/core';
import { PdfReport, ReportDefinition, type ReportProgress } from '@app/reports';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, REPORT_KIND_LABELS, ROADMAP_STATUS_LABELS } from '@app/vocabulary';
import type { ActionDto, RoadmapDto, RoadmapProgressDto } from '../dto/roadmap.dto';
import { ActionsService } from '../actions.service';
import { RoadmapsService } from '../roadmaps.service';
import { RoadmapReportParamsDto } from './roadmap-report.dto';

type RoadmapParams = RoadmapReportParamsDto;

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

/** The year's roadmap: axes and actions (pilot, departments, status, progress, indicators), per department, and stale actions. */
@Injectable()
export class RoadmapReport implements ReportDefinition<RoadmapParams, RoadmapReportData> {
  readonly kind = 'roadmap' as const;
  readonly params = RoadmapReportParamsDto;

  constructor(
    private readonly roadmap: RoadmapsService,
    private readonly actions: ActionsService,
  ) {}

  /** Every signed-in role reads the roadmap; the year must exist. */
  async authorize(actor: Actor, params: RoadmapParams): Promise<void> {
    await this.roadmap.get(actor, params.year);
  }

  dataVersion(params: RoadmapParams): Promise<string> {
    return this.actions.roadmapDataVersion(params.year);
  }

  async collect(params: RoadmapParams): Promise<RoadmapReportData> {
    const [roadmap, actions, progress, stale] = await Promise.all([
      this.roadmap.get(SYSTEM_ACTOR, params.year),
      this.actions.listActions(SYSTEM_ACTOR, { year: params.year, limit: 10_000, offset: 0 }),
      this.roadmap.progress(SYSTEM_ACTOR, params.year),
      this.actions.staleActions(SYSTEM_ACTOR, params.year),
    ]);
    return { roadmap, actions: actions.items, progress, stale: stale.items.map((a) => a.id) };
  }

  title(p: RoadmapParams): string {
    return `${REPORT_KIND_LABELS[this.kind]} ${p.year} — lutte contre les inégalités sociales de santé`;
  }

  scope(_p: RoadmapParams, d: RoadmapReportData): string {
    return `Région Occitanie — ${d.actions.length} actions, ${d.roadmap.axes.length} axes — feuille de route : ${ROADMAP_STATUS_LABELS[d.roadmap.status]}`;
  }

  /** Progress counts the sections: one per axis, then the departments' table and the stale actions. */
  async render(pdf: PdfReport, d: RoadmapReportData, _p: RoadmapParams, progress: ReportProgress): Promise<void> {
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
}
