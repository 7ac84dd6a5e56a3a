import type { Request, Response, Router } from 'express';
import { PUBLIC_PATHS } from '../../../src/views/public-links.js';
import type { Lang } from '../../../src/views/types.js';
import type { WebContext } from '../context.js';
import { sendPage } from '../render.js';
import { publicPageLanguage } from './language.js';
import { operatorFacts } from './operator.js';
import { InstalledPage, LandingPage, PrivacyPage, type PublicPageProps, SupportPage, TermsPage } from './pages.js';

/**
 * The public pages, served to anyone without a session: the landing page, the page Slack's
 * OAuth install lands on, the privacy policy, the terms and support. Stores link to them
 * (manifest/), so they answer whatever the server's platforms are.
 */
export function publicPages(router: Router, context: WebContext): void {
  const operator = operatorFacts(context.env);
  const props = (req: Request, res: Response): PublicPageProps => {
    const lang: Lang = publicPageLanguage(req.query.lang, req.get('accept-language'));
    res.setHeader('Content-Language', lang);
    // The same URL answers in another language for another Accept-Language.
    res.setHeader('Vary', 'Accept-Language');
    return { lang, operator, offers: context.offers };
  };

  router.get(PUBLIC_PATHS.landing, (req, res) => sendPage(res, <LandingPage {...props(req, res)} />));
  router.get(PUBLIC_PATHS.installed, (req, res) =>
    sendPage(res, <InstalledPage {...props(req, res)} slackTeam={req.query.team} slackApp={req.query.app} />),
  );
  router.get(PUBLIC_PATHS.privacy, (req, res) => sendPage(res, <PrivacyPage {...props(req, res)} />));
  router.get(PUBLIC_PATHS.terms, (req, res) => sendPage(res, <TermsPage {...props(req, res)} />));
  router.get(PUBLIC_PATHS.support, (req, res) => sendPage(res, <SupportPage {...props(req, res)} />));
}
