import type { ValidationError } from 'class-validator';
import { failedFields } from './failed-fields';

const failure = (property: string, children: ValidationError[] = [], constraints?: Record<string, string>) =>
  ({ property, children, constraints }) as ValidationError;

describe('failedFields', () => {
  it('names each failed property and its broken rules, nested ones by dotted path, containers only when they fail themselves', () => {
    const errors = [
      failure('amountCents', [], { isInt: 'amountCents must be an integer number' }),
      failure('axes', [failure('0', [failure('code', [], { matches: 'code must match' })])]),
      failure('holder', [failure('kind', [], { isIn: 'kind must be one of' })], {
        isObject: 'holder must be an object',
      }),
    ];
    expect(failedFields(errors)).toEqual([
      { field: 'amountCents', constraints: ['isInt'] },
      { field: 'axes.0.code', constraints: ['matches'] },
      { field: 'holder', constraints: ['isObject'] },
      { field: 'holder.kind', constraints: ['isIn'] },
    ]);
  });
});
