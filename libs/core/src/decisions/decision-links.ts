import { Injectable, Module } from '@nestjs/common';
import type { BodyKind, DecisionSubjectType } from '@app/vocabulary';
import type { Actor } from '../auth/actor';
import type { Tx } from '../database/database';

/**
 * A decision of the commission as the domains it decides about read it (governance provides it):
 * roadmap, calls and governance sit on one layer and never import each other, so they meet here.
 */
export interface DecisionFacts {
  id: string;
  title: string;
  meetingId: string;
  meetingStartsAt: string;
  bodyKind: BodyKind;
  bodyName: string;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  /** More votes for than against. */
  adopted: boolean;
  subjectType: DecisionSubjectType | null;
  subjectId: string | null;
}

/** Governance's answers about its decisions. */
export interface DecisionReader {
  find(id: string, tx?: Tx): Promise<DecisionFacts | null>;
  /** The decisions about one subject, latest meeting first. */
  about(subjectType: DecisionSubjectType, subjectId: string): Promise<DecisionFacts[]>;
}

/** What the lib owning a kind of subject answers when a decision names one. */
export interface DecisionSubject {
  /** The subject's id for the reference given (its id, or another key such as a roadmap's year); null when none. */
  resolve(reference: string, tx: Tx): Promise<string | null>;
  /**
   * What recording the decision does to its subject, in the decision's transaction, audited there
   * (a selection list moves the projects it selects); throws to refuse the decision as a whole.
   */
  carryOut?(
    tx: Tx,
    actor: Actor,
    subjectId: string,
    decision: { id: string; title: string; selected: string[] },
  ): Promise<void>;
}

/**
 * The meeting point between the commission's decisions and what they decide: the libs that own a
 * subject register it, governance registers its reader, each on module init. Missing registrations
 * are programming errors (the app module imports every lib), hence plain Errors.
 */
@Injectable()
export class DecisionLinks {
  private readonly subjects = new Map<DecisionSubjectType, DecisionSubject>();
  private reader: DecisionReader | null = null;

  registerSubject(type: DecisionSubjectType, subject: DecisionSubject): void {
    if (this.subjects.has(type)) throw new Error(`Decision subject ${type} registered twice`);
    this.subjects.set(type, subject);
  }

  registerReader(reader: DecisionReader): void {
    this.reader = reader;
  }

  subject(type: DecisionSubjectType): DecisionSubject {
    const subject = this.subjects.get(type);
    if (!subject) throw new Error(`No lib registered decision subject ${type}: import its module`);
    return subject;
  }

  decisions(): DecisionReader {
    if (!this.reader) throw new Error('No decision reader registered: import the governance module');
    return this.reader;
  }
}

/** One DecisionLinks for the whole app: every lib that imports this module shares it. */
@Module({ providers: [DecisionLinks], exports: [DecisionLinks] })
export class DecisionLinksModule {}
