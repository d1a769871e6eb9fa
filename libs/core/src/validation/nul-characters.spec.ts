import { fieldsWithNul } from './nul-characters';

describe('fields carrying a NUL character', () => {
  it('names each one by its path, in objects and arrays', () => {
    expect(fieldsWithNul({ content: 'a\u0000b', axes: [{ label: 'ok' }, { label: '\u0000' }], n: 1 })).toEqual([
      'content',
      'axes.1.label',
    ]);
  });

  it('finds one in a key, and in a bare string body', () => {
    expect(fieldsWithNul({ 'x\u0000': 1 })).toEqual(['x\u0000']);
    expect(fieldsWithNul('\u0000')).toEqual(['body']);
  });

  it('lets everything else through, other control and invisible characters included', () => {
    expect(fieldsWithNul({ a: '\u0001\u202e\u200b', b: [null, true, 3], c: {} })).toEqual([]);
    expect(fieldsWithNul(undefined)).toEqual([]);
  });
});
