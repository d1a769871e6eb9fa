import { DomainError } from '@app/core/errors/domain-error';
import { reportFailureMessage } from './report-failure';

describe('reportFailureMessage', () => {
  it('says in French what went wrong by kind of error, without the error’s own text', () => {
    expect(reportFailureMessage(DomainError.notFound('meeting.not_found', 'abc'))).toBe(
      'Le rapport n’a pas pu être produit : données introuvables (le sujet du rapport n’existe plus)',
    );
    expect(reportFailureMessage(DomainError.invalid('report.params', 'params.year: must be a year'))).toBe(
      'Le rapport n’a pas pu être produit : paramètres invalides, refaites la demande',
    );
  });

  it('gives a generic message for anything else, whatever the exception says', () => {
    const internal = 'Le rapport n’a pas pu être produit : erreur interne, réessayez ou contactez l’administrateur';
    expect(reportFailureMessage(new Error('relation "payment" does not exist at /srv/app/dist/x.js'))).toBe(internal);
    expect(reportFailureMessage(DomainError.conflict('report.busy', 'lock held by 10.0.0.3'))).toBe(internal);
    expect(reportFailureMessage('job stalled more than allowable limit')).toBe(internal);
  });
});
