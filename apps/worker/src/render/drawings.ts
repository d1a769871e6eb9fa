import { drawFunding } from '@app/calls/reports/funding.drawing';
import { drawEquity } from '@app/equity/reports/equity.drawing';
import { drawAttendanceSheet, drawMinutes, drawNotice } from '@app/governance/reports/meeting.drawing';
import { drawDirectory } from '@app/identity/reports/directory.drawing';
import type { ReportDrawing } from '@app/reports/render/draw-report';
import type { ReportKind } from '@app/vocabulary';
import { drawRoadmap } from '@app/roadmap/reports/roadmap.drawing';

/**
 * Each kind's drawing, as a rendering thread loads them: the drawing modules only (plain code), not the
 * domain libs' indexes, which would bring Nest and TypeORM into every thread. The same functions are the
 * kinds' `render` in process; the worker's e2e suites render every kind through this table.
 */
export const DRAWINGS: Record<ReportKind, ReportDrawing> = {
  directory: drawDirectory,
  notice: drawNotice,
  attendance_sheet: drawAttendanceSheet,
  minutes: drawMinutes,
  funding: drawFunding,
  equity: drawEquity,
  roadmap: drawRoadmap,
};
