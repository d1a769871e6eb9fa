import { TerritoryErrorCode, TerritoryModule, TerritoryService } from '@app/territory';
import { Medium, mediumModule } from './support/medium-module';
import { OCCITANIE_DEPARTMENT_CODES } from '../support/reference';

/** The region's reference data, as the migrations load it from @etalab/decoupage-administratif. */
describe('territory', () => {
  let medium: Medium;
  let territory: TerritoryService;

  beforeAll(async () => {
    medium = await mediumModule([TerritoryModule]);
    territory = medium.get(TerritoryService);
  });

  it("lists Occitanie's thirteen departments, whose populations add up to the region's", async () => {
    const departments = await territory.departments();

    expect(departments.map((d) => d.code)).toEqual([...OCCITANIE_DEPARTMENT_CODES]);
    expect(departments.reduce((sum, d) => sum + d.population, 0)).toBe(await territory.regionPopulation());
  });

  it('gives the reference communes in the order asked, and names every code outside the region', async () => {
    const communes = await territory.referenceCommunes('territories', ['34172', '31555']);
    expect(communes.map((c) => [c.inseeCode, c.name, c.departmentCode])).toEqual([
      ['34172', 'Montpellier', '34'],
      ['31555', 'Toulouse', '31'],
    ]);

    await expect(territory.referenceCommunes('territories', ['31555', '75056', '13055'])).rejects.toMatchObject({
      kind: 'invalid',
      code: TerritoryErrorCode.TerritoryUnknownCommune,
      message: expect.stringMatching(/^territories: 75056, 13055 is not a commune of Occitanie/),
    });
  });
});
