import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DomainError, found, Page, PageQueryDto } from '@app/core';
import { ActionDto, ActionsService, CreateActionSheetDto } from '@app/roadmap';
import { CommuneDto, EpciDto, ReferenceCommune, TerritorySearchQueryDto, TerritoryService } from '@app/territory';
import {
  assertMayCoverDepartments,
  assertMayReadContracts,
  assertMayWriteContract,
  contractAbilities,
  contractsPolicy,
} from './contracts.policy';
import { ContractRow, ContractsRepository } from './contracts.repository';
import { rate } from './coverage-rate';
import {
  ContractDto,
  ContractQueryDto,
  ContractSummaryDto,
  CoverageDto,
  CreateContractDto,
  TerritoryInputDto,
  UpdateContractDto,
} from './dto/contract.dto';
import { ContractsErrorCode } from './contracts.errors';

/** The contract as stored: what the audit trail records, without what the caller may do with it. */
type ContractView = ContractRow & Pick<ContractDto, 'territories'>;

/** Local health contracts (CLS) and the region's population coverage. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly actions: ActionsService,
  ) {}

  /**
   * The mission, or a referent for its own departments. The communes are the reference data's: a
   * code that is not a commune of Occitanie → 400; a referent may only put communes of its own
   * departments (403); the posted names and populations are ignored.
   */
  async create(actor: Actor, dto: CreateContractDto): Promise<ContractDto> {
    assertMayWriteContract(actor, dto.departmentCode);
    await this.territory.assertDepartmentsExist('departmentCode', [dto.departmentCode]);
    assertDatesInOrder(dto.signedOn, dto.endsOn);
    const communes = await this.communesOf(actor, dto.territories, dto.epciSirens);
    const created = await this.audit.write(actor, async (tx) => {
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
    return forCaller(actor, created);
  }

  /**
   * Changes a contract at the version read (stale → 409); a referent, for its departments only.
   * `territories` (with `epciSirens`), when sent, replace its communes, under the rules of creation.
   */
  async update(actor: Actor, id: string, dto: UpdateContractDto): Promise<ContractDto> {
    contractsPolicy.assert(actor, 'write');
    const before = await this.existing(id);
    assertMayWriteContract(actor, before.departmentCode);
    assertDatesInOrder(dto.signedOn ?? before.signedOn, dto.endsOn ?? before.endsOn);
    if (dto.epciSirens && !dto.territories)
      throw DomainError.invalid(ContractsErrorCode.ContractTerritoriesMissing, 'territories: required with epciSirens');
    const communes = dto.territories && (await this.communesOf(actor, dto.territories, dto.epciSirens));
    const updated = await this.audit.write(actor, async (tx) => {
      const { version, territories: _territories, epciSirens: _epciSirens, ...fields } = dto;
      if (!(await this.contracts.update(tx, id, version, fields)))
        throw DomainError.staleVersion(ContractsErrorCode.LocalHealthContractStaleVersion);
      if (communes)
        await this.contracts.replaceTerritories(
          tx,
          id,
          communes.map((c) => c.inseeCode),
        );
      const after = { ...(await this.contracts.find(id, tx))!, territories: await this.contracts.territories(id, tx) };
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
    return forCaller(actor, updated);
  }

  /**
   * The reference communes of a contract's territory: the INSEE codes posted (each once, 400 when
   * repeated or not a commune of the region) and the members of the EPCIs named; a referent may only
   * put communes of its own departments (403).
   */
  private async communesOf(
    actor: Actor,
    territories: readonly TerritoryInputDto[],
    epciSirens: readonly string[] | undefined,
  ): Promise<ReferenceCommune[]> {
    const codes = territories.map((t) => t.inseeCode);
    const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
    if (repeated)
      throw DomainError.invalid(
        ContractsErrorCode.ContractTerritoryRepeated,
        `territories: commune ${repeated} is listed twice`,
      );
    const communes = await this.territory.referenceCommunes(
      'territories',
      await this.withEpciCommunes(codes, epciSirens),
    );
    assertMayCoverDepartments(actor, [...new Set(communes.map((c) => c.departmentCode))]);
    return communes;
  }

  /** The INSEE codes posted, plus the member communes of the EPCIs named (each once). */
  private async withEpciCommunes(posted: string[], epciSirens: readonly string[] | undefined): Promise<string[]> {
    if (!epciSirens?.length) return posted;
    const epcis = (await this.territory.epcis()).filter((e) => epciSirens.includes(e.siren));
    const unknown = epciSirens.filter((s) => !epcis.some((e) => e.siren === s));
    if (unknown.length > 0)
      throw DomainError.invalid(
        ContractsErrorCode.ContractUnknownEpci,
        `epciSirens: unknown EPCI ${unknown.join(', ')}`,
      );
    return [...new Set([...posted, ...epcis.flatMap((e) => e.communes.map((c) => c.inseeCode))])];
  }

  /** The reference communes, to pick a contract's territory: for whoever reads the contracts. */
  async searchCommunes(actor: Actor, query: TerritorySearchQueryDto): Promise<Page<CommuneDto>> {
    assertMayReadContracts(actor);
    return this.territory.searchCommunes(query);
  }

  /** The reference EPCIs, to add their member communes to a contract: for whoever reads the contracts. */
  async searchEpcis(actor: Actor, query: TerritorySearchQueryDto): Promise<Page<EpciDto>> {
    assertMayReadContracts(actor);
    return this.territory.searchEpcis(query);
  }

  /** An action sheet of the contract (same shape as roadmap actions); departments default to the contract's. */
  async addActionSheet(actor: Actor, id: string, dto: CreateActionSheetDto): Promise<ActionDto> {
    contractsPolicy.assert(actor, 'write');
    const contract = await this.existingRow(id);
    assertMayWriteContract(actor, contract.departmentCode);
    const departmentCodes = dto.departmentCodes.length > 0 ? dto.departmentCodes : [contract.departmentCode];
    return this.actions.addContractActionSheet(actor, contract, { ...dto, departmentCodes });
  }

  async actionSheets(actor: Actor, id: string, page: PageQueryDto): Promise<Page<ActionDto>> {
    assertMayReadContracts(actor);
    await this.existingRow(id);
    return this.actions.listActions(actor, { contractId: id, limit: page.limit, offset: page.offset });
  }

  /** Everyone signed in but commission members reads the contracts (a referent filters on its departments). */
  async list(actor: Actor, query: ContractQueryDto): Promise<Page<ContractSummaryDto>> {
    assertMayReadContracts(actor);
    const [items, total] = await this.contracts.list(query);
    return { items: items.map((c) => forCaller(actor, c)), total };
  }

  async get(actor: Actor, id: string): Promise<ContractDto> {
    assertMayReadContracts(actor);
    return forCaller(actor, await this.existing(id));
  }

  /** The contract and its communes, as stored. */
  private async existing(id: string): Promise<ContractView> {
    return { ...(await this.existingRow(id)), territories: await this.contracts.territories(id) };
  }

  private async existingRow(id: string): Promise<ContractRow> {
    return found(await this.contracts.find(id), ContractsErrorCode.LocalHealthContractNotFound, id);
  }

  /** The communes signed contracts cover, each once (INSEE codes): for equity's coverage by quintile; unchecked. */
  /** A data version of `signedCommuneCodes()`, computed in SQL. */
  signedCommunesVersion(): Promise<string> {
    return this.contracts.coveredCommunesVersion(['signed']);
  }

  signedCommuneCodes(): Promise<string[]> {
    return this.contracts.coveredCommunes(['signed']);
  }

  async coverage(actor: Actor): Promise<CoverageDto> {
    assertMayReadContracts(actor);
    const [
      { covered, signed, inPreparation },
      regionPopulation,
      departments,
      signedByDepartment,
      widerByDepartment,
      countsByDepartment,
    ] = await Promise.all([
      this.contracts.coverage(),
      this.territory.regionPopulation(),
      this.territory.departments(),
      this.contracts.coveredByDepartment(['signed']),
      this.contracts.coveredByDepartment(['signed', 'in_preparation']),
      this.contracts.countsByDepartment(),
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
        const counts = countsByDepartment.get(d.code);
        return {
          code: d.code,
          name: d.name,
          population: d.population,
          coveredPopulation,
          coverageRate: rate(coveredPopulation, d.population),
          signed: counts?.signed ?? 0,
          inPreparation: counts?.in_preparation ?? 0,
        };
      }),
    };
  }
}

/** 400 when the contract would end before it is signed. */
function assertDatesInOrder(signedOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (signedOn && endsOn && endsOn < signedOn)
    throw DomainError.invalid(ContractsErrorCode.ContractDates, 'endsOn: before signedOn');
}

const forCaller = <C extends { departmentCode: string }>(actor: Actor, contract: C) => ({
  ...contract,
  ...contractAbilities(actor, contract),
});
