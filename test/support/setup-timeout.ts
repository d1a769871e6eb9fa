// Suites start real processes: minutes, not the unit-test default of 5 s.
jest.setTimeout(60_000);
