import { passwordWeakness } from './password-policy';

describe('passwordWeakness', () => {
  it('refuses fewer than 12 characters', () => {
    expect(passwordWeakness('Xq7#pL9!vR2')).toMatch(/12 caractères/);
  });

  it.each(['password1234', 'azertyuiop123', 'Password123!', '123456789012', 'motdepasse123'])(
    'refuses the common or patterned password %s',
    (password) => expect(passwordWeakness(password)).toMatch(/trop courant/),
  );

  it.each(['demo-iss-2026', 'mot-de-passe-solide', 'correct horse battery staple'])('accepts %s', (password) =>
    expect(passwordWeakness(password)).toBeNull(),
  );
});
