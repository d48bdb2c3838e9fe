import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

// The layering (docs/architecture.md, "Layers"): UI → actions → services → data, reads beside
// writes, and the pure libraries importable from anywhere because they import nothing of ours.
const PURE = ["**/lib/money/**", "**/lib/calendar/{beijing,working-days,calendar-days}.ts", "**/lib/i18n/words.ts"];
const layering = {
  zones: [
    { target: "./lib/**", from: ["./app/**", "./components/**"], message: "lib/ sits below the UI: it never imports app/ or components/." },
    {
      // Route handlers (app/api) are an edge like actions: they may call a service.
      target: ["./app/**/page.tsx", "./app/**/layout.tsx", "./components/**"],
      from: ["./lib/**/services/**"],
      message: "Pages and components read through queries and change through actions, never through services/.",
    },
    { target: ["./lib/**/queries.ts", "./lib/**/*-queries.ts", "./lib/**/*-view.ts"], from: ["./lib/**/services/**"], message: "Reads never import writes: move the shared rule into the domain's scope.ts or a pure module." },
    { target: "./lib/**/services/**", from: ["./lib/**/actions.ts", "./lib/**/*-actions.ts"], message: "Actions call services, never the other way round." },
    { target: PURE, from: ["./lib/**"], except: PURE, message: "money, the Beijing calendar and Words are pure: they import nothing else of the portal." },
  ],
};

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
      "import/no-restricted-paths": ["error", layering],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "tests/**", "*.config.*"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
