import { createHash } from 'node:crypto';
import { redactForReader, sanitizeForStorage, SECRET_PLACEHOLDER } from './audit-privacy';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const note = { action: 'project.note', entityType: 'project' };
const member = { action: 'member.create', entityType: 'member' };

describe('sanitizeForStorage', () => {
  it('stores the digest of a reviewer note, never its text', () => {
    const stored = sanitizeForStorage(note, { id: 'n1', text: 'Porteur fragile' });
    expect(stored).toEqual({ id: 'n1', textSha256: sha('Porteur fragile') });
  });

  it('leaves a field of the same name alone on other actions', () => {
    const other = { action: 'project.update', entityType: 'project' };
    expect(sanitizeForStorage(other, { text: 'public' })).toEqual({ text: 'public' });
  });

  it('keeps what some reader may read (member e-mails) and drops secrets at any depth', () => {
    const stored = sanitizeForStorage(member, [{ email: 'a@b.fr', auth: { passwordHash: '$argon2id$…' } }]);
    expect(stored).toEqual([{ email: 'a@b.fr', auth: { passwordHash: SECRET_PLACEHOLDER } }]);
  });
});

describe('redactForReader', () => {
  it('digests a member e-mail for the auditor, not for the team', () => {
    const after = { displayName: 'A', email: 'a@b.fr' };
    expect(redactForReader(member, after, ['auditor'])).toEqual({ displayName: 'A', emailSha256: sha('a@b.fr') });
    expect(redactForReader(member, after, ['regional_delegate'])).toEqual(after);
  });

  it('redacts a note text stored before the rule to the same shape as a new one', () => {
    const legacy = { text: 'Porteur fragile' };
    expect(redactForReader(note, legacy, ['admin'])).toEqual(sanitizeForStorage(note, legacy));
  });

  it('passes null and scalars through', () => {
    expect(redactForReader(note, null, ['auditor'])).toBeNull();
    expect(redactForReader(member, 'x', ['auditor'])).toBe('x');
  });
});
