import { toSnakeCase } from './snake-naming.strategy';

describe('toSnakeCase', () => {
  it.each([
    ['departmentCodes', 'department_codes'],
    ['fileSha256', 'file_sha256'],
    ['requestedById', 'requested_by_id'],
    ['HTMLTitle', 'html_title'],
    ['id', 'id'],
  ])('%s → %s', (input, expected) => expect(toSnakeCase(input)).toBe(expected));
});
