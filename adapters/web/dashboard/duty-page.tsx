import { randomUUID } from 'node:crypto';
import type { DashboardSession, DutyPage } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { confirmationStateLabel, stateLabel } from '../../../src/views/labels.js';
import {
  ColumnHeads,
  CsrfField,
  DashboardPage,
  EvidenceLink,
  type FormResult,
  ResultNotice,
  typedText,
  userLabel,
  when,
} from './parts.js';

/** One duty: its source text (EN and IT), how it is scheduled here, its history, and the confirm forms. */
export function DutyView(props: { session: DashboardSession; page: DutyPage; result?: FormResult | null }) {
  const { session, page } = props;
  const c = catalogue(session.lang);
  const d = c.dashboard;
  const t = d.table;
  const current = page.current;
  const open = current && (current.state === 'due' || current.state === 'overdue' || current.state === 'snoozed');
  const action = `/dashboard/duty/${encodeURIComponent(page.duty.id)}/confirm`;
  const hidden = (kind: 'done' | 'skip' | 'snooze') => (
    <>
      <CsrfField session={session} />
      <input type="hidden" name="occurrence" value={current?.occurrence ?? ''} />
      <input type="hidden" name="action" value={kind} />
      {/* A form sent twice (double click, reload) records once: the core dedupes on this key. */}
      <input type="hidden" name="key" value={randomUUID()} />
    </>
  );
  return (
    <DashboardPage session={session} section="duty" title={page.duty.title}>
      <ResultNotice result={props.result ?? null} />
      <h1>{page.duty.title}</h1>
      <p>
        {page.duty.serviceName} · <code>{page.duty.id}</code>
      </p>
      <section aria-labelledby="source">
        <h2 id="source">{d.duty.sourceText}</h2>
        <blockquote lang="en">
          {page.text}
          <footer>
            <cite>
              {page.source.label} — {page.source.section}
            </cite>
          </footer>
        </blockquote>
        <h3>{d.duty.italian}</h3>
        <blockquote lang="it">{page.textIt}</blockquote>
        <dl>
          <dt>{d.duty.sourceCadence}</dt>
          <dd>{page.sourceCadence}</dd>
          <dt>{d.duty.schedule}</dt>
          <dd>{page.schedule ?? d.duty.notScheduled(page.notScheduled ?? '')}</dd>
        </dl>
      </section>
      {current ? (
        <section aria-labelledby="current">
          <h2 id="current">{d.duty.current}</h2>
          <p>
            {current.periodLabel}: <strong>{stateLabel(current.state, session.lang)}</strong> · {t.due}{' '}
            {when(current.dueAt, session)} · {t.deadline} {when(current.deadline, session)} · {t.owners}:{' '}
            {current.ownerIds.length ? current.ownerIds.map(userLabel).join(', ') : c.ui.noOwner}
          </p>
          {open && page.mayConfirm ? (
            <>
              <h3>{d.duty.confirm}</h3>
              <form method="post" action={action}>
                {hidden('done')}
                <label>
                  {d.confirm.note}
                  <textarea name="note" maxlength={2000} />
                </label>
                <label>
                  {d.confirm.evidence}
                  <input type="url" name="evidence" />
                </label>
                <button type="submit">{d.confirm.done}</button>
              </form>
              <form method="post" action={action}>
                {hidden('skip')}
                <label>
                  {d.confirm.reason}
                  <input type="text" name="reason" required />
                </label>
                <button type="submit" class="secondary">
                  {d.confirm.skip}
                </button>
              </form>
              <form method="post" action={action}>
                {hidden('snooze')}
                <label>
                  {d.confirm.until}
                  <select name="snooze">
                    {page.snoozeOptions.map((option) => (
                      <option value={option.id}>{option.label}</option>
                    ))}
                  </select>
                </label>
                <button type="submit" class="secondary">
                  {d.confirm.snooze}
                </button>
              </form>
            </>
          ) : open ? (
            <p>{d.duty.readOnly}</p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{d.duty.history}</h2>
        {page.history.length === 0 ? (
          <p>{d.duty.noHistory}</p>
        ) : (
          <div class="overflow-auto">
            <table>
              <ColumnHeads labels={[t.period, t.state, t.actor, t.when, t.note, t.evidence, t.seq]} />
              <tbody>
                {page.history.map((entry) => (
                  <tr>
                    <th scope="row">{entry.occurrence}</th>
                    <td>{confirmationStateLabel(entry, session.lang)}</td>
                    <td>{userLabel(entry.by)}</td>
                    <td>{when(entry.at, session)}</td>
                    <td>{typedText(entry.note ?? entry.reason)}</td>
                    <td>
                      <EvidenceLink url={entry.evidenceUrl} />
                    </td>
                    <td>{entry.seq}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </DashboardPage>
  );
}
