import type { ValueTransformer } from 'typeorm';

/** bigint cents arrive from pg as strings: the transformer turns them into safe integers both ways. */
export const cents: ValueTransformer = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
