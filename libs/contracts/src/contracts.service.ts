import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DomainError, Page, PageQueryDto } from '@app/core';
import { ActionDto, CreateActionSheetDto, RoadmapService } from '@app/roadmap';
import { assertCanAssignDepartments, assertDepartmentScope, assertInternalReader } from '@app/identity';
import { TerritoryService } from '@app/territory';
import { ContractsRepository } from './contracts.repository';
import { rate } from './coverage-rate';
import {
  ContractDto,
  ContractQueryDto,
  ContractSummaryDto,
  CoverageDto,
  CreateContractDto,
  UpdateContractDto,
} from './dto/contract.dto';
import { ContractsErrorCode } from './contracts.errors';

/** Local health contracts (CLS) and the region's population coverage. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly roadmap: RoadmapService,
  ) {}

  /**
   * The mission, or a referent for its own departments. The communes are the reference data's: a
   * code that is not a commune of Occitanie → 400; a referent may only put communes of its own
   * departments (403); the posted names and populations are ignored.
   */
  async create(actor: Actor, dto: CreateContractDto): Promise<ContractDto> {
    assertDepartmentScope(actor, [dto.departmentCode]);
    await this.territory.assertDepartmentsExist('departmentCode', [dto.departmentCode]);
    if (dto.signedOn && dto.endsOn && dto.endsOn < dto.signedOn)
      throw DomainError.invalid(ContractsErrorCode.ContractDates, 'endsOn: before signedOn');
    const codes = dto.territories.map((t) => t.inseeCode);
    const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
    if (repeated)
      throw DomainError.invalid(
        ContractsErrorCode.ContractTerritoryRepeated,
        `territories: commune ${repeated} is listed twice`,
      );
    const communes = await this.territory.referenceCommunes('territories', await this.withEpciCommunes(dto));
    const departments = [...new Set(communes.map((c) => c.departmentCode))];
    if (departments.length > 0) assertCanAssignDepartments(actor, 'territories', departments);
    return this.audit.write(actor, async (tx) => {
      const id = await this.contracts.insert(
        tx,
        // The repository writes only the contract's own columns from the DTO.
        { ...dto, signedOn: dto.signedOn ?? null, endsOn: dto.endsOn ?? null },
        communes.map((c) => c.inseeCode),
      );
      const contract = {
        ...(await this.contracts.find(id, tx))!,
        territories: await this.contracts.territories(id, tx),
      };
      return {
        result: contract,
        audit: {
          action: 'local_health_contract.create',
          entityType: 'local_health_contract',
          entityId: id,
          after: contract,
        },
      };
    });
  }

  /** Changes a contract at the version read (stale → 409); a referent, for its departments only. */
  async update(actor: Actor, id: string, dto: UpdateContractDto): Promise<ContractDto> {
    const before = await this.get(actor, id);
    assertDepartmentScope(actor, [before.departmentCode]);
    const signedOn = dto.signedOn ?? before.signedOn;
    const endsOn = dto.endsOn ?? before.endsOn;
    if (signedOn && endsOn && endsOn < signedOn)
      throw DomainError.invalid(ContractsErrorCode.ContractDates, 'endsOn: before signedOn');
    return this.audit.write(actor, async (tx) => {
      const { version, ...fields } = dto;
      if (!(await this.contracts.update(tx, id, version, fields)))
        throw DomainError.staleVersion(ContractsErrorCode.LocalHealthContractStaleVersion);
      const after = { ...(await this.contracts.find(id, tx))!, territories: before.territories };
      return {
        result: after,
        audit: {
          action: 'local_health_contract.update',
          entityType: 'local_health_contract',
          entityId: id,
          before,
          after,
        },
      };
    });
  }

  /** The INSEE codes posted, plus the member communes of the EPCIs named (each once). */
  private async withEpciCommunes(dto: CreateContractDto): Promise<string[]> {
    const posted = dto.territories.map((t) => t.inseeCode);
    if (!dto.epciSirens?.length) return posted;
    const epcis = (await this.territory.epcis()).filter((e) => dto.epciSirens!.includes(e.siren));
    const unknown = dto.epciSirens.filter((s) => !epcis.some((e) => e.siren === s));
    if (unknown.length > 0)
      throw DomainError.invalid(
        ContractsErrorCode.ContractUnknownEpci,
        `epciSirens: unknown EPCI ${unknown.join(', ')}`,
      );
    return [...new Set([...posted, ...epcis.flatMap((e) => e.communes.map((c) => c.inseeCode))])];
  }

  /** An action sheet of the contract (same shape as roadmap actions); departments default to the contract's. */
  async addActionSheet(actor: Actor, id: string, dto: CreateActionSheetDto): Promise<ActionDto> {
    const contract = await this.get(actor, id);
    assertDepartmentScope(actor, [contract.departmentCode]);
    const departmentCodes = dto.departmentCodes.length > 0 ? dto.departmentCodes : [contract.departmentCode];
    return this.roadmap.addContractActionSheet(actor, contract, { ...dto, departmentCodes });
  }

  async actionSheets(actor: Actor, id: string, page: PageQueryDto): Promise<Page<ActionDto>> {
    await this.get(actor, id);
    return this.roadmap.listActions(actor, { contractId: id, limit: page.limit, offset: page.offset });
  }

  /** Everyone signed in but commission members reads the contracts (a referent filters on its departments). */
  async list(actor: Actor, query: ContractQueryDto): Promise<Page<ContractSummaryDto>> {
    assertInternalReader(actor);
    const [items, total] = await this.contracts.list(query);
    return { items, total };
  }

  async get(actor: Actor, id: string): Promise<ContractDto> {
    assertInternalReader(actor);
    const contract = await this.contracts.find(id);
    if (!contract) throw DomainError.notFound(ContractsErrorCode.LocalHealthContractNotFound, id);
    return { ...contract, territories: await this.contracts.territories(id) };
  }

  async coverage(actor: Actor): Promise<CoverageDto> {
    assertInternalReader(actor);
    const [{ covered, signed, inPreparation }, regionPopulation, departments, signedByDepartment, widerByDepartment] =
      await Promise.all([
        this.contracts.coverage(),
        this.territory.regionPopulation(),
        this.territory.departments(),
        this.contracts.coveredByDepartment(['signed']),
        this.contracts.coveredByDepartment(['signed', 'in_preparation']),
      ]);
    const wider = [...widerByDepartment.values()].reduce((a, b) => a + b, 0);
    return {
      regionPopulation,
      coveredPopulation: covered,
      coverageRate: rate(covered, regionPopulation),
      signed,
      inPreparation,
      includingInPreparation: { coveredPopulation: wider, coverageRate: rate(wider, regionPopulation) },
      byDepartment: departments.map((d) => {
        const coveredPopulation = signedByDepartment.get(d.code) ?? 0;
        return {
          code: d.code,
          name: d.name,
          population: d.population,
          coveredPopulation,
          coverageRate: rate(coveredPopulation, d.population),
        };
      }),
    };
  }
}
