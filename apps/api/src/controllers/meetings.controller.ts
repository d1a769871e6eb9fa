import { Body, Controller, Get, HttpCode, Param, ParseArrayPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/core';
import type { Actor } from '@app/core';
import {
  AttendanceEntryDto,
  AttendanceResultDto,
  CreateDecisionDto,
  CreateMeetingDto,
  DecisionDto,
  MeetingDetailDto,
  MeetingDto,
  MeetingPageDto,
  MeetingQueryDto,
  MeetingsService,
  MeetingTransitionDto,
  MoveMeetingDto,
  MinutesDto,
  MinutesService,
  WriteMinutesDto,
} from '@app/governance';
import { CurrentActor } from '../auth/current-actor.decorator';

const ATTENDANCE_ITEMS = new ParseArrayPipe({ items: AttendanceEntryDto, whitelist: true, forbidNonWhitelisted: true });

@ApiTags('governance')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly minutes: MinutesService,
  ) {}

  /** Schedule a meeting of a body. */
  @Post()
  @ApiCreatedResponse({ type: MeetingDto })
  createMeeting(@CurrentActor() actor: Actor, @Body() dto: CreateMeetingDto): Promise<MeetingDto> {
    return this.meetings.create(actor, dto);
  }

  /** List meetings. */
  @Get()
  @ApiOkResponse({ type: MeetingPageDto })
  listMeetings(@CurrentActor() actor: Actor, @Query() query: MeetingQueryDto): Promise<MeetingPageDto> {
    return this.meetings.list(actor, query);
  }

  /** A meeting with its attendance and decisions. */
  @Get(':id')
  @ApiOkResponse({ type: MeetingDetailDto })
  getMeeting(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<MeetingDetailDto> {
    return this.meetings.get(actor, id);
  }

  /** Moves a planned meeting (date, place, video link); once convened, its members get an update by e-mail. */
  @Patch(':id')
  @ApiOkResponse({ type: MeetingDto })
  moveMeeting(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: MoveMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.move(actor, id, dto);
  }

  /** Convenes a planned meeting: the convocation, with the agenda and the notice PDF, e-mailed to each member of the body. */
  @Post(':id/convene')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingDto })
  conveneMeeting(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<MeetingDto> {
    return this.meetings.convene(actor, id);
  }

  /** planned → held → closed. */
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingDto })
  transitionMeeting(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: MeetingTransitionDto,
  ): Promise<MeetingDto> {
    return this.meetings.transition(actor, id, dto.to);
  }

  /** Replaces the attendance sheet; answers with the quorum it gives. */
  @Put(':id/attendance')
  @ApiBody({ type: [AttendanceEntryDto] })
  @ApiOkResponse({ type: AttendanceResultDto })
  setAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(ATTENDANCE_ITEMS) entries: AttendanceEntryDto[],
  ): Promise<AttendanceResultDto> {
    return this.meetings.recordAttendance(actor, id, entries);
  }

  /** Record a decision of a meeting. */
  @Post(':id/decisions')
  @ApiCreatedResponse({ type: DecisionDto })
  recordDecision(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateDecisionDto,
  ): Promise<DecisionDto> {
    return this.meetings.addDecision(actor, id, dto);
  }

  /** Write the minutes of a meeting. */
  @Put(':id/minutes')
  @ApiOkResponse({ type: MinutesDto })
  writeMinutes(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: WriteMinutesDto,
  ): Promise<MinutesDto> {
    return this.minutes.write(actor, id, dto);
  }

  /** The minutes of a meeting. */
  @Get(':id/minutes')
  @ApiOkResponse({ type: MinutesDto })
  getMinutes(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<MinutesDto> {
    return this.minutes.get(actor, id);
  }

  /** Approve the minutes of a meeting. */
  @Post(':id/minutes/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: MinutesDto })
  approveMinutes(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<MinutesDto> {
    return this.minutes.approve(actor, id);
  }

  /** Publishes the minutes and queues their PDF for the members. */
  @Post(':id/minutes/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: MinutesDto })
  publishMinutes(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<MinutesDto> {
    return this.minutes.publish(actor, id);
  }
}
