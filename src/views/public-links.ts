/**
 * Where the public pages live. The web adapter serves these paths and every surface that links
 * to them (Slack App Home, Teams welcome and help, manifests) builds its URLs here, so a moved
 * page is one edit.
 */
export const PUBLIC_PATHS = {
  landing: '/',
  installed: '/installed',
  privacy: '/privacy',
  terms: '/terms',
  support: '/support',
} as const;

export type PublicPage = keyof typeof PUBLIC_PATHS;

export type PublicLinks = Record<PublicPage, string>;

/**
 * Absolute links under the operator's public URL (`DUTYBOT_PUBLIC_URL`), or none when the server
 * is not reachable from outside: a link that cannot open is worse than no link.
 */
export function publicLinks(publicUrl: string | undefined): PublicLinks | undefined {
  if (!publicUrl) return undefined;
  const base = publicUrl.replace(/\/+$/, '');
  const links = {} as PublicLinks;
  for (const [page, path] of Object.entries(PUBLIC_PATHS) as [PublicPage, string][]) {
    links[page] = path === '/' ? `${base}/` : `${base}${path}`;
  }
  return links;
}
