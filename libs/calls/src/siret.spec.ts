import { isValidSiret } from './siret';

describe('isValidSiret', () => {
  it('accepts SIRETs whose checksum holds', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('35600000000006')).toBe(true); // La Poste: digits add up to 20
  });

  it('refuses a wrong checksum or a wrong shape', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
    expect(isValidSiret(73282932000074)).toBe(false);
  });
});
