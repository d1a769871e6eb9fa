import type { CallDto, CreateCallDto, CriterionInputDto, UpdateCallDto } from '../../api/client';
import { eurosInput, parseEuros } from '../../format';

/**
 * The call form read back into what POST /calls and PATCH /calls/:id take, or the French sentences
 * saying what to correct first. Pure module: no React, so its spec runs in the unit project.
 */

/** An axis as typed: its envelope still text (empty: no envelope of its own). */
export interface AxisRow {
  code: string;
  label: string;
  envelope: string;
}

/** A scoring criterion as typed. */
export interface CriterionRow {
  code: string;
  label: string;
  weight: string;
}

/** The API's field paths, in the form's words (for the 400s the form could not foresee). */
export const CALL_FIELD_LABELS = {
  title: 'Intitulé de l’appel',
  year: 'Année',
  fundingSource: 'Source de financement',
  envelopeCents: 'Enveloppe',
  opensOn: 'Date d’ouverture',
  closesOn: 'Date de clôture',
  axes: 'Axes',
  criteria: 'Critères',
} as const;

const CODE = /^[A-Za-z0-9_-]{1,20}$/;

export function axisRowsOf(call?: CallDto): AxisRow[] {
  if (!call) return [{ code: '', label: '', envelope: '' }];
  return call.axes.map((a) => ({
    code: a.code,
    label: a.label,
    envelope: a.envelopeCents == null ? '' : eurosInput(a.envelopeCents),
  }));
}

export function criterionRowsOf(call?: CallDto): CriterionRow[] {
  return (call?.criteria ?? []).map((c) => ({ code: c.code, label: c.label, weight: String(c.weight) }));
}

/** The total of the weights typed (what each criterion's share is computed from), 0 when none is a number. */
export function weightTotal(rows: readonly CriterionRow[]): number {
  return rows.reduce((sum, r) => sum + (/^\d+$/.test(r.weight.trim()) ? Number(r.weight) : 0), 0);
}

function readAxes(rows: readonly AxisRow[], problems: string[]) {
  const filled = rows.filter((r) => r.code.trim() || r.label.trim() || r.envelope.trim());
  if (filled.length === 0) problems.push('Ajoutez au moins un axe.');
  const axes = filled.map((row, i) => {
    const code = row.code.trim();
    if (!CODE.test(code)) problems.push(`Axe ${i + 1} : le code compte 1 à 20 lettres, chiffres, - ou _.`);
    if (!row.label.trim()) problems.push(`Axe ${i + 1} : indiquez son intitulé.`);
    const envelopeCents = row.envelope.trim() ? parseEuros(row.envelope) : undefined;
    if (envelopeCents === null) problems.push(`Axe ${i + 1} : indiquez une enveloppe en euros, ou laissez vide.`);
    return { code, label: row.label.trim(), ...(envelopeCents != null && { envelopeCents }) };
  });
  const codes = axes.map((a) => a.code);
  if (new Set(codes).size !== codes.length) problems.push('Deux axes portent le même code.');
  return axes;
}

export function readCriteria(rows: readonly CriterionRow[], problems: string[]): CriterionInputDto[] {
  const filled = rows.filter((r) => r.code.trim() || r.label.trim() || r.weight.trim());
  const criteria = filled.map((row, i) => {
    const code = row.code.trim();
    const weight = Number(row.weight.trim());
    if (!CODE.test(code)) problems.push(`Critère ${i + 1} : le code compte 1 à 20 lettres, chiffres, - ou _.`);
    if (!row.label.trim()) problems.push(`Critère ${i + 1} : indiquez son intitulé.`);
    if (!/^\d+$/.test(row.weight.trim()) || weight < 1 || weight > 100)
      problems.push(`Critère ${i + 1} : le poids est un nombre entier de 1 à 100.`);
    return { code, label: row.label.trim(), weight };
  });
  const codes = criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) problems.push('Deux critères portent le même code.');
  return criteria;
}

/** The fields common to creation and edit; the dates' order is checked here, before the API does. */
function readFields(form: FormData, axisRows: readonly AxisRow[], problems: string[]) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const envelopeCents = parseEuros(text('envelope'));
  if (envelopeCents === null) problems.push('Enveloppe : indiquez un montant en euros.');
  const opensOn = text('opensOn');
  const closesOn = text('closesOn');
  if (opensOn && closesOn && closesOn < opensOn) problems.push('La date de clôture précède la date d’ouverture.');
  const axes = readAxes(axisRows, problems);
  const axesTotal = axes.reduce((sum, a) => sum + (a.envelopeCents ?? 0), 0);
  if (envelopeCents !== null && axesTotal > envelopeCents)
    problems.push('Les enveloppes des axes dépassent l’enveloppe de l’appel.');
  return {
    title: text('title'),
    fundingSource: text('fundingSource'),
    envelopeCents: envelopeCents ?? 0,
    opensOn,
    closesOn,
    axes,
  };
}

export type Read<T> = { body: T; problems: [] } | { body: null; problems: string[] };

export function readNewCall(
  form: FormData,
  axisRows: readonly AxisRow[],
  criterionRows: readonly CriterionRow[],
): Read<CreateCallDto> {
  const problems: string[] = [];
  const fields = readFields(form, axisRows, problems);
  const criteria = readCriteria(criterionRows, problems);
  const year = Number(String(form.get('year') ?? ''));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push('Année : entre 2000 et 2100.');
  if (problems.length > 0) return { body: null, problems };
  return { body: { ...fields, year, criteria }, problems: [] };
}

/** The edit of `call`, and its criteria when they changed (they have their own route). */
export function readCallEdit(
  form: FormData,
  call: CallDto,
  axisRows: readonly AxisRow[],
  criterionRows: readonly CriterionRow[],
): Read<{ call: UpdateCallDto; criteria: CriterionInputDto[] | null }> {
  const problems: string[] = [];
  const fields = readFields(form, axisRows, problems);
  const criteria = readCriteria(criterionRows, problems);
  if (problems.length > 0) return { body: null, problems };
  const same = JSON.stringify(criteria) === JSON.stringify(call.criteria);
  return { body: { call: { ...fields, version: call.version }, criteria: same ? null : criteria }, problems: [] };
}
