import { Injectable } from '@nestjs/common';
import { found, parisDay } from '@app/core';
import { BodiesRepository } from './bodies.repository';
import { DecisionDto } from './dto/meeting.dto';
import {
  COLLEGES,
  type AttendanceStatus,
  type BodyKind,
  type College,
  type MinutesStatus,
} from './governance.constants';
import { MeetingsRepository } from './meetings.repository';
import { MinutesRepository } from './minutes.repository';
import { toDecisionDto } from './meetings.service';
import { GovernanceErrorCode } from './governance.errors';

export interface SeatLine {
  college: College;
  label: string | null;
  member: string;
  memberStatus: AttendanceStatus | null;
  alternate: string | null;
  alternateStatus: AttendanceStatus | null;
}

/** Everything printed about a meeting (notice, attendance sheet, minutes), in a stable order. */
export interface MeetingReportData {
  body: { name: string; kind: BodyKind };
  meeting: {
    id: string;
    startsAt: string;
    place: string | null;
    videoUrl: string | null;
    seatsTotal: number | null;
    seatsPresent: number | null;
    quorumReached: boolean | null;
  };
  agenda: string[];
  seats: SeatLine[];
  decisions: Omit<DecisionDto, 'createdAt'>[];
  minutes: { status: MinutesStatus; content: string; version: number } | null;
}

@Injectable()
export class MeetingReportDataService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly minutes: MinutesRepository,
    private readonly bodies: BodiesRepository,
  ) {}

  /** A data version of `collect(meetingId)`, computed in SQL. */
  version(meetingId: string): Promise<string> {
    return this.meetings.reportDataVersion(meetingId);
  }

  async collect(meetingId: string): Promise<MeetingReportData> {
    const meeting = found(await this.meetings.findMeeting(meetingId), GovernanceErrorCode.MeetingNotFound, meetingId);
    const body = (await this.bodies.findBody(meeting.bodyId))!;
    const [agenda, holders, attendance, decisions, minutes] = await Promise.all([
      this.meetings.agendaOf([meetingId]),
      this.bodies.seatHoldersOn(meeting.bodyId, parisDay(meeting.startsAt)),
      this.meetings.attendanceByMeeting([meetingId]),
      this.meetings.decisionsOf(meetingId),
      this.minutes.find(meetingId),
    ]);
    const statuses = attendance.get(meetingId) ?? new Map<string, AttendanceStatus>();
    const rank = (c: College) => COLLEGES.indexOf(c);
    return {
      body: { name: body.name, kind: body.kind },
      meeting: {
        id: meeting.id,
        startsAt: new Date(meeting.startsAt).toISOString(),
        place: meeting.place,
        videoUrl: meeting.videoUrl,
        seatsTotal: meeting.seatsTotal,
        seatsPresent: meeting.seatsPresent,
        quorumReached: meeting.quorumReached,
      },
      agenda: agenda.map((a) => a.title),
      seats: holders
        .map((h) => ({
          college: h.college,
          label: h.label,
          member: h.memberName,
          memberStatus: statuses.get(h.memberId) ?? null,
          alternate: h.alternateName,
          alternateStatus: h.alternateMemberId ? (statuses.get(h.alternateMemberId) ?? null) : null,
        }))
        .sort((a, b) => rank(a.college) - rank(b.college)),
      decisions: decisions.map((d) => {
        const { createdAt: _createdAt, ...rest } = toDecisionDto(d, agenda);
        return rest;
      }),
      minutes: minutes ? { status: minutes.status, content: minutes.content, version: minutes.version } : null,
    };
  }
}
