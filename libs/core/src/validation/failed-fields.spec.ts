import type { ValidationError } from 'class-validator';
import { failedFields } from './failed-fields';

const failure = (property: string, children: ValidationError[] = [], constraints?: Record<string, string>) =>
  ({ property, children, constraints }) as ValidationError;

describe('failedFields', () => {
  it('names each failed property, nested ones by their dotted path, containers only when they fail themselves', () => {
    const errors = [
      failure('amountCents', [], { isInt: 'amountCents must be an integer number' }),
      failure('axes', [failure('0', [failure('code', [], { matches: 'code must match' })])]),
      failure('holder', [failure('kind', [], { isIn: 'kind must be one of' })], {
        isObject: 'holder must be an object',
      }),
    ];
    expect(failedFields(errors)).toEqual(['amountCents', 'axes.0.code', 'holder', 'holder.kind']);
  });
});
