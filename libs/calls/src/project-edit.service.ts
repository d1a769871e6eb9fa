import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, centsFromDb, DomainError, found, Tx } from '@app/core';
import { TerritoryService } from '@app/territory';
import { EDITABLE_STATUSES } from './calls.constants';
import { CallsErrorCode } from './calls.errors';
import { callsPolicy } from './calls.policy';
import { declaredShares, sharesProblem } from './department-shares';
import type { DepartmentShareDto, ProjectDetailDto, UpdateProjectDto } from './dto/project.dto';
import { FollowUpRepository } from './follow-up.repository';
import { type DepartmentShareRow, type ProjectRow, ProjectsRepository } from './projects.repository';
import { ProjectsService, toProjectFacts } from './projects.service';

/**
 * What an edit may change (the fields of UpdateProjectDto), as its audit event records it before and
 * after, so that the trail shows the difference field by field.
 */
type Application = ReturnType<typeof toProjectFacts> & {
  communeCodes: string[];
  budgetLines: { label: string; amountCents: number }[];
  departmentShares: DepartmentShareDto[];
};

/** The application's own edit: while it is a draft or returned for changes, by those who enter applications. */
@Injectable()
export class ProjectEditService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly followUp: FollowUpRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly reader: ProjectsService,
  ) {}

  /**
   * 403 outside the regional team (before anything is read), 409 once the project is in instruction
   * or decided and at a stale version, 400 for shares that do not fit its departments; lists are
   * replaced whole, what is left out stays.
   */
  async update(actor: Actor, id: string, dto: UpdateProjectDto): Promise<ProjectDetailDto> {
    callsPolicy.assert(actor, 'enter');
    await this.territory.assertDepartmentsExist('departmentCodes', dto.departmentCodes ?? []);
    await this.territory.assertCommunesExist('communeCodes', dto.communeCodes ?? []);
    await this.audit.write(actor, async (tx) => {
      const row = found(await this.projects.lock(tx, id), CallsErrorCode.ProjectNotFound, id);
      if (!EDITABLE_STATUSES.includes(row.status)) {
        throw DomainError.conflict(
          CallsErrorCode.ProjectNotEditable,
          `A project ${row.status} is no longer edited (only while ${EDITABLE_STATUSES.join(', ')})`,
        );
      }
      if (dto.version !== row.version) throw DomainError.staleVersion(CallsErrorCode.ProjectStaleVersion);
      const current = await this.projects.departmentShares(id, tx);
      const departments = departmentsAfter(current, dto);
      const before = await this.application(tx, row, current);
      await this.write(tx, row, dto, departments);
      const after = await this.application(tx, (await this.projects.find(id, tx))!, departments);
      return {
        result: undefined,
        audit: { action: 'project.update', entityType: 'project', entityId: id, before, after },
      };
    });
    return this.reader.get(actor, id);
  }

  private async write(tx: Tx, row: ProjectRow, dto: UpdateProjectDto, departments: DepartmentShareRow[]) {
    const holder = dto.holder;
    const updated = await this.projects.updateApplication(tx, row.id, row.version, EDITABLE_STATUSES, {
      title: dto.title ?? row.title,
      summary: dto.summary === undefined ? row.summary : dto.summary || null,
      holderName: holder?.name ?? row.holderName,
      holderKind: holder?.kind ?? row.holderKind,
      holderSiret: holder ? (holder.siret ?? null) : row.holderSiret,
      targetPublics: dto.targetPublics ?? row.targetPublics,
      levers: dto.levers ? [...dto.levers].sort() : row.levers,
      requestedCents: dto.requestedCents ?? centsFromDb(row.requestedCents),
      participation: dto.participation ?? row.participation,
    });
    if (!updated) throw DomainError.staleVersion(CallsErrorCode.ProjectStaleVersion);
    await this.projects.replaceDepartments(tx, row.id, departments);
    if (dto.communeCodes) await this.projects.replaceCommunes(tx, row.id, [...dto.communeCodes].sort());
    if (dto.budgetLines) await this.followUp.replaceBudgetLines(tx, row.id, dto.budgetLines);
  }

  private async application(tx: Tx, row: ProjectRow, departments: DepartmentShareRow[]): Promise<Application> {
    const [communeCodes, budgetLines] = await Promise.all([
      this.projects.communes(row.id, tx),
      this.followUp.budgetLines(row.id, tx),
    ]);
    return {
      ...toProjectFacts(row),
      communeCodes,
      budgetLines: budgetLines.map((l) => ({ label: l.label, amountCents: centsFromDb(l.amountCents) })),
      departmentShares: declaredShares(departments),
    };
  }
}

/**
 * The departments after the edit and their shares: the ones sent (each department once, adding up to
 * 100 %), equal shares when null is sent or the departments change without shares, else as they were.
 */
function departmentsAfter(current: DepartmentShareRow[], dto: UpdateProjectDto): DepartmentShareRow[] {
  const currentCodes = current.map((d) => d.departmentCode);
  const codes = dto.departmentCodes ? [...dto.departmentCodes].sort() : currentCodes;
  const equal = codes.map((departmentCode) => ({ departmentCode, shareBp: null }));
  if (dto.departmentShares === null) return equal;
  if (dto.departmentShares === undefined) return codes.join() === currentCodes.join() ? current : equal;
  const problem = sharesProblem(codes, dto.departmentShares);
  if (problem) throw DomainError.invalid(CallsErrorCode.ProjectDepartmentShares, problem);
  const shares = new Map(dto.departmentShares.map((s) => [s.departmentCode, s.shareBp]));
  return codes.map((departmentCode) => ({ departmentCode, shareBp: shares.get(departmentCode)! }));
}
