import type { Response } from 'express';
import { catalogue } from '../../../src/views/catalogue/index.js';
import type { Lang } from '../../../src/views/types.js';
import { Page } from '../layout.js';
import { sendPage } from '../render.js';

/** Short pages that say one thing: sign in, refused, not found, out-of-date form. */
export function Notice(props: { lang: Lang; title: string; text: string; status?: 'error' }) {
  return (
    <Page lang={props.lang} title={props.title}>
      <h1>{props.title}</h1>
      <p role={props.status === 'error' ? 'alert' : undefined}>{props.text}</p>
    </Page>
  );
}

export function notFound(res: Response, lang: Lang): Promise<void> {
  const d = catalogue(lang).dashboard;
  return sendPage(res, <Notice lang={lang} title={d.notFound} text={d.notFoundText} />, 404);
}

export function refusedForm(res: Response, lang: Lang): Promise<void> {
  const d = catalogue(lang).dashboard;
  return sendPage(res, <Notice lang={lang} title={d.product} text={d.csrfRefused} status="error" />, 403);
}
