import { wantsAppPage } from './app-page';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('which requests get the web app’s index.html', () => {
  it('answers a browser opening a page of the app, with or without a query', () => {
    expect(wantsAppPage('GET', '/projets/42', HTML)).toBe(true);
    expect(wantsAppPage('GET', '/projets?statut=selected', HTML)).toBe(true);
    expect(wantsAppPage('GET', '/', HTML)).toBe(true);
  });

  it('leaves the API and the health check to their JSON 404', () => {
    expect(wantsAppPage('GET', '/api/nope', HTML)).toBe(false);
    expect(wantsAppPage('GET', '/api', HTML)).toBe(false);
    expect(wantsAppPage('GET', '/health/x', HTML)).toBe(false);
  });

  it('still serves app pages whose name only starts like the API’s', () => {
    expect(wantsAppPage('GET', '/apiculture', HTML)).toBe(true);
  });

  it('does not answer scripts, missing files or writes', () => {
    expect(wantsAppPage('GET', '/assets/missing.js', '*/*')).toBe(false);
    expect(wantsAppPage('GET', '/projets', undefined)).toBe(false);
    expect(wantsAppPage('POST', '/projets', HTML)).toBe(false);
  });

  it('answers the root whatever the client accepts (a probe, `curl -I /`)', () => {
    expect(wantsAppPage('HEAD', '/', undefined)).toBe(true);
    expect(wantsAppPage('GET', '/?x=1', '*/*')).toBe(true);
    expect(wantsAppPage('POST', '/', '*/*')).toBe(false);
  });
});
