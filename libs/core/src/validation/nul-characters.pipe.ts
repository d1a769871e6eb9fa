import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidInput } from './invalid-input';
import { fieldsWithNul } from './nul-characters';

/** Global, before validation: a body or query carrying a NUL character is bad input (400 naming the fields). */
@Injectable()
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const fields = fieldsWithNul(value);
    if (fields.length > 0)
      throw invalidInput(
        fields.map((f) => `${f} must not contain a NUL character`),
        fields.map((field) => ({ field, constraints: ['noNulCharacter'] })),
      );
    return value;
  }
}
