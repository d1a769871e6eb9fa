/** Equity analytics (DESIGN.md, "Equity"): indicator levels and the participation of the people concerned. */
export const INDICATOR_LEVELS = ['department', 'epci', 'commune'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

export const INDICATOR_LEVEL_LABELS: Record<IndicatorLevel, string> = {
  department: 'Département',
  epci: 'EPCI',
  commune: 'Commune',
};

/** How far the people concerned take part in a project or an action ("rien sur nous sans nous"). */
export const PARTICIPATION_LEVELS = ['none', 'informed', 'consulted', 'co_designed', 'co_led'] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

export const PARTICIPATION_LEVEL_LABELS: Record<ParticipationLevel, string> = {
  none: 'Pas de participation',
  informed: 'Personnes concernées informées',
  consulted: 'Personnes concernées consultées',
  co_designed: 'Co-construit avec les personnes concernées',
  co_led: 'Co-porté par les personnes concernées',
};
