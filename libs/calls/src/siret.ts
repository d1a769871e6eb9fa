import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A SIRET is 14 digits whose Luhn checksum holds — except La Poste's establishments (SIREN
 * 356000000), whose digits add up to a multiple of 5 instead (INSEE's rule).
 */
export function isValidSiret(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[0-9]{14}$/.test(value)) return false;
  const digits = [...value].map(Number);
  if (value.startsWith('356000000')) return digits.reduce((a, b) => a + b, 0) % 5 === 0;
  const sum = digits.reduce((acc, d, i) => {
    const doubled = i % 2 === 0 ? d * 2 : d;
    return acc + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0;
}

export function IsSiret(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSiret',
      validator: {
        validate: isValidSiret,
        defaultMessage: () => '$property must be a valid SIRET (14 digits, checksum)',
      },
    },
    options,
  );
}
