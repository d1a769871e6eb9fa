/** Where the medium run's global setup leaves the template's name for the spec files (their own variable: e2e has its own template). */
export const MEDIUM_TEMPLATE_DB_ENV = 'ISS_MEDIUM_TEMPLATE_DB';
