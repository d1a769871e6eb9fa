import * as vocabulary from './index';
import { labelOf } from './label-of';

/** Every code list of the vocabulary beside its words: `FOO_STATUSES` ↔ `FOO_STATUS_LABELS`. */
const TABLES: [name: string, codes: readonly (string | number)[], labels: Record<string | number, string>][] = [
  ['call statuses', vocabulary.CALL_STATUSES, vocabulary.CALL_STATUS_LABELS],
  ['project statuses', vocabulary.PROJECT_STATUSES, vocabulary.PROJECT_STATUS_LABELS],
  ['project moves', vocabulary.PROJECT_STATUSES, vocabulary.PROJECT_TRANSITION_LABELS],
  ['opinions', vocabulary.OPINIONS, vocabulary.OPINION_LABELS],
  ['project list orders', vocabulary.PROJECT_SORTS, vocabulary.PROJECT_SORT_LABELS],
  ['payment kinds', vocabulary.PAYMENT_KINDS, vocabulary.PAYMENT_KIND_LABELS],
  ['grant report kinds', vocabulary.GRANT_REPORT_KINDS, vocabulary.GRANT_REPORT_KIND_LABELS],
  ['holder kinds', vocabulary.HOLDER_KINDS, vocabulary.HOLDER_KIND_LABELS],
  ['levers', vocabulary.ISS_LEVERS, vocabulary.LEVER_LABELS],
  ['target publics', vocabulary.TARGET_PUBLICS, vocabulary.TARGET_PUBLIC_LABELS],
  ['body kinds', vocabulary.BODY_KINDS, vocabulary.BODY_KIND_LABELS],
  ['colleges', vocabulary.COLLEGES, vocabulary.COLLEGE_LABELS],
  ['positions', vocabulary.POSITION_ROLES, vocabulary.POSITION_LABELS],
  ['attendance', vocabulary.ATTENDANCE_STATUSES, vocabulary.ATTENDANCE_LABELS],
  ['meeting statuses', vocabulary.MEETING_STATUSES, vocabulary.MEETING_STATUS_LABELS],
  ['minutes statuses', vocabulary.MINUTES_STATUSES, vocabulary.MINUTES_STATUS_LABELS],
  ['minutes moves', vocabulary.MINUTES_STATUSES, vocabulary.MINUTES_TRANSITION_LABELS],
  ['decision subjects', vocabulary.DECISION_SUBJECT_TYPES, vocabulary.DECISION_SUBJECT_LABELS],
  ['roadmap statuses', vocabulary.ROADMAP_STATUSES, vocabulary.ROADMAP_STATUS_LABELS],
  ['roadmap moves', vocabulary.ROADMAP_STATUSES, vocabulary.ROADMAP_TRANSITION_LABELS],
  ['action statuses', vocabulary.ACTION_STATUSES, vocabulary.ACTION_STATUS_LABELS],
  ['contract statuses', vocabulary.CONTRACT_STATUSES, vocabulary.CONTRACT_STATUS_LABELS],
  ['indicator levels', vocabulary.INDICATOR_LEVELS, vocabulary.INDICATOR_LEVEL_LABELS],
  ['participation levels', vocabulary.PARTICIPATION_LEVELS, vocabulary.PARTICIPATION_LEVEL_LABELS],
  ['report kinds', vocabulary.REPORT_KINDS, vocabulary.REPORT_KIND_LABELS],
  ['report statuses', vocabulary.REPORT_STATUSES, vocabulary.REPORT_STATUS_LABELS],
  ['audit verification statuses', vocabulary.AUDIT_VERIFICATION_STATUSES, vocabulary.AUDIT_VERIFICATION_STATUS_LABELS],
  ['mail statuses', vocabulary.MAIL_STATUSES, vocabulary.MAIL_STATUS_LABELS],
  ['mail kinds', vocabulary.MAIL_KINDS, vocabulary.MAIL_KIND_LABELS],
  ['roles', vocabulary.ROLES, vocabulary.ROLE_LABELS],
];

describe('the vocabulary', () => {
  it.each(TABLES)('gives every one of the %s a word of its own, and nothing more', (_name, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual(codes.map(String).sort());
    for (const code of codes) expect(labels[code].trim()).not.toBe('');
    // Distinct words: a file read back by its words (the actions CSV's statut) finds one code per word.
    expect(new Set(Object.values(labels).map((l) => l.toLocaleLowerCase('fr'))).size).toBe(codes.length);
  });

  it('pairs every exported code list with a table of words', () => {
    const lists = Object.entries(vocabulary).filter(([name, v]) => Array.isArray(v) && /S$/.test(name));
    const covered = new Set(TABLES.map(([, codes]) => codes));
    expect(lists.filter(([, v]) => !covered.has(v as readonly string[])).map(([name]) => name)).toEqual([]);
  });

  it('shows an unknown code as it is rather than nothing', () => {
    expect(labelOf(vocabulary.TARGET_PUBLIC_LABELS, 'women')).toBe('Femmes');
    expect(labelOf(vocabulary.TARGET_PUBLIC_LABELS, 'astronauts')).toBe('astronauts');
    expect(labelOf(vocabulary.LEVER_LABELS, 2)).toBe('Parcours de vie, périodes sensibles');
  });
});
