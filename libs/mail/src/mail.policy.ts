import { definePolicy } from '@app/core';

/** The outbox holds members' addresses and what was said to them: the admin's alone. */
export const mailPolicy = definePolicy(
  { read: ['admin'], retry: ['admin'] },
  { read: 'Seul l’administrateur consulte les courriels envoyés', retry: 'Seul l’administrateur relance un envoi' },
);
