/** The codes the equity lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const EquityErrorCode = {
  IndicatorNotFound: 'indicator.not_found',
  IndicatorCodeTaken: 'indicator.code_taken',
  IndicatorValuesInvalid: 'indicator.values_invalid',
  IndicatorWrongLevel: 'indicator.wrong_level',
  EquityScope: 'equity.scope',
} as const;

export type EquityErrorCode = (typeof EquityErrorCode)[keyof typeof EquityErrorCode];

/** What each refusal means, in the words of the screens. */
export const EQUITY_ERROR_TEXTS: Record<EquityErrorCode, string> = {
  'indicator.not_found': 'Indicateur inconnu',
  'indicator.code_taken': 'Un indicateur porte déjà ce code',
  'indicator.values_invalid': 'Le fichier de valeurs contient des lignes invalides : rien n’a été importé',
  'indicator.wrong_level': 'Cet indicateur n’est pas publié au niveau territorial que demande ce calcul',
  'equity.scope': 'Choisissez soit un appel, soit une année',
};
