/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }] },
  // lib/ (the built CLI that the command-line tests spawn) is built once, before every suite.
  globalSetup: '<rootDir>/tests/global-setup.js',
  testTimeout: 60000,
};
