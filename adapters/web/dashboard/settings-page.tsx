import type { DashboardSession, SettingsPage } from '../../../src/bot/types.js';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { DASHBOARD_PATHS } from '../../../src/views/dashboard-links.js';
import { CsrfField, DashboardPage, type FormResult, ResultNotice, sentenceText } from './parts.js';

/** The settings in force (everyone reads them); admins change them through `settings set` and `assign`. */
export function SettingsView(props: { session: DashboardSession; page: SettingsPage; result?: FormResult | null }) {
  const { session, page } = props;
  const s = catalogue(session.lang).dashboard.settings;
  return (
    <DashboardPage session={session} section="settings" title={s.title}>
      <ResultNotice result={props.result ?? null} />
      <h1>{s.title}</h1>
      <ul>
        {page.lines.map((line) => (
          <li>{sentenceText(line)}</li>
        ))}
      </ul>
      <details>
        <summary>{s.yaml}</summary>
        <pre>
          <code>{sentenceText(page.yaml)}</code>
        </pre>
      </details>
      {session.isAdmin ? (
        <>
          <h2>{s.change}</h2>
          <form method="post" action="/dashboard/settings">
            <CsrfField session={session} />
            <label>
              {s.key}
              <input type="text" name="key" list="setting-keys" required />
            </label>
            <datalist id="setting-keys">
              {page.keys.map((key) => (
                <option value={key} />
              ))}
            </datalist>
            <label>
              {s.value}
              <input type="text" name="value" required />
            </label>
            <button type="submit">{s.save}</button>
          </form>
          <h2>{s.assign}</h2>
          <form method="post" action="/dashboard/settings/assign">
            <CsrfField session={session} />
            <label>
              {s.target}
              <input type="text" name="target" required />
            </label>
            <label>
              {s.users}
              <input type="text" name="users" required />
            </label>
            <button type="submit">{s.assignSave}</button>
          </form>
        </>
      ) : (
        <p>{s.readOnly}</p>
      )}
    </DashboardPage>
  );
}

/** Export: the ledger as CSV or JSON, complete (admins, as the `export` command). */
export function ExportView(props: { session: DashboardSession }) {
  const { session } = props;
  const e = catalogue(session.lang).dashboard.export;
  return (
    <DashboardPage session={session} section="export" title={e.title}>
      <h1>{e.title}</h1>
      {session.isAdmin ? (
        <>
          <p>{e.intro}</p>
          <ul>
            <li>
              <a href={DASHBOARD_PATHS.auditorPack} download hx-boost="false">
                {catalogue(session.lang).auditorPack.link}
              </a>
              <br />
              <small>{catalogue(session.lang).auditorPack.about}</small>
            </li>
            <li>
              <a href="/dashboard/export/ledger.csv" download hx-boost="false">
                {e.csv}
              </a>
            </li>
            <li>
              <a href="/dashboard/export/ledger.json" download hx-boost="false">
                {e.json}
              </a>
            </li>
          </ul>
        </>
      ) : (
        <p>{e.adminsOnly}</p>
      )}
    </DashboardPage>
  );
}
