import type { DecisionFacts } from '@app/core/decisions/decision-links';
import { DomainError } from '@app/core/errors/domain-error';
import { RoadmapErrorCode } from './roadmap.errors';

/**
 * Why a decision of the commission cannot validate this roadmap, or null when it can: the plenary
 * assembly's adopted decision (more votes for than against) whose subject is this very roadmap.
 */
export function validationRefusal(decision: DecisionFacts | null, roadmapId: string): DomainError | null {
  if (!decision)
    return DomainError.invalid(
      RoadmapErrorCode.RoadmapDecisionUnknown,
      'decisionId: no such decision of the commission',
    );
  if (decision.subjectType !== 'roadmap' || decision.subjectId !== roadmapId)
    return DomainError.conflict(
      RoadmapErrorCode.RoadmapDecisionOtherSubject,
      'This decision is not about the validation of this roadmap',
      { subjectType: decision.subjectType, subjectId: decision.subjectId },
    );
  if (decision.bodyKind !== 'plenary')
    return DomainError.conflict(
      RoadmapErrorCode.RoadmapDecisionNotPlenary,
      `Only the plenary assembly validates the roadmap: this decision is a ${decision.bodyKind}'s`,
      { bodyKind: decision.bodyKind },
    );
  if (!decision.adopted)
    return DomainError.conflict(
      RoadmapErrorCode.RoadmapDecisionNotAdopted,
      `This decision was not adopted (${decision.votesFor} for, ${decision.votesAgainst} against)`,
      { votesFor: decision.votesFor, votesAgainst: decision.votesAgainst },
    );
  return null;
}
