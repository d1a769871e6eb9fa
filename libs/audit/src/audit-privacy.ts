import { createHash } from 'node:crypto';
import type { Role } from '@app/core';
// The module, not the barrel: this file's spec runs without Nest (the unit project loads no ES module).
import { COMMISSION_TEAM } from '@app/core/auth/actor';

/**
 * What an audit event must not disclose. The trail is read by roles (the auditor above all) that may
 * not read everything the audited objects hold, and it outlives them: it keeps, instead of a private
 * text, the SHA-256 of it (`<field>Sha256`), which proves what the text was to whoever holds it
 * without telling it to whoever does not.
 */
export interface PrivateField {
  entityType: string;
  /** Only this action's events (all the entity's events when absent). */
  action?: string;
  /** A top-level field of `before` / `after` (of each element when they are lists). */
  field: string;
  /** Who may read the text in the trail; nobody (`[]`) means it is digested before it is stored. */
  readers: readonly Role[];
}

export const PRIVATE_FIELDS: readonly PrivateField[] = [
  // Reviewers' notes on a project (GET /api/projects/:id/notes): the notes table keeps the text.
  { entityType: 'project', action: 'project.note', field: 'text', readers: [] },
  // Members' contact details are for the team running the commission.
  { entityType: 'member', field: 'email', readers: COMMISSION_TEAM },
];

/** Keys whose values are never stored in the trail, at any depth, whatever the event. */
const SECRET_KEY = /password|secret|token/i;
export const SECRET_PLACEHOLDER = '[secret]';

/** Which event a value belongs to. */
export interface AuditKind {
  action: string;
  entityType: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Before the insert: secrets dropped, texts nobody may read in the trail replaced by their digest. */
export function sanitizeForStorage(event: AuditKind, value: unknown): unknown {
  return digestFields(
    withoutSecrets(value),
    fieldsFor(event, (readers) => readers.length > 0),
  );
}

/**
 * On read, for this reader: the fields it may not read become their digest. Also covers the events
 * written before these rules (the chain hashes what is stored, so history is redacted, not rewritten).
 */
export function redactForReader(event: AuditKind, value: unknown, readerRoles: readonly Role[]): unknown {
  const hidden = fieldsFor(event, (readers) => readers.some((r) => readerRoles.includes(r)));
  return digestFields(withoutSecrets(value), hidden);
}

function fieldsFor(event: AuditKind, mayRead: (readers: readonly Role[]) => boolean): string[] {
  return PRIVATE_FIELDS.filter(
    (p) => p.entityType === event.entityType && (p.action ?? event.action) === event.action && !mayRead(p.readers),
  ).map((p) => p.field);
}

function digestFields(value: unknown, fields: string[]): unknown {
  if (fields.length === 0) return value;
  if (Array.isArray(value)) return value.map((item) => digestFields(item, fields));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const field of fields) {
    if (typeof out[field] !== 'string') continue;
    out[`${field}Sha256`] = sha256Hex(out[field]);
    delete out[field];
  }
  return out;
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? SECRET_PLACEHOLDER : withoutSecrets(v)]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
