import type { ValidationError } from 'class-validator';

/** One failed property: its dotted path and the names of the rules it broke (`isInt`, `isNotEmpty`…). */
export interface FailedField {
  field: string;
  constraints: string[];
}

/**
 * Every failed property (nested DTOs by their dotted path, `axes.0.code`), with the rules it broke:
 * a client tells a missing field from a bad or an unexpected one (`whitelistValidation`) by rule name,
 * never by parsing the English sentences of `message`.
 */
export function failedFields(errors: ValidationError[], parent = ''): FailedField[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const constraints = Object.keys(e.constraints ?? {});
    const own = constraints.length > 0 ? [{ field, constraints }] : [];
    return [...own, ...failedFields(e.children ?? [], field)];
  });
}
