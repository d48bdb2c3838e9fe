import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const config = [
  ...coreWebVitals,
  ...typescript,
  { ignores: ["**/.next/**", ".next-*/**", "**/next-env.d.ts", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**"] },
  {
    // import/no-cycle follows the project's own modules only: packages are neither parsed nor followed.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      // Only lib/env.ts reads the environment (scripts, tests and configs are outside the app).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from lib/env.ts." }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "tests/**", "*.config.*"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
