import type {
  DutyRecord,
  ErratumRecord,
  ExamplesRecord,
  FactRecord,
  KnowledgeFile,
  ServiceId,
  ServiceRecord,
} from './schema.js';

/** A duty with its service attached: the unit the rest of the core works with. */
export interface Duty extends DutyRecord {
  service: ServiceId;
  /** Source section heading, e.g. "WebSpace - Web Hosting". */
  serviceName: string;
  /** 0-based position of the bullet within its service and party list, in source order. */
  position: number;
}

/** The loaded, validated and indexed knowledge base. Immutable after load. */
export interface Knowledge {
  document: KnowledgeFile['document'];
  services: readonly ServiceRecord[];
  duties: readonly Duty[];
  facts: readonly FactRecord[];
  errata: readonly ErratumRecord[];
  /** The pack's examples for the welcome and help (derived from the pack when it gives none). */
  examples: ExamplesRecord;
  dutyById: ReadonlyMap<string, Duty>;
  serviceById: ReadonlyMap<ServiceId, ServiceRecord>;
  /** Absolute path of the YAML file it came from (for messages). */
  file: string;
  /** Absolute path of the pack's vocabulary (`lexicon.yaml` beside `file`), which the answer engine reads. */
  lexiconFile: string;
}
