import { Injectable, Logger } from '@nestjs/common';
import { ContractsService } from '@app/contracts';
import { SYSTEM_ACTOR } from '@app/core';
import { UsersService } from '@app/identity';
import { ActionsService, RoadmapsService, type ActionStatus } from '@app/roadmap';
import { TerritoryService } from '@app/territory';
import { demoReferent } from './demo-referent';
import { DEMO_ACTION_PARTICIPATION } from './equity-data';

const actor = SYSTEM_ACTOR;

/** The 2022 roadmap as the mission presented it (../shared/reference), with actions in every state. */
const ROADMAP_2022_AXES = [
  { code: 'PE', label: 'Prévention primaire en petite enfance' },
  { code: 'SMJ', label: 'Santé mentale des jeunes après la crise sanitaire' },
  { code: 'SF', label: 'Santé des femmes après la crise' },
  { code: 'AP', label: 'Approches populationnelles et ruptures de parcours' },
];

const ACTIONS: {
  axis: string;
  title: string;
  pilot: string;
  departments: string[];
  updates: { by: string; status: ActionStatus; progress: number; comment: string }[];
}[] = [
  {
    axis: 'PE',
    title: 'Repérage précoce des vulnérabilités en maternité',
    pilot: 'Réseau périnatalité Occitanie',
    departments: ['31'],
    updates: [{ by: '31', status: 'in_progress', progress: 40, comment: 'Deux maternités engagées' }],
  },
  {
    axis: 'PE',
    title: 'Visites à domicile des familles en grande précarité',
    pilot: 'PMI de l’Hérault',
    departments: ['34'],
    updates: [
      { by: '34', status: 'in_progress', progress: 25, comment: 'Recrutement des puéricultrices' },
      { by: '34', status: 'in_progress', progress: 55, comment: '120 familles suivies' },
    ],
  },
  {
    axis: 'SMJ',
    title: 'Premiers secours en santé mentale pour les étudiants',
    pilot: 'Université de Toulouse',
    departments: ['31'],
    updates: [{ by: '31', status: 'done', progress: 100, comment: '600 étudiants formés' }],
  },
  {
    axis: 'SMJ',
    title: 'Maisons des adolescents : consultations avancées rurales',
    pilot: 'MDA de l’Aveyron',
    departments: ['12', '46'],
    updates: [],
  },
  {
    axis: 'SF',
    title: 'Dépistage des cancers féminins dans les quartiers prioritaires',
    pilot: 'CRCDC Occitanie',
    departments: ['34', '30'],
    updates: [{ by: '34', status: 'blocked', progress: 10, comment: 'Médiatrice en santé non remplacée' }],
  },
  {
    axis: 'SF',
    title: 'Accès à la contraception des femmes isolées',
    pilot: 'Planning familial 31',
    departments: ['31'],
    updates: [{ by: '31', status: 'in_progress', progress: 60, comment: 'Permanences ouvertes à Muret' }],
  },
  {
    axis: 'AP',
    title: '« Aller vers » les personnes âgées isolées',
    pilot: 'Mission ISS',
    departments: [],
    updates: [],
  },
  {
    axis: 'AP',
    title: 'Continuité des parcours à la sortie de prison',
    pilot: 'DISP de Toulouse',
    departments: ['31', '34', '66'],
    updates: [{ by: '66', status: 'in_progress', progress: 20, comment: 'Convention signée avec le SPIP' }],
  },
];

/** Contracts over real EPCIs, signed until about 38 % of the population is covered (the 2022 figure). */
const SIGNED = 28;
const IN_PREPARATION = 14;
const TARGET_RATE = 0.38;

@Injectable()
export class RoadmapContractsSeeder {
  private readonly logger = new Logger(RoadmapContractsSeeder.name);

  constructor(
    private readonly roadmap: RoadmapsService,
    private readonly actions: ActionsService,
    private readonly contracts: ContractsService,
    private readonly territory: TerritoryService,
    private readonly users: UsersService,
  ) {}

  async seed(): Promise<void> {
    if ((await this.actions.listActions(actor, { limit: 1, offset: 0 })).total > 0) return;
    await this.seedRoadmap();
    await this.seedContracts();
  }

  private async seedRoadmap(): Promise<void> {
    await this.roadmap.create(actor, { year: 2022, axes: ROADMAP_2022_AXES });
    for (const a of ACTIONS) {
      const action = await this.actions.addAction(actor, 2022, {
        axisCode: a.axis,
        title: a.title,
        pilot: a.pilot,
        departmentCodes: a.departments,
        participation: DEMO_ACTION_PARTICIPATION[a.title] ?? 'none',
      });
      let version = action.version;
      for (const u of a.updates) {
        const updated = await this.actions.updateAction(await demoReferent(this.users, u.by), action.id, {
          version,
          status: u.status,
          progressPercent: u.progress,
          comment: u.comment,
        });
        version = updated.version;
      }
    }
  }

  /**
   * Signed: the largest EPCIs that, with the smallest ones completing the 28, stay within 38 % of the
   * region; in preparation: the next 14 by size. Deterministic, so the demo is the same everywhere.
   */
  private async seedContracts(): Promise<void> {
    const region = await this.territory.regionPopulation();
    const populationOf = (e: { communes: { population: number }[] }) =>
      e.communes.reduce((s, c) => s + c.population, 0);
    const epcis = (await this.territory.epcis())
      .filter((e) => e.communes.length > 1)
      .sort((a, b) => populationOf(b) - populationOf(a) || a.siren.localeCompare(b.siren));
    const smallest = (n: number) => epcis.slice(epcis.length - n);
    const sum = (list: typeof epcis) => list.reduce((s, e) => s + populationOf(e), 0);
    let large = 0;
    while (large < SIGNED && sum(epcis.slice(0, large + 1)) + sum(smallest(SIGNED - large - 1)) <= TARGET_RATE * region)
      large += 1;
    const signed = [...epcis.slice(0, large), ...smallest(SIGNED - large)];
    const preparing = epcis.slice(large, large + IN_PREPARATION);
    for (const [i, epci] of [...signed, ...preparing].entries()) {
      const isSigned = i < signed.length;
      await this.contracts.create(actor, {
        name: `CLS ${epci.name}`,
        departmentCode: epci.communes[0].departmentCode,
        status: isSigned ? 'signed' : 'in_preparation',
        signedOn: isSigned ? `${2018 + (i % 5)}-0${1 + (i % 9)}-15` : undefined,
        endsOn: isSigned ? `${2023 + (i % 5)}-12-31` : undefined,
        territories: epci.communes.map(({ inseeCode, name, population }) => ({ inseeCode, name, population })),
      });
    }
    this.logger.log(
      `demo contracts: ${signed.length} signed, ${preparing.length} in preparation, ${((100 * sum(signed)) / region).toFixed(1)} % covered`,
    );
  }
}
