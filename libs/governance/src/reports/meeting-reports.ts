import { Injectable } from '@nestjs/common';
import { Actor, formatParisDate, formatParisDateTime } from '@app/core';
import { PdfReport, ReportDefinition } from '@app/reports';
import {
  ATTENDANCE_LABELS,
  BODY_KIND_LABELS,
  COLLEGE_LABELS,
  COLLEGES,
  REPORT_KIND_LABELS,
  type AttendanceStatus,
} from '@app/vocabulary';
import { MeetingReportData, MeetingReportDataService, SeatLine } from '../meeting-report-data';
import { MeetingsService } from '../meetings.service';
import { MinutesService } from '../minutes.service';
import { MeetingReportParamsDto } from './meeting-report.dto';

type MeetingParams = MeetingReportParamsDto;

const status = (s: AttendanceStatus | null) => (s ? ATTENDANCE_LABELS[s] : 'non renseigné');
const when = (d: MeetingReportData) => formatParisDateTime(new Date(d.meeting.startsAt));
const where = (d: MeetingReportData) =>
  [d.meeting.place, d.meeting.videoUrl ? `visioconférence : ${d.meeting.videoUrl}` : null]
    .filter(Boolean)
    .join(' — ') || 'lieu à préciser';

/** Shared by the three meeting documents: params, data, access (whoever reads the meeting) and the scope line. */
@Injectable() // so that subclasses inherit the constructor's parameter types for injection
abstract class MeetingDocument implements Omit<
  ReportDefinition<MeetingParams, MeetingReportData>,
  'kind' | 'title' | 'render'
> {
  constructor(
    protected readonly data: MeetingReportDataService,
    protected readonly meetings: MeetingsService,
  ) {}

  async authorize(actor: Actor, params: MeetingParams): Promise<void> {
    await this.meetings.readableMeeting(actor, params.meetingId);
  }

  readonly params = MeetingReportParamsDto;

  dataVersion(params: MeetingParams): Promise<string> {
    return this.data.version(params.meetingId);
  }

  collect(params: MeetingParams): Promise<MeetingReportData> {
    return this.data.collect(params.meetingId);
  }

  scope(_p: MeetingParams, d: MeetingReportData): string {
    return `${BODY_KIND_LABELS[d.body.kind]} « ${d.body.name} » — séance du ${when(d)} — ${where(d)}`;
  }

  protected agenda(pdf: PdfReport, d: MeetingReportData): void {
    pdf.heading('Ordre du jour');
    if (d.agenda.length === 0) pdf.paragraph('Aucun point inscrit.');
    d.agenda.forEach((title, i) => pdf.paragraph(`${i + 1}. ${title}`));
  }
}

/** Convocation: date, place, agenda, and who is convened (full members and their alternates). */
@Injectable()
export class NoticeReport extends MeetingDocument implements ReportDefinition<MeetingParams, MeetingReportData> {
  readonly kind = 'notice' as const;

  title(_p: MeetingParams, d: MeetingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.body.name}`;
  }

  render(pdf: PdfReport, d: MeetingReportData): void {
    pdf.paragraph(
      `Les membres de l’instance « ${d.body.name} » sont convoqués le ${when(d)} (heure de Paris). Lieu : ${where(d)}. ` +
        'Un membre titulaire empêché se fait représenter par son suppléant.',
    );
    this.agenda(pdf, d);
    pdf.heading('Membres convoqués');
    pdf.table({
      headers: ['Collège', 'Titulaire', 'Suppléant'],
      widths: [1.3, 2, 2],
      rows: d.seats.map((s) => [COLLEGE_LABELS[s.college], s.member, s.alternate ?? '—']),
    });
  }
}

/** Feuille d'émargement: one line per seat, the full member, the alternate, and room to sign. */
@Injectable()
export class AttendanceSheetReport
  extends MeetingDocument
  implements ReportDefinition<MeetingParams, MeetingReportData>
{
  readonly kind = 'attendance_sheet' as const;

  title(_p: MeetingParams, d: MeetingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.body.name}`;
  }

  render(pdf: PdfReport, d: MeetingReportData): void {
    pdf.heading(`Séance du ${formatParisDate(new Date(d.meeting.startsAt))}`);
    pdf.table({
      headers: ['Collège', 'Titulaire', 'Signature', 'Suppléant', 'Signature'],
      widths: [1.2, 1.6, 1.3, 1.6, 1.3],
      rowHeight: 34,
      rows: d.seats.map((s) => [COLLEGE_LABELS[s.college], s.member, '', s.alternate ?? '—', '']),
    });
  }
}

/** Procès-verbal: attendance by college with the quorum, agenda, decisions with their votes, the text. */
@Injectable()
export class MinutesReport extends MeetingDocument implements ReportDefinition<MeetingParams, MeetingReportData> {
  readonly kind = 'minutes' as const;

  constructor(
    data: MeetingReportDataService,
    meetings: MeetingsService,
    private readonly minutes: MinutesService,
  ) {
    super(data, meetings);
  }

  /** Stricter than the other documents: the minutes' own read rule (members download published minutes only). */
  override authorize(actor: Actor, params: MeetingParams): Promise<void> {
    return this.minutes.assertCanRead(actor, params.meetingId);
  }

  title(_p: MeetingParams, d: MeetingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.body.name}`;
  }

  render(pdf: PdfReport, d: MeetingReportData): void {
    const { seatsPresent, seatsTotal, quorumReached } = d.meeting;
    pdf.heading('Présences');
    pdf.paragraph(
      quorumReached === null
        ? 'Émargement non enregistré.'
        : `Quorum ${quorumReached ? 'atteint' : 'non atteint'} : ${seatsPresent} siège(s) présent(s) ou représenté(s) sur ${seatsTotal}.`,
    );
    for (const college of COLLEGES) {
      const seats = d.seats.filter((s) => s.college === college);
      if (seats.length === 0) continue;
      pdf.heading(`${COLLEGE_LABELS[college]} — ${seats.filter(seatPresent).length} / ${seats.length} siège(s)`, 2);
      pdf.table({
        headers: ['Titulaire', 'Statut', 'Suppléant', 'Statut'],
        widths: [2, 1.4, 2, 1.4],
        rows: seats.map((s) => [
          s.member,
          status(s.memberStatus),
          s.alternate ?? '—',
          s.alternate ? status(s.alternateStatus) : '—',
        ]),
      });
    }
    this.agenda(pdf, d);
    pdf.heading('Délibérations et avis');
    if (d.decisions.length === 0) pdf.paragraph('Aucune délibération.');
    else {
      pdf.table({
        headers: ['Délibération', 'Pour', 'Contre', 'Abstentions', 'Résultat'],
        widths: [3.2, 0.7, 0.7, 1, 1],
        numeric: [1, 2, 3],
        rows: d.decisions.map((x) => [
          x.agendaItemPosition === null ? x.title : `Point ${x.agendaItemPosition} — ${x.title}`,
          String(x.votesFor),
          String(x.votesAgainst),
          String(x.abstentions),
          x.adopted ? 'adoptée' : 'rejetée',
        ]),
      });
    }
    pdf.heading('Procès-verbal');
    if (!d.minutes) pdf.paragraph('Procès-verbal non rédigé.');
    else d.minutes.content.split(/\n{2,}/).forEach((p) => pdf.paragraph(p));
  }
}

function seatPresent(s: SeatLine): boolean {
  return s.memberStatus === 'present' || s.memberStatus === 'represented' || s.alternateStatus === 'present';
}
