import type { Dutybot } from '../../src/bot/types.js';
import type { Logger } from '../../src/logging/logger.js';
import type { PublicLinks } from '../../src/views/public-links.js';

/** What every web feature receives: the facade, the logger, and how the outside world reaches us. */
export interface WebContext {
  dutybot: Dutybot;
  logger: Logger;
  /** `DUTYBOT_PUBLIC_URL` without a trailing slash; undefined when the server is only local. */
  publicUrl: string | undefined;
  links: PublicLinks | undefined;
  env: NodeJS.ProcessEnv;
}
