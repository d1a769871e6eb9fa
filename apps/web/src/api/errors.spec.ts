import { ApiError, toFrench } from './errors';

describe('API errors in plain French', () => {
  it('names each offending field of a 400 once, in French, from the rules the API says it broke', () => {
    const error = new ApiError(400, {
      statusCode: 400,
      code: 'validation.invalid',
      message: ['amountCents must be an integer number of cents', 'title should not be empty'],
      details: {
        fields: [
          { field: 'amountCents', constraints: ['isInt', 'min'] },
          { field: 'title', constraints: ['isNotEmpty'] },
          { field: 'color', constraints: ['whitelistValidation'] },
          { field: 'amountCents', constraints: ['max'] },
        ],
      },
    });
    expect(toFrench(error)).toEqual({
      title: 'Certaines informations ne sont pas valides',
      details: ['« amountCents » n’est pas valide.', '« title » est obligatoire.', '« color » n’est pas attendu.'],
    });
  });

  it('names the fields by the screen’s labels, and explains a refusal about no one field by its code', () => {
    const siret = new ApiError(400, {
      code: 'validation.invalid',
      details: { fields: [{ field: 'holder.siret', constraints: ['isSiret'] }] },
    });
    expect(toFrench(siret, { 'holder.siret': 'SIRET du porteur' }).details).toEqual([
      '« SIRET du porteur » n’est pas valide.',
    ]);
    expect(toFrench(new ApiError(400, { code: 'project.department_shares' })).details[0]).toMatch(/totaliser 100 %/);
  });

  it('never parses the API’s English message: a 400 without fields asks to check the form', () => {
    const error = new ApiError(400, { code: 'call.unknown_axis', message: 'title should not be empty' });
    expect(toFrench(error).details).toEqual(['Vérifiez les informations saisies, puis réessayez.']);
  });

  it('explains a weak password with the policy, and a wrong current password', () => {
    const weak = new ApiError(400, {
      code: 'validation.invalid',
      details: { fields: [{ field: 'newPassword', constraints: ['isAcceptablePassword'] }] },
    });
    expect(toFrench(weak).details).toEqual([
      expect.stringMatching(/^Le mot de passe doit compter au moins 12 caractères/),
    ]);
    expect(toFrench(new ApiError(400, { code: 'auth.wrong_password' })).details).toEqual([
      'Le mot de passe actuel est incorrect.',
    ]);
  });

  it('asks to reload and re-apply on a stale version', () => {
    const { title, details } = toFrench(new ApiError(409, { code: 'action.stale_version', message: 'stale' }));
    expect(title).toBe('Conflit');
    expect(details[0]).toMatch(/Quelqu’un d’autre a modifié.*Rechargez la page, puis refaites votre modification/);
  });

  it('explains an exceeded envelope, the call’s or an axis’s', () => {
    for (const code of ['grant.envelope_exceeded', 'grant.axis_envelope_exceeded'] as const) {
      expect(toFrench(new ApiError(409, { code })).details).toEqual([
        'Le montant dépasse ce qui reste de l’enveloppe de l’appel ou de l’axe.',
      ]);
    }
  });

  it('explains a refused lifecycle move whatever the object', () => {
    for (const code of ['project.transition_forbidden', 'minutes.transition_forbidden'] as const) {
      expect(toFrench(new ApiError(409, { code })).details).toEqual([
        'Ce changement d’état n’est pas permis depuis l’état actuel du dossier.',
      ]);
    }
  });

  it('explains that a vote needs the quorum first', () => {
    expect(toFrench(new ApiError(409, { code: 'meeting.no_quorum' })).details[0]).toMatch(
      /quorum n’est pas atteint : enregistrez d’abord un émargement/,
    );
  });

  it('explains why a decision cannot validate the roadmap, and why a decision is refused', () => {
    expect(toFrench(new ApiError(409, { code: 'roadmap.decision_not_plenary' })).details).toEqual([
      'Seule une délibération de l’assemblée plénière valide la feuille de route.',
    ]);
    expect(toFrench(new ApiError(400, { code: 'decision.votes_over_present' })).details[0]).toMatch(
      /dépasse celui des sièges présents ou représentés/,
    );
  });

  it('explains a taken indicator code, and an indicator file that could not be read', () => {
    expect(toFrench(new ApiError(409, { code: 'indicator.code_taken' })).details).toEqual([
      'Un indicateur porte déjà ce code : choisissez-en un autre.',
    ]);
    expect(toFrench(new ApiError(400, { code: 'indicator.values_invalid' })).details[0]).toMatch(
      /^Le fichier est vide/,
    );
  });

  it('falls back to a generic conflict for an unknown code', () => {
    expect(toFrench(new ApiError(409, { code: 'meeting.closed' })).details[0]).toMatch(/n’est plus possible/);
  });

  it('says access is denied on a 403, never the English message', () => {
    const french = toFrench(new ApiError(403, { message: 'You are not allowed to do this' }));
    expect(french.title).toBe('Accès refusé');
    expect(french.details.join(' ')).not.toMatch(/allowed/);
  });

  it('tells an unreachable API from a server failure', () => {
    expect(toFrench(new ApiError(0)).title).toBe('Service injoignable');
    expect(toFrench(new ApiError(503)).title).toBe('Le service rencontre un problème');
  });

  it('does not leak what something else threw', () => {
    expect(toFrench(new TypeError('x is undefined'))).toEqual({
      title: 'Erreur inattendue',
      details: ['Rechargez la page et réessayez.'],
    });
  });
});
