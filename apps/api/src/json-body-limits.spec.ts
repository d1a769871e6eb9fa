import { jsonShapeProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-body-limits';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('jsonShapeProblem', () => {
  it('accepts ordinary bodies, up to the depth limit', () => {
    expect(jsonShapeProblem('{"email":"a@b.fr","tags":[1,2,{"x":[]}]}')).toBeNull();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeNull();
  });

  it('refuses nesting deeper than the limit, in arrays or objects', () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/nested deeper than 32/);
    expect(jsonShapeProblem('{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000))).toMatch(/nested deeper/);
  });

  it('refuses more values than the limit, but not commas inside strings', () => {
    expect(jsonShapeProblem(`[${'0,'.repeat(MAX_JSON_VALUES)}0]`)).toMatch(/more than 10000 values/);
    expect(jsonShapeProblem(`{"csv":"${'a;b,c\\n'.repeat(MAX_JSON_VALUES)}"}`)).toBeNull();
  });

  it('is not fooled by brackets and escaped quotes inside strings', () => {
    expect(jsonShapeProblem(`{"title":"${'[{'.repeat(100)}\\"${'['.repeat(100)}"}`)).toBeNull();
  });
});
