import { isJobDashboardUrl, withoutThirdPartyFonts } from './dashboard-access';

describe('the job dashboard’s routes', () => {
  it('are its page and everything under it, nothing else', () => {
    expect(['/admin/queues', '/admin/queues/', '/admin/queues/api/queues'].map(isJobDashboardUrl)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['/admin/queuesX', '/admin', '/api/admin/queues', '/'].map(isJobDashboardUrl)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('serve its page without the Google Fonts stylesheet, keeping its own', () => {
    const page = `<title>Tâches</title>
    <link href="https://fonts.googleapis.com/css2?family=IBM+Plex+Sans:wght@400&display=swap" rel="stylesheet">
<link href="static/css/main.css" rel="stylesheet"></head>`;
    expect(withoutThirdPartyFonts(page)).toBe(`<title>Tâches</title>
    <link href="static/css/main.css" rel="stylesheet"></head>`);
  });
});
