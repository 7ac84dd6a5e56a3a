import type { DashboardSession, LedgerFilters, LedgerPageView } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { confirmationStateLabel } from '../../../src/views/labels.js';
import { ColumnHeads, DashboardPage, EvidenceLink, typedText, userLabel, when } from './parts.js';

/** The ledger query string for these filters (and a cursor), so paging keeps the filters. */
export function ledgerHref(filters: LedgerFilters, before?: number): string {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'service', 'person', 'kind'] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (before !== undefined) query.set('before', String(before));
  const text = query.toString();
  return text ? `/dashboard/ledger?${text}` : '/dashboard/ledger';
}

/** Every ledger entry, filtered and paged, with the chain's state and head on every page. */
export function LedgerView(props: { session: DashboardSession; page: LedgerPageView }) {
  const { session, page } = props;
  const d = catalogue(session.lang).dashboard;
  const l = d.ledger;
  const t = d.table;
  const f = page.filters;
  return (
    <DashboardPage session={session} section="ledger" title={l.title}>
      <h1>{l.title}</h1>
      <p>{l.intro}</p>
      <article role="status">
        <p>
          <strong>
            {page.chain.checking
              ? `… ${l.chainChecking}`
              : page.chain.ok
                ? `✔ ${l.chainOk}`
                : `✖ ${l.chainBroken(page.chain.brokenAt)}`}
          </strong>
        </p>
        {page.chain.ok || page.chain.checking ? null : (
          <ul>
            {page.chain.problems.map((problem) => (
              <li>{typedText(problem)}</li>
            ))}
          </ul>
        )}
        <p>
          <small>
            <code>{l.head(page.chain.headSeq, page.chain.headHash)}</code>
            <br />
            {page.chain.checking ? null : l.checkedAt(when(page.chain.checkedAt, session))}
          </small>
        </p>
      </article>
      <form method="get" action="/dashboard/ledger">
        <fieldset class="grid">
          <label>
            {l.from}
            <input type="text" name="from" value={f.from ?? ''} inputmode="numeric" placeholder="2026-01-01" />
          </label>
          <label>
            {l.to}
            <input type="text" name="to" value={f.to ?? ''} inputmode="numeric" placeholder="2026-12-31" />
          </label>
          <label>
            {d.period.service}
            <select name="service">
              <option value="">{d.period.any}</option>
              {page.options.services.map((s) => (
                <option value={s.id} selected={f.service === s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {l.person}
            <input type="text" name="person" value={f.person ?? ''} />
          </label>
          <label>
            {l.kind}
            <select name="kind">
              <option value="">{d.period.any}</option>
              {page.options.kinds.map((kind) => (
                <option value={kind} selected={f.kind === kind}>
                  {kind}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <button type="submit">{d.period.apply}</button>
      </form>
      {page.problem ? <p role="alert">{typedText(page.problem)}</p> : null}
      {page.entries.length === 0 ? (
        <p role="status">{l.none}</p>
      ) : (
        <div class="overflow-auto">
          <table>
            <ColumnHeads labels={[t.seq, t.when, t.kind, t.actor, t.duty, t.detail, t.evidence, t.hash]} />
            <tbody>
              {page.entries.map((entry) => (
                <tr>
                  <th scope="row">{entry.seq}</th>
                  <td>{when(entry.at, session)}</td>
                  <td>{entry.kind}</td>
                  <td>{userLabel(entry.actor)}</td>
                  <td>
                    {entry.dutyId ? (
                      <>
                        <a href={`/dashboard/duty/${encodeURIComponent(entry.dutyId)}`}>
                          {entry.dutyTitle ?? typedText(entry.dutyId)}
                        </a>{' '}
                        <small>{typedText(entry.occurrence)}</small>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {entry.status ? (
                      <strong>{confirmationStateLabel({ status: entry.status }, session.lang)}</strong>
                    ) : null}
                    {entry.note ? <> {typedText(entry.note)}</> : null}
                    {entry.reason ? <> {typedText(entry.reason)}</> : null}
                    {entry.detail ? <small>{typedText(entry.detail)}</small> : null}
                  </td>
                  <td>
                    <EvidenceLink url={entry.evidenceUrl} />
                  </td>
                  <td>
                    <code title={entry.hash}>{entry.hash.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={l.title}>
        <ul>
          {f.before !== undefined ? (
            <li>
              <a href={ledgerHref(f)}>{l.newest}</a>
            </li>
          ) : null}
          {page.next !== null ? (
            <li>
              <a href={ledgerHref(f, page.next)} rel="next">
                {l.older}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </DashboardPage>
  );
}
