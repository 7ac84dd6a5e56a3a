import type { Child } from 'hono/jsx';
import { assetUrl } from './assets.js';

export type PageLanguage = 'en' | 'it';

/**
 * htmx's settings for every enhanced page: no indicator <style> injected (the CSP forbids inline
 * style), and 4xx answers swapped in like 2xx, because a refused form (403, 422) comes back as the
 * page with its explanation, exactly as it does without JavaScript.
 */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[234]..', swap: true },
    { code: '...', swap: false, error: true },
  ],
});

export interface PageProps {
  lang: PageLanguage;
  /** The page's own title; the product name is added after it. */
  title: string;
  /** Header navigation, already labelled in the page's language. */
  nav?: { href: string; label: string; current?: boolean }[];
  /** Footer links (privacy, terms, support), already labelled; `lang` marks a link to another language's page. */
  footer?: { href: string; label: string; lang?: PageLanguage }[];
  /** Loads htmx for pages that enhance forms; every page works without it. */
  enhance?: boolean;
  children?: Child;
}

/**
 * The one page shell for every web page (public pages and the dashboard): semantic landmarks for
 * screen readers, the classless stylesheet, and nothing inline so the strict CSP holds. Text in
 * JSX is escaped by hono/jsx, so user text can be passed as children as it is.
 */
export function Page(props: PageProps) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · dutybot`}</title>
        <link rel="stylesheet" href={assetUrl('pico.css')} />
        {props.enhance ? <meta name="htmx-config" content={HTMX_CONFIG} /> : null}
        {props.enhance ? <script src={assetUrl('htmx.js')} defer /> : null}
      </head>
      <body>
        <header>
          <nav aria-label="main">
            <ul>
              <li>
                <strong>dutybot</strong>
              </li>
            </ul>
            {props.nav?.length ? (
              <ul>
                {props.nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </nav>
        </header>
        <main>{props.children}</main>
        {props.footer?.length ? (
          <footer>
            <nav aria-label="footer">
              <ul>
                {props.footer.map((link) => (
                  <li>
                    <a href={link.href} hreflang={link.lang} lang={link.lang}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </footer>
        ) : null}
      </body>
    </html>
  );
}
