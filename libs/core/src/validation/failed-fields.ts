import type { ValidationError } from 'class-validator';

/** Dotted paths (`axes.0.code`) of every property that failed, nested DTOs included. */
export function failedFields(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints && Object.keys(e.constraints).length > 0 ? [path] : [];
    return [...own, ...failedFields(e.children ?? [], path)];
  });
}
