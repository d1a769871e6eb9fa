/**
 * The one French vocabulary of the application: every enumeration's codes (the API's, never translated)
 * and the words people read for them, in the screens, the PDFs and the exports alike. Dependency-free on
 * purpose, so the web app imports it as the server does.
 */
export * from './audit';
export * from './calls';
export * from './contracts';
export * from './equity';
export * from './governance';
export * from './label-of';
export * from './proconnect';
export * from './mail';
export * from './reports';
export * from './roadmap';
export * from './roles';
export * from './target-publics';
