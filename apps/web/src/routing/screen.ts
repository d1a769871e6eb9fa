import type { ComponentType } from 'react';
import { useOutletContext } from 'react-router';
import type { Capability } from '../session/session';

/** One page of the app, as the route table lists it. */
export interface Screen {
  /** react-router path, in French (`/projets/:id`). */
  path: string;
  /** The page title (document title, and the navigation label when `nav` is set). */
  title: string;
  Component: ComponentType;
  /**
   * The capability of `/api/auth/me` it needs; anyone signed in when absent. Others get the "Accès
   * refusé" page. What may be done on the screen is in the DTOs it reads (`allowedTransitions`, `can*`).
   */
  can?: Capability;
  /** Shown in the main navigation under this label. */
  nav?: string;
  /**
   * For a page outside the navigation's paths (`/contrats/:id`), the navigation items it belongs to,
   * the first the user may open being the current one (`['/mon-departement/contrats']`).
   */
  section?: readonly string[];
}

/**
 * The screens of the main navigation that the user may open, as the layout computed them: a page reads
 * them here rather than importing the route table, which imports the pages.
 */
export function useNavigableScreens(): readonly Screen[] {
  return useOutletContext<readonly Screen[]>();
}
