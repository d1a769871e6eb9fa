import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, assertCsvSize, DomainError, found, Page, PageQueryDto } from '@app/core';
import { TerritoryService } from '@app/territory';
import type { IndicatorLevel } from '@app/vocabulary';
import { rollUp } from './equity-figures';
import { EquityErrorCode } from './equity.errors';
import { assertMayReadEquity, equityPolicy } from './equity.policy';
import {
  CreateTerritorialIndicatorDto,
  IndicatorImportDto,
  IndicatorImportResultDto,
  TerritorialIndicatorValueDto,
  TerritorialIndicatorDto,
  TerritorialIndicatorPageDto,
} from './dto/indicator.dto';
import { parseIndicatorCsv } from './indicator-values-csv';
import { IndicatorRow, IndicatorsRepository } from './indicators.repository';

/** A commune-level file of Occitanie (4,446 communes) with a few columns fits well within these. */
export const INDICATOR_CSV_LIMITS = { maxBytes: 2_097_152, maxRows: 40_000 };

/** An indicator's values at the level a figure needs, and whether they were rolled up from communes. */
export interface LevelValues {
  indicator: IndicatorRow;
  values: Map<string, number>;
  /** The level of the values: the indicator's own, or the one commune values were rolled up to. */
  at: IndicatorLevel;
  rolledUp: boolean;
}

/** The catalogue of territorial indicators and their values, loaded from CSV files (CONTRACT.md, "Equity"). */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  /** Admin and mission; an existing code → 409. */
  async create(actor: Actor, dto: CreateTerritorialIndicatorDto): Promise<TerritorialIndicatorDto> {
    equityPolicy.assert(actor, 'manageIndicators');
    const row: IndicatorRow = { ...dto, isRate: dto.isRate ?? false };
    await this.audit.write(actor, async (tx) => {
      if (!(await this.indicators.insert(tx, row)))
        throw DomainError.conflict(EquityErrorCode.IndicatorCodeTaken, `code: an indicator ${dto.code} already exists`);
      return {
        result: undefined,
        audit: { action: 'indicator.create', entityType: 'indicator', entityId: dto.code, after: row },
      };
    });
    return { ...row, valueCount: 0, lastImport: null, canImport: true };
  }

  async list(actor: Actor, page: PageQueryDto): Promise<TerritorialIndicatorPageDto> {
    assertMayReadEquity(actor);
    const [rows, total] = await this.indicators.list(page.limit, page.offset);
    const canImport = equityPolicy.allows(actor, 'manageIndicators');
    return { items: rows.map((r) => ({ ...r, canImport })), total, canCreate: canImport };
  }

  /**
   * Replaces all of the indicator's values with the file's, at once: the indicator row is locked, the old
   * values deleted and the new inserted in one transaction, with the import recorded. Any bad line → 400
   * naming each (`ligne N : …`, also listed in `details.lines`), and nothing is written.
   */
  async importValues(actor: Actor, code: string, csv: unknown): Promise<IndicatorImportResultDto> {
    equityPolicy.assert(actor, 'manageIndicators');
    const indicator = await this.existing(code);
    if (typeof csv !== 'string' || csv.length === 0)
      throw DomainError.invalid(EquityErrorCode.IndicatorValuesInvalid, 'body: send the values as a text/csv file');
    assertCsvSize('body', csv, INDICATOR_CSV_LIMITS);
    const codes = new Set((await this.territory.territoriesOf(indicator.level)).map((t) => t.code));
    const parsed = parseIndicatorCsv(csv, indicator.level, (c) => codes.has(c));
    if (parsed.errors)
      throw DomainError.invalid(EquityErrorCode.IndicatorValuesInvalid, parsed.errors.join('\n'), {
        lines: parsed.errors,
      });
    const fileSha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
    return this.audit.write(actor, async (tx) => {
      found(await this.indicators.lock(tx, code), EquityErrorCode.IndicatorNotFound, code);
      await this.indicators.replaceValues(tx, code, parsed.values);
      const entry = await this.indicators.recordImport(tx, {
        indicatorCode: code,
        importedBy: actor.id,
        fileSha256,
        rowCount: parsed.values.length,
      });
      return {
        result: { imported: parsed.values.length },
        audit: { action: 'indicator.import', entityType: 'indicator', entityId: code, after: entry },
      };
    });
  }

  /** The imports of an indicator, newest first. */
  async imports(actor: Actor, code: string, page: PageQueryDto): Promise<Page<IndicatorImportDto>> {
    assertMayReadEquity(actor);
    await this.existing(code);
    const [items, total] = await this.indicators.imports(code, page.limit, page.offset);
    return { items, total };
  }

  /** The values by territory code, with the reference data's names. */
  async values(actor: Actor, code: string, page: PageQueryDto): Promise<Page<TerritorialIndicatorValueDto>> {
    assertMayReadEquity(actor);
    const indicator = await this.existing(code);
    const [values, territories] = await Promise.all([
      this.indicators.values(code),
      this.territory.territoriesOf(indicator.level),
    ]);
    const all = territories
      .filter((t) => values.has(t.code))
      .map((t) => ({ code: t.code, name: t.name, value: values.get(t.code)! }));
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }

  /**
   * The indicator's values at `level`, as the figures use them: its own when it is published there; a
   * commune-level rate's rolled up by population-weighted mean to the EPCI or the department; otherwise
   * 400 (wrong level). Unknown indicator → 404.
   */
  /** A data version of the indicator and its values, computed in SQL. */
  version(code: string): Promise<string> {
    return this.indicators.version(code);
  }

  async valuesAt(code: string, levels: readonly IndicatorLevel[]): Promise<LevelValues> {
    const indicator = await this.existing(code);
    if (levels.includes(indicator.level))
      return { indicator, values: await this.indicators.values(code), at: indicator.level, rolledUp: false };
    const target = levels.find((l) => l !== 'commune');
    if (indicator.level === 'commune' && indicator.isRate && target) {
      const [values, communes] = await Promise.all([
        this.indicators.values(code),
        this.territory.territoriesOf('commune'),
      ]);
      const group = (c: (typeof communes)[number]) => (target === 'department' ? c.departmentCode : c.epciSiren);
      return {
        indicator,
        values: rollUp(
          communes.map((c) => ({ code: c.code, population: c.population, group: group(c) })),
          values,
        ),
        at: target,
        rolledUp: true,
      };
    }
    throw DomainError.invalid(
      EquityErrorCode.IndicatorWrongLevel,
      `indicator: ${code} is published by ${indicator.level}; this figure needs ${levels.join(' or ')}` +
        (indicator.level === 'commune' ? ' (a commune-level rate may be rolled up; this one is not a rate)' : ''),
    );
  }

  private async existing(code: string): Promise<IndicatorRow> {
    return found(await this.indicators.find(code), EquityErrorCode.IndicatorNotFound, code);
  }
}
