// jest over the whole suite: ts-jest compiles each test with the TypeScript program of
// tsconfig.jest.json and reports type errors as failures, so a broken type-level test fails
// `npm test`. Tests that need a DOM say so in a `@jest-environment jsdom` docblock.
/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json", diagnostics: true }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFilesAfterEnv: ["jest-expect-message"],
  // The browser and LibreOffice suites start real programs; a slow shared machine needs the room.
  testTimeout: 120_000,
  // Two cores: more workers than that only make the Chromium and LibreOffice suites time out.
  maxWorkers: 2,
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/lib/"],
};
