import { CoreErrorCode } from './core.errors';
import { DomainError } from './domain-error';
import { errorBody } from './error-body';

/** What Nest's HttpException looks like to the filter (Nest itself does not load in the unit project). */
const httpException = (status: number, response: string | object) => ({
  message: typeof response === 'string' ? response : 'Http Exception',
  getStatus: () => status,
  getResponse: () => response,
});

describe('errorBody', () => {
  it('keeps the contract shape for a domain error and adds its code', () => {
    const body = errorBody(DomainError.conflict('grant.exists', 'This project already has a grant'));
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'This project already has a grant',
      code: 'grant.exists',
    });
  });

  it('sends a refused lifecycle move with where it stands and the moves allowed from there', () => {
    const error = DomainError.forbiddenTransition('project.transition_forbidden', 'draft', 'selected', [
      'submitted',
      'withdrawn',
    ]);
    expect(errorBody(error)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'project cannot go from draft to selected (allowed: submitted, withdrawn)',
      code: 'project.transition_forbidden',
      details: { from: 'draft', to: 'selected', allowedTransitions: ['submitted', 'withdrawn'] },
    });
  });

  it('names the entity from the code in not-found and stale-version messages, as before codes were typed', () => {
    expect(errorBody(DomainError.notFound('local_health_contract.not_found', 'abc'))).toMatchObject({
      statusCode: 404,
      message: 'local_health_contract abc not found',
      code: 'local_health_contract.not_found',
    });
    expect(errorBody(DomainError.staleVersion('grant.stale_version')).message).toMatch(/^grant was changed/);
  });

  it('keeps the list of field sentences of a 400 and passes on its code and failed fields', () => {
    const body = errorBody(
      httpException(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: ['amountCents must be an integer number'],
        code: CoreErrorCode.ValidationInvalid,
        details: { fields: [{ field: 'amountCents', constraints: ['isInt'] }] },
      }),
    );
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['amountCents must be an integer number'],
      code: 'validation.invalid',
      details: { fields: [{ field: 'amountCents', constraints: ['isInt'] }] },
    });
  });

  it.each([
    [400, 'validation.invalid'],
    [401, 'auth.required'],
    [403, 'access.forbidden'],
    [404, 'resource.not_found'],
    [413, 'request.too_large'],
    [415, 'request.rejected'],
    [429, 'rate.limited'],
  ])('gives a guard’s or pipe’s %i without a code of its own the code %s', (status, code) => {
    const body = errorBody(httpException(status, { statusCode: status, message: 'Refusé', error: 'X' }));
    expect(body).toMatchObject({ statusCode: status, message: 'Refusé', code });
    expect(errorBody(httpException(status, 'Refusé'))).toMatchObject({ statusCode: status, code });
  });

  it('keeps a failed health check’s dependency states beside the code', () => {
    const details = { database: { status: 'down' }, redis: { status: 'up' } };
    const body = errorBody(httpException(503, { status: 'error', info: {}, error: {}, details }));
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Unavailable: database',
      code: 'service.unavailable',
      status: 'error',
      details,
    });
  });

  it('codes what the database refuses, and what is nobody’s fault but ours', () => {
    const duplicate = { driverError: { code: '23505', detail: 'Key (legal_number)=(x) already exists.' } };
    expect(errorBody(duplicate)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'legalNumber: already exists',
      code: 'database.already_exists',
    });
    expect(errorBody({ code: '23503' })).toMatchObject({ statusCode: 400, code: 'database.reference_unknown' });
    expect(errorBody({ code: '57P01' })).toMatchObject({ statusCode: 503, code: 'service.unavailable' });
    expect(errorBody(new Error('boom'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      code: 'internal.error',
    });
  });

  it('codes Fastify’s own refusals by their status', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(errorBody(tooLarge)).toMatchObject({ statusCode: 413, code: 'request.too_large' });
  });

  it('tells when to retry in details as well as in Retry-After', () => {
    const error = DomainError.retryLater('too_many_requests', 'auth.throttled', 'Trop de tentatives', 900);
    expect(errorBody(error)).toMatchObject({
      statusCode: 429,
      code: 'auth.throttled',
      details: { retryAfterSeconds: 900 },
    });
  });
});
