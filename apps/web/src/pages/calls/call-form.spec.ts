import type { CallDto } from '../../api/client';
import { readCallEdit, readNewCall, weightTotal } from './call-form';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const fields = {
  title: 'AMI 2027',
  year: '2027',
  fundingSource: 'FIR',
  envelope: '100 000',
  opensOn: '2027-01-15',
  closesOn: '2027-04-30',
};

describe('call form', () => {
  it('reads a new call with its axes (envelope optional) and criteria in cents and integers', () => {
    const read = readNewCall(
      form(fields),
      [
        { code: 'A', label: 'Santé mentale', envelope: '60 000' },
        { code: 'B', label: 'Accès aux soins', envelope: '' },
        { code: '', label: '', envelope: '' },
      ],
      [{ code: 'PERT', label: 'Pertinence', weight: '3' }],
    );
    expect(read).toEqual({
      problems: [],
      body: {
        title: 'AMI 2027',
        year: 2027,
        fundingSource: 'FIR',
        envelopeCents: 10_000_000,
        opensOn: '2027-01-15',
        closesOn: '2027-04-30',
        axes: [
          { code: 'A', label: 'Santé mentale', envelopeCents: 6_000_000 },
          { code: 'B', label: 'Accès aux soins' },
        ],
        criteria: [{ code: 'PERT', label: 'Pertinence', weight: 3 }],
      },
    });
  });

  it('says what to correct: dates, axes over the envelope, repeated codes, weights', () => {
    const read = readNewCall(
      form({ ...fields, closesOn: '2027-01-01', envelope: '10' }),
      [
        { code: 'A', label: 'Un', envelope: '20' },
        { code: 'A', label: 'Deux', envelope: '' },
      ],
      [{ code: 'C', label: 'Critère', weight: '0' }],
    );
    expect(read.body).toBeNull();
    expect(read.problems).toEqual([
      'La date de clôture précède la date d’ouverture.',
      'Deux axes portent le même code.',
      'Les enveloppes des axes dépassent l’enveloppe de l’appel.',
      'Critère 1 : le poids est un nombre entier de 1 à 100.',
    ]);
  });

  it('sends the criteria of an edit only when they changed, and totals the weights', () => {
    const call = { version: 3, criteria: [{ code: 'C', label: 'Critère', weight: 2 }] } as CallDto;
    const axes = [{ code: 'A', label: 'Un', envelope: '' }];
    const same = readCallEdit(form(fields), call, axes, [{ code: 'C', label: 'Critère', weight: '2' }]);
    expect(same.body).toMatchObject({ call: { version: 3, axes: [{ code: 'A', label: 'Un' }] }, criteria: null });
    const changed = readCallEdit(form(fields), call, axes, [{ code: 'C', label: 'Critère', weight: '5' }]);
    expect(changed.body?.criteria).toEqual([{ code: 'C', label: 'Critère', weight: 5 }]);
    expect(
      weightTotal([
        { code: 'a', label: '', weight: '2' },
        { code: 'b', label: '', weight: 'x' },
      ]),
    ).toBe(2);
  });
});
