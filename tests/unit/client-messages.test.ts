import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { clientNamespacesOf, declaredNamespaces, messagesUsedIn, reachedFiles } from "../support/client-namespaces";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const usedOnTheClient = (): Map<string, string> => {
  const used = new Map<string, string>();
  for (const file of ["app", "components", "lib"].flatMap((d) => sources(path.join(process.cwd(), d)))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)) used.set(m[1] ?? "", file);
  }
  return used;
};

describe("the messages handed to client components", () => {
  it("cover every namespace a component translates with on the client, in both languages", () => {
    const used = usedOnTheClient();
    expect(used.size).toBeGreaterThan(10);
    for (const [namespace, file] of used) {
      expect(namespace, `${file} translates with the whole catalogue`).not.toBe("");
      expect(CLIENT_NAMESPACES.some((n) => namespace === n || namespace.startsWith(`${n}.`)), `${namespace} (${file}) is not in CLIENT_NAMESPACES`).toBe(true);
    }
    for (const catalogue of [zhCN, en]) {
      const picked = clientMessages(catalogue);
      for (const namespace of CLIENT_NAMESPACES) {
        const value = namespace.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], picked);
        expect(value, namespace).toBeTypeOf("object");
      }
    }
  });

  it("are a fraction of the catalogue, nesting kept", () => {
    const picked = clientMessages(zhCN);
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(zhCN).length / 2);
    expect(picked).toMatchObject({ auth: zhCN.auth, admin: { controls: zhCN.admin.controls } });
    expect(picked).not.toHaveProperty("stats");
    expect(clientMessages({ a: { b: { c: "x" }, d: "y" } }, ["a.b", "missing.x"])).toEqual({ a: { b: { c: "x" } } });
  });

  it("go to each page for the namespaces its client components use, and no others", () => {
    const routes = sources(path.join(process.cwd(), "app")).filter((f) => /[/\\](page|layout|not-found|template)\.tsx$/.test(f));
    expect(routes.length).toBeGreaterThan(50);
    const covers = (declared: readonly string[], ns: string) => declared.some((d) => ns === d || ns.startsWith(`${d}.`));
    let wrapped = 0;
    for (const route of routes) {
      const name = path.relative(process.cwd(), route);
      const used = clientNamespacesOf(route);
      // The list sits in the page, or in the one component a page delegates to (the staff case route).
      const declared = [...reachedFiles(route)].flatMap((file) => declaredNamespaces(file) ?? []);
      if (used.length) wrapped += 1;
      // A page may hand over single messages of a namespace ("auth.sendCode"): then every message its
      // components translate with in that namespace must be among them.
      const picked = (ns: string) => declared.filter((d) => d.startsWith(`${ns}.`));
      for (const ns of used) {
        if (!covers(declared, ns) && picked(ns).length) {
          for (const key of messagesUsedIn(reachedFiles(route), ns)) expect(picked(ns), `${name} reaches a client component that translates with ${key}`).toContain(key);
          continue;
        }
        expect(covers(declared, ns), `${name} reaches a client component that translates with ${ns}`).toBe(true);
      }
      for (const ns of declared) {
        expect(used.some((u) => u === ns || u.startsWith(`${ns}.`) || ns.startsWith(`${u}.`)), `${name} hands ${ns} to the client, which none of its components uses`).toBe(true);
        expect(covers(CLIENT_NAMESPACES, ns), `${name}: ${ns} is not in CLIENT_NAMESPACES`).toBe(true);
      }
    }
    expect(wrapped).toBeGreaterThan(30);
  });

  it("may be single messages, then every one a component translates with (literal keys only)", () => {
    const form = path.join(process.cwd(), "components", "auth", "forgot-password-form.tsx");
    const used = messagesUsedIn(reachedFiles(form), "auth");
    expect(used).toContain("auth.sendReset");
    expect(used).toContain("auth.sendCode"); // from the mobile code flow it reaches
    expect(used.length).toBeLessThan(Object.keys(zhCN.auth).length / 2);
    const dir = mkdtempSync(path.join(tmpdir(), "ncd-messages-"));
    const file = path.join(dir, "x.tsx");
    writeFileSync(file, 'const tr = useTranslations("auth");\nconst k = "a";\nexport const a = [tr("sendCode"), tr(k)];\n');
    expect(() => messagesUsedIn([file], "auth")).toThrow(/tr is used other than/);
    writeFileSync(file, 'const tr = useTranslations("auth");\n// don\'t\nexport const a = [tr("sendCode"), tr("mobile", { n: 1 })];\n');
    expect(messagesUsedIn([file], "auth")).toEqual(["auth.mobile", "auth.sendCode"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("never come from the root layout, which a client-side navigation does not render again", () => {
    const layout = readFileSync(path.join(process.cwd(), "app", "layout.tsx"), "utf8");
    expect(layout).not.toMatch(/<NextIntlClientProvider|<ClientMessages/);
    expect(clientNamespacesOf(path.join(process.cwd(), "app", "layout.tsx"))).toEqual([]);
  });

  it("leave the page error boundary to its own few words, handed over by the root layout", () => {
    const layout = readFileSync(path.join(process.cwd(), "app", "layout.tsx"), "utf8");
    expect(layout).toMatch(/<ErrorPageWords>/);
    // The boundary is in every route's JavaScript: no message formatting library for six strings.
    const boundary = readFileSync(path.join(process.cwd(), "app", "error.tsx"), "utf8");
    expect(boundary).not.toMatch(/next-intl/);
    expect(boundary).toMatch(/useContext\(ErrorWordsContext\)/);
  });
});
