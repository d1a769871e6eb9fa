/** The codes the roadmap lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const RoadmapErrorCode = {
  ActionContractDepartment: 'action.contract_department',
  ActionDates: 'action.dates',
  ActionNotFound: 'action.not_found',
  ActionStaleVersion: 'action.stale_version',
  ActionUnknownIndicator: 'action.unknown_indicator',
  ActionsCsv: 'actions.csv',
  RoadmapAxisRepeated: 'roadmap.axis_repeated',
  RoadmapDecisionNotAdopted: 'roadmap.decision_not_adopted',
  RoadmapDecisionNotPlenary: 'roadmap.decision_not_plenary',
  RoadmapDecisionOtherSubject: 'roadmap.decision_other_subject',
  RoadmapDecisionRequired: 'roadmap.decision_required',
  RoadmapDecisionUnknown: 'roadmap.decision_unknown',
  RoadmapExists: 'roadmap.exists',
  RoadmapFrozen: 'roadmap.frozen',
  RoadmapNotFound: 'roadmap.not_found',
  RoadmapTransitionForbidden: 'roadmap.transition_forbidden',
  RoadmapUnknownAxis: 'roadmap.unknown_axis',
} as const;

export type RoadmapErrorCode = (typeof RoadmapErrorCode)[keyof typeof RoadmapErrorCode];
