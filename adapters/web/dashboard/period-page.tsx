import type { DashboardSession, PeriodPage } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { confirmationStateLabel, stateLabel } from '../../../src/views/labels.js';
import { ColumnHeads, DashboardPage, EvidenceLink, typedText, userLabel, when } from './parts.js';

/** "This period": per service in use, each scheduled duty's current occurrence. */
export function PeriodView(props: { session: DashboardSession; page: PeriodPage }) {
  const { session, page } = props;
  const c = catalogue(session.lang);
  const d = c.dashboard;
  const t = d.table;
  const empty = page.services.every((s) => s.rows.length === 0);
  return (
    <DashboardPage session={session} section="period" title={d.period.title}>
      <h1>{d.period.title}</h1>
      <p>{d.period.intro}</p>
      <form method="get" action="/dashboard" aria-label={d.period.filters}>
        <fieldset class="grid">
          <label>
            {d.period.service}
            <select name="service">
              <option value="">{d.period.any}</option>
              {page.options.services.map((s) => (
                <option value={s.id} selected={page.filters.service === s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {d.period.owner}
            <select name="owner">
              <option value="">{d.period.any}</option>
              <option value="-" selected={page.filters.owner === '-'}>
                {d.period.unowned}
              </option>
              {page.options.owners.map((owner) => (
                <option value={owner} selected={page.filters.owner === owner}>
                  {userLabel(owner)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {d.period.state}
            <select name="state">
              <option value="">{d.period.any}</option>
              {page.options.states.map((state) => (
                <option value={state} selected={page.filters.state === state}>
                  {stateLabel(state, session.lang)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <button type="submit">{d.period.apply}</button>
      </form>
      {empty ? <p role="status">{d.period.nothing}</p> : null}
      {page.services
        .filter((service) => service.rows.length > 0)
        .map((service) => (
          <section aria-labelledby={`service-${service.id}`}>
            <h2 id={`service-${service.id}`}>{service.name}</h2>
            <div class="overflow-auto">
              <table>
                <ColumnHeads labels={[t.duty, t.period, t.state, t.owners, t.confirmed, t.evidence]} />
                <tbody>
                  {service.rows.map(({ occurrence: o }) => {
                    const last = o.lastConfirmation;
                    return (
                      <tr>
                        <th scope="row">
                          <a href={`/dashboard/duty/${encodeURIComponent(o.duty.id)}`}>{o.duty.title}</a>
                        </th>
                        <td>
                          {o.periodLabel}
                          <br />
                          <small>
                            {t.deadline}: {when(o.deadline, session)}
                          </small>
                        </td>
                        <td>
                          <strong>{stateLabel(o.state, session.lang)}</strong>
                          {o.openBeforeInstall ? (
                            <>
                              <br />
                              <small>{c.ui.openBeforeInstall}</small>
                            </>
                          ) : null}
                        </td>
                        <td>{o.ownerIds.length ? o.ownerIds.map(userLabel).join(', ') : c.ui.noOwner}</td>
                        <td>
                          {last ? (
                            <>
                              {confirmationStateLabel(last, session.lang)} {c.ui.by} {userLabel(last.by)}
                              <br />
                              <small>{when(last.at, session)}</small>
                              {last.note ? (
                                <>
                                  <br />
                                  <small>
                                    {t.note}: {typedText(last.note)}
                                  </small>
                                </>
                              ) : null}
                              {last.reason ? (
                                <>
                                  <br />
                                  <small>
                                    {t.reason}: {typedText(last.reason)}
                                  </small>
                                </>
                              ) : null}
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>{last ? <EvidenceLink url={last.evidenceUrl} /> : null}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))}
    </DashboardPage>
  );
}
