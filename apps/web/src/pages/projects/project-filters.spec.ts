import { queryFromParams } from './project-filters';

describe('the project list’s filters in the URL', () => {
  it('turns the French parameters into the API’s query, leaving out the empty ones and the page', () => {
    const params = new URLSearchParams(
      'appel=c1&statut=under_review&public=women&recherche=toulouse&axe=&page=3&tri=score',
    );
    expect(queryFromParams(params)).toEqual({
      callId: 'c1',
      status: 'under_review',
      targetPublic: 'women',
      search: 'toulouse',
      sort: 'score',
    });
  });

  it('asks for everything when nothing is chosen', () => {
    expect(queryFromParams(new URLSearchParams())).toEqual({});
  });
});
