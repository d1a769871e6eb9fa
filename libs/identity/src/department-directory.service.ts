import { Injectable } from '@nestjs/common';
import { Actor, Page, PageQueryDto } from '@app/core';
import { TerritoryService } from '@app/territory';
import { DepartmentDirectoryEntryDto } from './dto/department.dto';
import { identityPolicy } from './identity.policy';
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

  /** Changes whenever `list()` would return other data: the departments' version and the referents'. */
  async version(): Promise<string> {
    const [departments, referents] = await Promise.all([
      this.territory.departmentsVersion(),
      this.users.referentsVersion(),
    ]);
    return `${departments}/${referents}`;
  }

  async page(actor: Actor, page: PageQueryDto): Promise<Page<DepartmentDirectoryEntryDto>> {
    identityPolicy.assert(actor, 'readDirectory');
    const all = await this.list();
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }
}
