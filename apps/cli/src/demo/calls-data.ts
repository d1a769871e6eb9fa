import type { HolderKind, ProjectStatus } from '@app/calls';

/**
 * The 2021 AMI as the mission reported it (../shared/reference): 1.7 M€ from the FIR for 16 projects
 * over four axes (3, 4 + a regional resource centre, 7 and 6 territories of intervention); and a 2023
 * call still under instruction. Holders are kinds of organisations found in Occitanie; no person is named.
 */
export interface DemoProject {
  axis: string;
  title: string;
  holder: string;
  kind: HolderKind;
  departments: string[];
  publics: string[];
  levers: number[];
  requestedEuros: number;
  grantEuros?: number;
  /** Share of the grant paid: 0.5 is the advance, 1 the advance and the balance. */
  paid?: number;
  status: ProjectStatus;
  comment?: string;
  opinions?: { department: string; opinion: 'favorable' | 'reserved' | 'unfavorable'; comment: string }[];
}

export const AMI_2021 = {
  title: 'AMI 2021 — Réduire les inégalités sociales de santé dans les territoires',
  year: 2021,
  fundingSource: 'FIR',
  envelopeEuros: 1_700_000,
  opensOn: '2021-03-15',
  closesOn: '2021-06-30',
  axes: [
    { code: 'A1', label: 'Santé environnementale et urbanisme favorable à la santé', envelopeEuros: 300_000 },
    { code: 'A2', label: 'Souffrance psychosociale et santé mentale', envelopeEuros: 450_000 },
    { code: 'A3', label: 'Accès aux professionnels de santé et non-recours aux soins', envelopeEuros: 550_000 },
    { code: 'A4', label: 'Compétences psychosociales et littératie en santé', envelopeEuros: 400_000 },
  ],
};

const p = (
  axis: string,
  title: string,
  holder: string,
  kind: HolderKind,
  departments: string[],
  publics: string[],
  levers: number[],
  grantEuros: number,
  paid: number,
  status: ProjectStatus = 'in_progress',
): DemoProject => ({
  axis,
  title,
  holder,
  kind,
  departments,
  publics,
  levers,
  requestedEuros: grantEuros,
  grantEuros,
  paid,
  status,
});

export const AMI_2021_PROJECTS: DemoProject[] = [
  p(
    'A1',
    'Habitat indigne : repérer et accompagner les ménages',
    'Régie de quartier du Mirail',
    'association',
    ['31'],
    ['people_in_precarity'],
    [1, 3],
    110_000,
    1,
    'closed',
  ),
  p(
    'A1',
    'Urbanisme favorable à la santé dans un quartier prioritaire',
    'Communauté d’agglomération du Grand Narbonne',
    'local_authority',
    ['11'],
    ['general_population'],
    [1],
    95_000,
    0.5,
  ),
  p(
    'A1',
    'Qualité de l’air intérieur chez les familles précaires',
    'Association Habitat et Santé Gard',
    'association',
    ['30'],
    ['early_childhood', 'people_in_precarity'],
    [1, 2],
    95_000,
    0.5,
  ),
  p(
    'A2',
    'Équipe mobile de soutien psychosocial en milieu rural',
    'Centre hospitalier de Rodez',
    'hospital',
    ['12'],
    ['rural_population'],
    [3],
    120_000,
    1,
    'closed',
  ),
  p(
    'A2',
    'Accueil écoute jeunes après la crise sanitaire',
    'Maison des adolescents de l’Hérault',
    'association',
    ['34'],
    ['young_people'],
    [2, 3],
    110_000,
    0.5,
  ),
  p(
    'A2',
    'Pair-aidance en santé mentale pour les personnes à la rue',
    'Association Solidarité Tarn',
    'association',
    ['81', '82'],
    ['people_in_precarity'],
    [3],
    100_000,
    0.5,
  ),
  p(
    'A2',
    'Centre régional de ressources en santé mentale et précarité',
    'Groupement régional de coopération en santé mentale',
    'public_body',
    ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
    ['people_in_precarity'],
    [1],
    120_000,
    0.5,
  ),
  p(
    'A3',
    'Bus santé dans les villages du Gers',
    'Maison de santé pluriprofessionnelle de Mirande',
    'health_centre',
    ['32'],
    ['rural_population', 'older_people'],
    [3],
    120_000,
    1,
    'closed',
  ),
  p(
    'A3',
    'Médiation en santé pour les gens du voyage',
    'Association Médiation Santé Occitanie',
    'association',
    ['31', '09'],
    ['travellers_roma'],
    [3],
    115_000,
    0.5,
  ),
  p(
    'A3',
    'Lutter contre le non-recours aux droits de santé',
    'CCAS de Perpignan',
    'local_authority',
    ['66'],
    ['people_in_precarity'],
    [1, 3],
    100_000,
    0.5,
  ),
  p(
    'A3',
    'Consultations avancées en Lozère',
    'Centre hospitalier de Mende',
    'hospital',
    ['48'],
    ['rural_population'],
    [3],
    110_000,
    0.5,
  ),
  p(
    'A3',
    'Accès aux soins des personnes exilées',
    'Association Accueil Santé Exil',
    'association',
    ['34', '65'],
    ['people_with_migration_background'],
    [3],
    105_000,
    0.5,
  ),
  p(
    'A4',
    'Compétences psychosociales dès l’école maternelle',
    'Instance régionale d’éducation et de promotion de la santé',
    'association',
    ['46', '82'],
    ['early_childhood'],
    [2],
    110_000,
    1,
    'closed',
  ),
  p(
    'A4',
    'Littératie en santé des femmes isolées',
    'Centre social du Lot',
    'association',
    ['46'],
    ['women'],
    [2, 3],
    90_000,
    0.5,
  ),
  p(
    'A4',
    'Ateliers santé des jeunes en insertion',
    'Mission locale des Hautes-Pyrénées',
    'association',
    ['65', '66'],
    ['young_people'],
    [1, 2],
    100_000,
    0.5,
  ),
  p(
    'A4',
    'Parents et enfants : renforcer les compétences psychosociales',
    'Caisse d’allocations familiales du Tarn',
    'public_body',
    ['81'],
    ['early_childhood'],
    [2],
    100_000,
    0.5,
  ),
];

