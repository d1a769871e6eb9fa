import type { ProjectDetailDto, UpdateProjectDto } from '../../api/client';
import { eurosInput, parseEuros, parsePercent } from '../../format';

/**
 * The application form read back into what PATCH /projects/:id takes, or the French sentences saying
 * what to correct first. Pure module: no React, so its spec runs in the unit project.
 */

/** A budget line as typed: its amount still text. */
export interface BudgetRow {
  label: string;
  amount: string;
}

export type ApplicationRead = { body: UpdateProjectDto; problems: [] } | { body: null; problems: string[] };

/** The API's field paths, in the form's words (for the 400s the form could not foresee). */
export const APPLICATION_FIELD_LABELS = {
  title: 'Titre du projet',
  summary: 'Résumé',
  'holder.name': 'Nom du porteur',
  'holder.kind': 'Nature du porteur',
  'holder.siret': 'SIRET du porteur',
  departmentCodes: 'Départements',
  targetPublics: 'Publics cibles',
  levers: 'Leviers',
  requestedCents: 'Montant demandé',
  participation: 'Participation des personnes concernées',
} as const;

export function budgetRowsOf(project: ProjectDetailDto): BudgetRow[] {
  return project.budgetLines.map((l) => ({ label: l.label, amount: eurosInput(l.amountCents) }));
}

function readBudget(rows: readonly BudgetRow[], problems: string[]) {
  const filled = rows.filter((r) => r.label.trim() || r.amount.trim());
  return filled.map((row, i) => {
    const amountCents = parseEuros(row.amount);
    if (!row.label.trim()) problems.push(`Ligne de budget ${i + 1} : indiquez son intitulé.`);
    if (amountCents === null) problems.push(`Ligne de budget ${i + 1} : indiquez un montant en euros.`);
    return { label: row.label.trim(), amountCents: amountCents ?? 0 };
  });
}

/** Shares are asked for several departments only: all left empty means equal shares (null). */
function readShares(form: FormData, departmentCodes: string[], problems: string[]) {
  if (departmentCodes.length < 2) return null;
  const typed = departmentCodes.map((code) => ({ code, text: String(form.get(`share-${code}`) ?? '').trim() }));
  if (typed.every((t) => t.text === '')) return null;
  return typed.map(({ code, text }) => {
    const shareBp = parsePercent(text);
    if (shareBp === null || shareBp > 10_000)
      problems.push(`Part du département ${code} : indiquez un pourcentage entre 0 et 100.`);
    return { departmentCode: code, shareBp: shareBp ?? 0 };
  });
}

export function readApplication(form: FormData, rows: readonly BudgetRow[], version: number): ApplicationRead {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const problems: string[] = [];
  const departmentCodes = form.getAll('departmentCodes').map(String);
  if (departmentCodes.length === 0) problems.push('Choisissez au moins un département.');
  const requestedCents = parseEuros(text('requested'));
  if (requestedCents === null) problems.push('Montant demandé : indiquez un montant en euros.');
  const budgetLines = readBudget(rows, problems);
  const departmentShares = readShares(form, departmentCodes, problems);
  if (problems.length > 0) return { body: null, problems };
  const siret = text('holderSiret');
  return {
    problems: [],
    body: {
      version,
      title: text('title'),
      summary: text('summary'),
      holder: {
        name: text('holderName'),
        kind: text('holderKind') as NonNullable<UpdateProjectDto['holder']>['kind'],
        ...(siret ? { siret } : {}),
      },
      departmentCodes,
      departmentShares,
      targetPublics: form.getAll('targetPublics').map(String) as UpdateProjectDto['targetPublics'],
      levers: form.getAll('levers').map(Number) as UpdateProjectDto['levers'],
      requestedCents: requestedCents!,
      ...(text('participation') ? { participation: text('participation') as UpdateProjectDto['participation'] } : {}),
      budgetLines,
    },
  };
}
