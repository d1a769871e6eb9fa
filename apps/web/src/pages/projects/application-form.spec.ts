import { readApplication } from './application-form';

function formOf(fields: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

const BASE: [string, string][] = [
  ['title', ' Maraudes '],
  ['summary', ''],
  ['holderName', 'Association'],
  ['holderKind', 'association'],
  ['holderSiret', ''],
  ['targetPublics', 'young_people'],
  ['levers', '1'],
  ['levers', '3'],
  ['requested', '12 000'],
  ['participation', 'co_designed'],
];

describe('the application form read back', () => {
  it('sends every field, the budget without its empty rows, equal shares when none is typed', () => {
    const read = readApplication(
      formOf([...BASE, ['departmentCodes', '31'], ['departmentCodes', '34'], ['share-31', ''], ['share-34', '']]),
      [
        { label: 'Animation', amount: '7 000' },
        { label: '', amount: '' },
      ],
      4,
    );
    expect(read).toEqual({
      problems: [],
      body: {
        version: 4,
        title: 'Maraudes',
        summary: '',
        holder: { name: 'Association', kind: 'association' },
        departmentCodes: ['31', '34'],
        departmentShares: null,
        targetPublics: ['young_people'],
        levers: [1, 3],
        requestedCents: 1_200_000,
        participation: 'co_designed',
        budgetLines: [{ label: 'Animation', amountCents: 700_000 }],
      },
    });
  });

  it('reads the shares typed in percent as basis points', () => {
    const read = readApplication(
      formOf([
        ...BASE,
        ['departmentCodes', '31'],
        ['departmentCodes', '34'],
        ['share-31', '62,5'],
        ['share-34', '37,5'],
      ]),
      [],
      1,
    );
    expect(read.body?.departmentShares).toEqual([
      { departmentCode: '31', shareBp: 6250 },
      { departmentCode: '34', shareBp: 3750 },
    ]);
  });

  it('says in French what to correct, and sends nothing', () => {
    const read = readApplication(
      formOf([
        ...BASE.filter(([name]) => name !== 'requested'),
        ['requested', 'beaucoup'],
        ['departmentCodes', '31'],
        ['departmentCodes', '34'],
        ['share-31', '60'],
        ['share-34', ''],
      ]),
      [{ label: '', amount: '10' }],
      1,
    );
    expect(read).toEqual({
      body: null,
      problems: [
        'Montant demandé : indiquez un montant en euros.',
        'Ligne de budget 1 : indiquez son intitulé.',
        'Part du département 34 : indiquez un pourcentage entre 0 et 100.',
      ],
    });
    expect(readApplication(formOf(BASE), [], 1).problems).toEqual(['Choisissez au moins un département.']);
  });
});
