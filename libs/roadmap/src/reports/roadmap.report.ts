import { Injectable } from '@nestjs/common';
import { Actor, SYSTEM_ACTOR } from '@app/core';
import { ReportDefinition } from '@app/reports';
import { REPORT_KIND_LABELS, ROADMAP_STATUS_LABELS } from '@app/vocabulary';
import { ActionsService } from '../actions.service';
import { RoadmapsService } from '../roadmaps.service';
import { RoadmapReportParamsDto } from './roadmap-report.dto';
import { drawRoadmap, type RoadmapReportData } from './roadmap.drawing';

export type { RoadmapReportData } from './roadmap.drawing';

type RoadmapParams = RoadmapReportParamsDto;

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

  readonly render = drawRoadmap;
}
