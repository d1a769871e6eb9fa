import { Actor, definePolicy, DomainError } from '@app/core';
import { assertCanAssignDepartments, assertInternalReader, canActOnDepartments } from '@app/identity';
import { MISSION, ROADMAP_LIFECYCLE, type RoadmapStatus } from './roadmap.constants';

/**
 * Who may do what with the roadmap and its actions (DESIGN.md, "Roadmap"). Who moves the roadmap
 * from one status to another is its lifecycle's table (`ROADMAP_LIFECYCLE`).
 */
export const roadmapPolicy = definePolicy(
  {
    /** Create the year's roadmap, set its axes, add its actions, link actions to projects and contracts. */
    edit: MISSION,
    /** Update any action, region-wide ones included. */
    updateAnyAction: MISSION,
    /** Update the actions of one's own departments (`mayUpdateAction` checks which). */
    updateOwnActions: ['departmental_referent'],
  },
  {
    edit: 'Seule la mission édite la feuille de route',
    updateOwnActions: 'Votre rôle ne permet pas de mettre à jour les actions',
  },
);

/** The roadmap and its actions are the mission's working files: every role but commission members reads them (identity's rule). */
export function assertMayReadRoadmap(actor: Actor): void {
  assertInternalReader(actor);
}

/** Whether the actor's roles update some actions (which ones: `mayUpdateAction`). */
export function mayUpdateSomeAction(actor: Actor): boolean {
  return roadmapPolicy.allows(actor, 'updateAnyAction') || roadmapPolicy.allows(actor, 'updateOwnActions');
}

/** 403 for a role that never updates an action, before the action is read. */
export function assertMayUpdateSomeAction(actor: Actor): void {
  if (!mayUpdateSomeAction(actor)) roadmapPolicy.assert(actor, 'updateOwnActions');
}

/** The mission updates any action; a referent only those of its departments (region-wide ones are the mission's). */
export function mayUpdateAction(actor: Actor, action: { departmentCodes: readonly string[] }): boolean {
  if (roadmapPolicy.allows(actor, 'updateAnyAction')) return true;
  return (
    action.departmentCodes.length > 0 &&
    roadmapPolicy.allows(actor, 'updateOwnActions') &&
    canActOnDepartments(actor, action.departmentCodes)
  );
}

export function assertMayUpdateAction(actor: Actor, action: { departmentCodes: readonly string[] }): void {
  if (!mayUpdateAction(actor, action)) throw DomainError.forbidden('Cette action ne concerne pas vos départements');
}

/**
 * The departments an action is created with: any for the mission; for a referent (a contract's action
 * sheet), its own only, and never none (a region-wide action is the mission's).
 */
export function assertMayAssignActionDepartments(actor: Actor, departmentCodes: readonly string[]): void {
  assertCanAssignDepartments(actor, 'departmentCodes', departmentCodes);
}

/** The axes are the mission's until the commission validates the roadmap; then they are frozen. */
export function maySetAxes(actor: Actor, status: RoadmapStatus): boolean {
  return roadmapPolicy.allows(actor, 'edit') && status !== 'validated';
}

/** What the caller may do next with the roadmap: what its DTO says. */
export function roadmapAbilities(actor: Actor, status: RoadmapStatus) {
  return {
    allowedTransitions: ROADMAP_LIFECYCLE.nextFor(status, actor.roles),
    canSetAxes: maySetAxes(actor, status),
    canAddAction: roadmapPolicy.allows(actor, 'edit'),
  };
}

/** What the caller may do next with an action: what its DTO says. */
export function actionAbilities(actor: Actor, action: { departmentCodes: readonly string[] }) {
  return {
    canUpdate: mayUpdateAction(actor, action),
    canSetLinks: roadmapPolicy.allows(actor, 'edit'),
  };
}
