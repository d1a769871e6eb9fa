import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto } from '@app/core';
import { TerritoryService } from '@app/territory';
import { DepartmentDirectoryEntryDto } from './dto/department.dto';
import { UsersService } from './users.service';

/** The referent network: each department with its referents; an empty list is a vacancy. */
@Injectable()
export class DepartmentDirectoryService {
  constructor(
    private readonly territory: TerritoryService,
    private readonly users: UsersService,
  ) {}

  async list(): Promise<DepartmentDirectoryEntryDto[]> {
    const [departments, referents] = await Promise.all([
      this.territory.departments(),
      this.users.referentsByDepartment(),
    ]);
    return departments.map((d) => ({ ...d, referents: referents.get(d.code) ?? [] }));
  }

  async page(page: PageQueryDto): Promise<Page<DepartmentDirectoryEntryDto>> {
    const all = await this.list();
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }
}
