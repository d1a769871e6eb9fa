import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@app/core';
import { IndicatorsService } from '@app/equity';
import { TerritoryService } from '@app/territory';
import { DEMO_DEPRIVATION_INDEX, DEMO_POVERTY_RATE } from './equity-data';

const actor = SYSTEM_ACTOR;

/**
 * Two demonstration indicators, loaded through the same CSV import as real files: a poverty rate by
 * department (for the funding figures) and a deprivation index by EPCI (for the contracts' coverage).
 */
@Injectable()
export class EquitySeeder {
  private readonly logger = new Logger(EquitySeeder.name);

  constructor(
    private readonly indicators: IndicatorsService,
    private readonly territory: TerritoryService,
  ) {}

  async seed(): Promise<void> {
    if ((await this.indicators.list(actor, { limit: 1, offset: 0 })).total > 0) return;
    const { values, ...poverty } = DEMO_POVERTY_RATE;
    await this.load(poverty, values);
    await this.load(DEMO_DEPRIVATION_INDEX, await this.epciIndex(values));
    this.logger.log('demo indicators: poverty rate by department, deprivation index by EPCI');
  }

  private async load(
    indicator: Parameters<IndicatorsService['create']>[1],
    values: Record<string, number>,
  ): Promise<void> {
    await this.indicators.create(actor, indicator);
    // Written as observatories publish them: `;` and a decimal comma.
    const csv = ['code;valeur', ...Object.entries(values).map(([code, v]) => `${code};${String(v).replace('.', ',')}`)];
    await this.indicators.importValues(actor, indicator.code, `${csv.join('\n')}\n`);
  }

  /**
   * Each EPCI's index: its department's poverty rate centred on the region's (about 16 %), plus a
   * deterministic spread from its SIREN, so that EPCIs of one department differ as they do in reality.
   */
  private async epciIndex(poverty: Record<string, number>): Promise<Record<string, number>> {
    const communes = await this.territory.territoriesOf('commune');
    const departmentOf = new Map(communes.filter((c) => c.epciSiren).map((c) => [c.epciSiren!, c.departmentCode!]));
    const index: Record<string, number> = {};
    for (const [siren, department] of [...departmentOf].sort(([a], [b]) => a.localeCompare(b))) {
      const spread = (Number(siren.slice(-4)) % 41) / 10 - 2;
      index[siren] = Math.round(((poverty[department] - 16) / 2 + spread) * 100) / 100;
    }
    return index;
  }
}
