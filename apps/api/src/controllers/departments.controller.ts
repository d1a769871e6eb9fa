import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import { DepartmentDirectoryService, DepartmentListDto } from '@app/identity';
import { CurrentActor } from '../auth/current-actor.decorator';

@ApiTags('territory')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly directory: DepartmentDirectoryService) {}

  /** The 13 departments of Occitanie with their referents (an empty list is a vacancy), ordered by code. */
  @Get()
  @ApiOkResponse({ type: DepartmentListDto })
  listDepartments(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<DepartmentListDto> {
    return this.directory.page(actor, page);
  }
}
