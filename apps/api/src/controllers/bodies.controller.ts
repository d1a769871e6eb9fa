import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  BodiesService,
  BodyDetailDto,
  BodyDto,
  BodyPageDto,
  CreateBodyDto,
  CreateMemberDto,
  CreatePositionDto,
  CreateSeatDto,
  EndMandateDto,
  EndPositionDto,
  MandateInputDto,
  MemberDto,
  MemberPageDto,
  ParticipationDto,
  PositionDto,
  PositionsService,
  SeatDto,
} from '@app/governance';
import { CurrentActor } from '../auth/current-actor.decorator';

@ApiTags('governance')
@ApiBearerAuth()
@Controller()
export class BodiesController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly positions: PositionsService,
  ) {}

  /** Create a governance body. */
  @Post('bodies')
  @ApiCreatedResponse({ type: BodyDto })
  createBody(@CurrentActor() actor: Actor, @Body() dto: CreateBodyDto): Promise<BodyDto> {
    return this.bodies.createBody(actor, dto);
  }

  /** List governance bodies. */
  @Get('bodies')
  @ApiOkResponse({ type: BodyPageDto })
  listBodies(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<BodyPageDto> {
    return this.bodies.listBodies(actor, page);
  }

  /** The body with its seats (current holder, vacancy, mandate history) and positions. */
  @Get('bodies/:id')
  @ApiOkResponse({ type: BodyDetailDto })
  getBody(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<BodyDetailDto> {
    return this.bodies.getBody(actor, id);
  }

  /** Seats filled and vacant per college, and attendance over the last 12 months. */
  @Get('bodies/:id/participation')
  @ApiOkResponse({ type: ParticipationDto })
  getBodyParticipation(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ParticipationDto> {
    return this.bodies.participation(actor, id);
  }

  /** Add a seat to a body. */
  @Post('bodies/:id/seats')
  @ApiCreatedResponse({ type: SeatDto })
  addSeat(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateSeatDto,
  ): Promise<SeatDto> {
    return this.bodies.addSeat(actor, id, dto);
  }

  /** Give a position (president, vice-president, secretary) in a body. */
  @Post('bodies/:id/positions')
  @ApiCreatedResponse({ type: PositionDto })
  addPosition(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreatePositionDto,
  ): Promise<PositionDto> {
    return this.positions.add(actor, id, dto);
  }

  /** Ends an office at its last day; the body keeps it among its past offices. */
  @Post('positions/:id/end')
  @ApiCreatedResponse({ type: PositionDto })
  endPosition(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: EndPositionDto,
  ): Promise<PositionDto> {
    return this.positions.end(actor, id, dto);
  }

  /** A seat with its mandates. */
  @Get('seats/:id')
  @ApiOkResponse({ type: SeatDto })
  getSeat(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<SeatDto> {
    return this.bodies.getSeat(actor, id);
  }

  /** Ends the mandate in force; the seat shows vacant and keeps the mandate in its history. */
  @Post('seats/:id/end-mandate')
  @ApiCreatedResponse({ type: SeatDto })
  endMandate(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: EndMandateDto,
  ): Promise<SeatDto> {
    return this.bodies.endMandate(actor, id, dto);
  }

  /** Start a mandate on a seat. */
  @Post('seats/:id/mandates')
  @ApiCreatedResponse({ type: SeatDto })
  addMandate(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: MandateInputDto,
  ): Promise<SeatDto> {
    return this.bodies.addMandate(actor, id, dto);
  }

  /** Create a commission member. */
  @Post('members')
  @ApiCreatedResponse({ type: MemberDto })
  createMember(@CurrentActor() actor: Actor, @Body() dto: CreateMemberDto): Promise<MemberDto> {
    return this.bodies.createMember(actor, dto);
  }

  /** List commission members. */
  @Get('members')
  @ApiOkResponse({ type: MemberPageDto })
  listMembers(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<MemberPageDto> {
    return this.bodies.listMembers(actor, page);
  }

  /** A commission member. */
  @Get('members/:id')
  @ApiOkResponse({ type: MemberDto })
  getMember(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<MemberDto> {
    return this.bodies.getMember(actor, id);
  }
}