export const CALL_2023 = {
  title: 'AMI 2023 — Aller vers et littératie en santé',
  year: 2023,
  fundingSource: 'FIR',
  envelopeEuros: 1_200_000,
  opensOn: '2023-02-01',
  closesOn: '2023-04-30',
  axes: [
    { code: 'AV', label: '« Aller vers » les publics éloignés du soin' },
    { code: 'LS', label: 'Littératie en santé et compétences psychosociales' },
  ],
};

const a = (
  axis: string,
  title: string,
  holder: string,
  kind: HolderKind,
  departments: string[],
  publics: string[],
  requestedEuros: number,
  status: ProjectStatus,
  extra: Partial<DemoProject> = {},
): DemoProject => ({ axis, title, holder, kind, departments, publics, levers: [3], requestedEuros, status, ...extra });

export const CALL_2023_APPLICATIONS: DemoProject[] = [
  a(
    'AV',
    'Camion santé dans les quartiers nord de Toulouse',
    'Association Santé Quartiers Nord',
    'association',
    ['31'],
    ['people_in_precarity'],
    85_000,
    'under_review',
    {
      opinions: [
        {
          department: '31',
          opinion: 'favorable',
          comment: 'Projet attendu par les acteurs du quartier, partenariats solides.',
        },
      ],
    },
  ),
  a(
    'AV',
    'Maraudes santé à Montpellier',
    'Collectif Rue Santé 34',
    'association',
    ['34'],
    ['people_in_precarity'],
    70_000,
    'under_review',
    {
      opinions: [
        { department: '34', opinion: 'reserved', comment: 'Intérêt certain ; articulation avec le SIAO à préciser.' },
      ],
    },
  ),
  a(
    'AV',
    'Dépistage itinérant en zone de montagne',
    'Centre hospitalier de Lannemezan',
    'hospital',
    ['65', '09'],
    ['rural_population'],
    95_000,
    'submitted',
  ),
  a(
    'LS',
    'Ateliers littératie dans les médiathèques',
    'Communauté de communes du Grand Figeac',
    'local_authority',
    ['46'],
    ['general_population'],
    40_000,
    'returned_for_changes',
    {
      comment: 'Budget à détailler par atelier et indicateurs de suivi à préciser.',
    },
  ),
  a(
    'LS',
    'Programme parentalité et écrans',
    'Association Familles 31-34',
    'association',
    ['31', '34'],
    ['early_childhood'],
    60_000,
    'selected',
    {
      opinions: [
        { department: '31', opinion: 'favorable', comment: 'Bonne couverture des quartiers prioritaires.' },
        { department: '34', opinion: 'favorable', comment: 'Partenaires locaux mobilisés.' },
      ],
    },
  ),
  a(
    'LS',
    'Formation d’ambassadeurs santé',
    'Association Santé Partagée Aude',
    'association',
    ['11'],
    ['young_people'],
    55_000,
    'rejected',
    {
      comment: 'Projet hors périmètre de l’appel : pas d’action directe auprès des publics.',
    },
  ),
  a(
    'AV',
    'Permanences d’accès aux soins en gare',
    'Association Gares Solidaires',
    'association',
    ['30'],
    ['people_in_precarity'],
    50_000,
    'withdrawn',
  ),
  a(
    'LS',
    'Jeunes et santé mentale : ateliers pairs',
    'Maison des adolescents du Gard',
    'association',
    ['30'],
    ['young_people'],
    65_000,
    'draft',
  ),
];
