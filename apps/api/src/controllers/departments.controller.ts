import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@app/core';
import { DepartmentDirectoryService, DepartmentListDto } from '@app/identity';

@ApiTags('territory')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly directory: DepartmentDirectoryService) {}

  /** The 13 departments of Occitanie with their referents (an empty list is a vacancy), ordered by code. */
  @Get()
  @ApiOkResponse({ type: DepartmentListDto })
  list(@Query() page: PageQueryDto): Promise<DepartmentListDto> {
    return this.directory.page(page);
  }
}
