import Link from "next/link";
import { preload } from "react-dom";
import { getLocale, getTranslations } from "next-intl/server";
import { shownAccountHolder } from "@/lib/auth/actor";
import { homeOf } from "@/lib/auth/roles";
import { setLocale } from "@/lib/i18n/actions";
import { signOutAction } from "@/lib/auth/actions";

export async function SiteHeader() {
  const [t, roles, locale, actor] = await Promise.all([
    getTranslations("common"),
    getTranslations("roles"),
    getLocale(),
    shownAccountHolder(),
  ]);
  preload("/mark.svg", { as: "image", fetchPriority: "high" });
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={actor ? homeOf(actor.role) : "/"} className="brand">
          {/* A plain img: the mark is a 40 px SVG with nothing to optimise, and next/image would
              add some 11 kB of client JavaScript to every page for it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img className="brand__mark" src="/mark.svg" alt="" width={40} height={40} fetchPriority="high" decoding="async" />
          <span className="brand__text">
            <strong>{t("brand")}</strong>
            <small>{t("programme")}</small>
          </span>
        </Link>
        <nav className="site-header__actions" aria-label={t("home")}>
          <form action={setLocale}>
            <input type="hidden" name="locale" value={locale === "en" ? "zh-CN" : "en"} />
            <button type="submit" className="btn btn--link" lang={locale === "en" ? "zh-CN" : "en"}>
              {t("switchTo")}
            </button>
          </form>
          {actor ? (
            <>
              <span className="who" data-testid="who">
                {actor.displayName} · {roles(actor.role)}
              </span>
              <Link href="/account" className="btn btn--link">{t("account")}</Link>
              <form action={signOutAction}>
                <button type="submit" className="btn btn--secondary btn--small">{t("signOut")}</button>
              </form>
            </>
          ) : (
            <Link href="/login" className="btn btn--secondary btn--small">{t("signIn")}</Link>
          )}
        </nav>
      </div>
    </header>
  );
}
