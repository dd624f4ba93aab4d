import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useMutation } from 'urql';
import { Tile, latest } from '../../components/Tile';
import { graphql, readFragment, type ResultOf, type VariablesOf } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../live/context';
import { maxSequence, prependCapped } from '../../live/capped';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { triagesAlerts } from '../../lib/auth';
import { formatDateTime, formatNumber } from '../../lib/format';
import { navigate, useQueryParams } from '../../lib/router';

export const AlertRow = graphql(`
  fragment AlertRow on Alert {
    id
    sequence
    title
    severity
    status
    priority
    kind
    source
    occurrences
    firstSeen
    lastSeen
    system { id nameVi nameEn }
  }
`);

export const AlertQueue_Alerts = graphql(
  `
  query AlertQueue_Alerts($open: Boolean, $severity: AlertSeverity, $status: AlertStatus, $orderBy: AlertOrder!) {
    alerts(first: 200, open: $open, severity: $severity, status: $status, orderBy: $orderBy) {
      totalCount
      nodes { ...AlertRow }
    }
  }
`,
  [AlertRow],
);

export const AlertQueue_Raised = graphql(
  `
  subscription AlertQueue_Raised($after: String) {
    alertRaised(after: $after) { ...AlertRow }
  }
`,
  [AlertRow],
);

export const AlertQueue_Updated = graphql(
  `
  subscription AlertQueue_Updated {
    alertUpdated { ...AlertRow }
  }
`,
  [AlertRow],
);

export const AlertQueue_Triage = graphql(`
  mutation AlertQueue_Triage($id: String!, $status: AlertStatus) {
    updateAlert(id: $id, status: $status) { id status updatedAt acknowledgedAt }
  }
`);

/** One step on every selected alert, all or nothing: a refusal names each alert that refused it. */
export const AlertQueue_BulkTriage = graphql(`
  mutation AlertQueue_BulkTriage($ids: [String!]!, $status: AlertStatus) {
    updateAlerts(ids: $ids, status: $status) { id status updatedAt acknowledgedAt }
  }
`);

/** The selected alerts as one new incident (all or nothing: an alert already in one is named). */
export const AlertQueue_GroupIncident = graphql(`
  mutation AlertQueue_GroupIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) { id title alertCount }
  }
`);

export type AlertRowData = ResultOf<typeof AlertRow>;
type Variables = VariablesOf<typeof AlertQueue_Alerts>;

/** The queue never holds more rows than this: older ones fall off the end. */
export const queueLimit = 500;
const severityRank = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 } as const;
const openStatuses = new Set(['NEW', 'ACKNOWLEDGED', 'INVESTIGATING']);
export const orders = ['LAST_SEEN_DESC', 'FIRST_SEEN_DESC', 'PRIORITY_DESC'] as const;

export interface QueueFilters {
  open: boolean | undefined;
  severity: AlertRowData['severity'] | undefined;
  status: AlertRowData['status'] | undefined;
  search: string;
  orderBy: (typeof orders)[number];
}

export function filtersFrom(params: URLSearchParams): QueueFilters {
  const severity = params.get('severity');
  const status = params.get('status');
  const order = params.get('sort');
  const open = params.get('open');
  return {
    open: open === 'all' ? undefined : open === 'closed' ? false : true,
    severity: severity && severity in severityRank ? (severity as QueueFilters['severity']) : undefined,
    status: status && ['NEW', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'FALSE_POSITIVE'].includes(status) ? (status as QueueFilters['status']) : undefined,
    search: params.get('q') ?? '',
    orderBy: orders.includes(order as QueueFilters['orderBy']) ? (order as QueueFilters['orderBy']) : 'LAST_SEEN_DESC',
  };
}

/** Whether an alert belongs in the queue as filtered (live events are checked the same way). */
export function matches(alert: AlertRowData, filters: QueueFilters): boolean {
  if (filters.open === true && !openStatuses.has(alert.status)) return false;
  if (filters.open === false && openStatuses.has(alert.status)) return false;
  if (filters.severity && alert.severity !== filters.severity) return false;
  if (filters.status && alert.status !== filters.status) return false;
  if (filters.search) {
    const needle = fold(filters.search);
    if (!fold(`${alert.title} ${alert.system?.nameVi ?? ''} ${alert.system?.nameEn ?? ''} ${alert.id}`).includes(needle)) return false;
  }
  return true;
}

/** Accent- and case-insensitive text for search ("tra vinh" finds "Trà Vinh"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export function sortAlerts(list: readonly AlertRowData[], orderBy: QueueFilters['orderBy']): AlertRowData[] {
  const key = (alert: AlertRowData): [number, string] =>
    orderBy === 'PRIORITY_DESC' ? [alert.priority, alert.lastSeen] : [0, orderBy === 'FIRST_SEEN_DESC' ? alert.firstSeen : alert.lastSeen];
  return [...list].sort((a, b) => {
    const [pa, ta] = key(a);
    const [pb, tb] = key(b);
    return pb - pa || tb.localeCompare(ta) || b.id.localeCompare(a.id);
  });
}

/**
 * The alert queue: filtered and sorted from the URL, with alerts inserted and updated live. An
 * insertion above the analyst's view shifts the scroll by the new rows' height, so what they were
 * reading (and the selected row) stays where it was.
 */
export function AlertQueue({ selectedId }: { selectedId: string | undefined }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const canTriage = triagesAlerts(session?.role);
  const [params, setParams] = useQueryParams();
  const filters = filtersFrom(params);
  const variables: Variables = { open: filters.open, severity: filters.severity, status: filters.status, orderBy: filters.orderBy };
  const query = useLiveQuery(AlertQueue_Alerts, variables);
  const [live, setLive] = useState<AlertRowData[]>([]);
  const [answeredAt, setAnsweredAt] = useState(query.receivedAt);
  const lastSequence = useRef<string>(undefined);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [, bulkTriage] = useMutation(AlertQueue_BulkTriage);
  const [, groupIncident] = useMutation(AlertQueue_GroupIncident);
  const [bulkError, setBulkError] = useState<string>();
  const [opened, setOpened] = useState<string>();

  const fromQuery = useMemo(() => query.data?.alerts.nodes.map((node) => readFragment(AlertRow, node)), [query.data]);
  if (answeredAt !== query.receivedAt) {
    // A fresh answer includes every event before it: start the live overlay again from it.
    setAnsweredAt(query.receivedAt);
    setLive([]);
    for (const alert of fromQuery ?? []) lastSequence.current = maxSequence(lastSequence.current, alert.sequence);
  }

  const raised = useLiveSubscription(
    AlertQueue_Raised,
    {},
    (data) => {
      const alert = readFragment(AlertRow, data.alertRaised);
      lastSequence.current = maxSequence(lastSequence.current, alert.sequence);
      setLive((list) => prependCapped(list, alert, queueLimit));
    },
    { resume: () => lastSequence.current },
  );
  const updated = useLiveSubscription(AlertQueue_Updated, {}, (data) => {
    setLive((list) => prependCapped(list, readFragment(AlertRow, data.alertUpdated), queueLimit));
  });

  const rows = useMemo(() => {
    const byId = new Map<string, AlertRowData>();
    for (const alert of fromQuery ?? []) byId.set(alert.id, alert);
    // Live versions win over the query's (they are newer); order of insertion does not matter here.
    for (const alert of [...live].reverse()) byId.set(alert.id, alert);
    return sortAlerts([...byId.values()].filter((alert) => matches(alert, filters)), filters.orderBy).slice(0, queueLimit);
  }, [fromQuery, live, filters.open, filters.severity, filters.status, filters.search, filters.orderBy]);

  // Keep the first visible row where it was when rows are inserted above it.
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const captureAnchor = () => {
    const element = scroller.current;
    if (!element) return;
    const visible = [...element.querySelectorAll<HTMLTableRowElement>('tr[data-alert-id]')].find((row) => row.offsetTop + row.offsetHeight > element.scrollTop);
    anchor.current = visible ? { id: visible.dataset.alertId!, top: visible.offsetTop - element.scrollTop } : null;
  };
  useLayoutEffect(() => {
    const element = scroller.current;
    const saved = anchor.current;
    if (element && saved && element.scrollTop > 0) {
      const row = element.querySelector<HTMLTableRowElement>(`tr[data-alert-id="${CSS.escape(saved.id)}"]`);
      if (row) element.scrollTop = row.offsetTop - saved.top;
    }
    captureAnchor();
  }, [rows]);

  const select = (id: string) => navigate(`/soc/alerts/${encodeURIComponent(id)}?${params.toString()}`);
  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const target = event.key === 'ArrowDown' ? rows[index + 1] : event.key === 'ArrowUp' ? rows[index - 1] : undefined;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(rows[index]!.id);
    } else if (target) {
      event.preventDefault();
      scroller.current?.querySelector<HTMLElement>(`tr[data-alert-id="${CSS.escape(target.id)}"]`)?.focus();
    }
  };
  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const bulk = async (status: 'ACKNOWLEDGED' | 'RESOLVED' | 'FALSE_POSITIVE') => {
    setBulkError(undefined);
    setOpened(undefined);
    const result = await bulkTriage({ ids: [...checked], status });
    // Nothing changed on a refusal, so the selection stays for the analyst to adjust.
    if (result.error) setBulkError(result.error.graphQLErrors[0]?.message ?? result.error.message);
    else setChecked(new Set());
  };
  const group = async () => {
    setBulkError(undefined);
    setOpened(undefined);
    // Named after the first selected alert in the queue's order, with how many it groups.
    const lead = rows.find((row) => checked.has(row.id));
    const title = t('soc.incidentTitle', { title: lead?.title ?? '', n: checked.size }).slice(0, 300);
    const result = await groupIncident({ input: { title, alertIds: [...checked] } });
    if (result.error) setBulkError(result.error.graphQLErrors[0]?.message ?? result.error.message);
    else {
      setOpened(result.data?.createIncident.id);
      setChecked(new Set());
    }
  };

  return (
    <Tile
      name="alert-queue"
      title={t('soc.queue')}
      className="queue-tile"
      updatedAt={latest(query.receivedAt, raised.eventAt, updated.eventAt)}
      failure={query.failure}
      streamFailure={raised.failure ?? updated.failure}
      loading={!query.data}
    >
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('common.search')}
          <input type="search" value={filters.search} onChange={(event) => setParams({ q: event.target.value })} />
        </label>
        <label>
          {t('soc.severity')}
          <select value={filters.severity ?? ''} onChange={(event) => setParams({ severity: event.target.value || null })}>
            <option value="">{t('common.all')}</option>
            {(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const).map((severity) => (
              <option key={severity} value={severity}>
                {t(`severity.${severity}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('soc.state')}
          <select value={params.get('open') ?? 'open'} onChange={(event) => setParams({ open: event.target.value === 'open' ? null : event.target.value })}>
            <option value="open">{t('soc.openOnly')}</option>
            <option value="closed">{t('soc.closedOnly')}</option>
            <option value="all">{t('common.all')}</option>
          </select>
        </label>
        <label>
          {t('soc.sort')}
          <select value={filters.orderBy} onChange={(event) => setParams({ sort: event.target.value === 'LAST_SEEN_DESC' ? null : event.target.value })}>
            {orders.map((order) => (
              <option key={order} value={order}>
                {t(`soc.order.${order}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">{t('soc.shown', { shown: formatNumber(lang, rows.length), total: formatNumber(lang, query.data?.alerts.totalCount) })}</span>
      </form>
      {canTriage && checked.size > 0 && (
        <div className="bulk" role="toolbar" aria-label={t('soc.bulk')}>
          <span>{t('soc.selected', { n: checked.size })}</span>
          <button type="button" className="button" data-action="bulk-acknowledge" onClick={() => void bulk('ACKNOWLEDGED')}>
            {t('soc.acknowledge')}
          </button>
          <button type="button" className="button" data-action="bulk-resolve" onClick={() => void bulk('RESOLVED')}>
            {t('soc.resolve')}
          </button>
          <button type="button" className="button" data-action="bulk-false-positive" onClick={() => void bulk('FALSE_POSITIVE')}>
            {t('soc.falsePositive')}
          </button>
          <button type="button" className="button" data-action="bulk-group" onClick={() => void group()}>
            {t('soc.group')}
          </button>
        </div>
      )}
      {bulkError && <p className="notice notice-refused" role="alert">{bulkError}</p>}
      {opened && <p className="notice" role="status">{t('soc.incidentOpened', { id: opened })}</p>}
      <div className="queue-scroll" ref={scroller} onScroll={captureAnchor}>
        <table className="queue">
          <thead>
            <tr>
              {canTriage && <th scope="col"><span className="visually-hidden">{t('soc.bulk')}</span></th>}
              <th scope="col">{t('soc.severity')}</th>
              <th scope="col">{t('soc.alert')}</th>
              <th scope="col">{t('soc.status')}</th>
              <th scope="col">{t('soc.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((alert, index) => (
              <tr
                key={alert.id}
                data-alert-id={alert.id}
                aria-selected={alert.id === selectedId}
                tabIndex={0}
                onClick={() => select(alert.id)}
                onKeyDown={(event) => onKey(event, index)}
                className={`severity-row-${alert.severity}`}
              >
                {canTriage && (
                  <td onClick={(event) => event.stopPropagation()}>
                    <input type="checkbox" aria-label={t('soc.check', { title: alert.title })} checked={checked.has(alert.id)} onChange={() => toggle(alert.id)} />
                  </td>
                )}
                <td>
                  <span className={`severity-pill severity-text-${alert.severity}`}>{t(`severity.${alert.severity}`)}</span>
                  <span className="muted small"> P{alert.priority}</span>
                </td>
                <td>
                  <span data-testid="alert-title" className="alert-title">{alert.title}</span>
                  <span className="muted small">{alert.system ? (lang === 'vi' ? alert.system.nameVi : alert.system.nameEn) : '—'}{alert.occurrences > 1 ? ` · ×${alert.occurrences}` : ''}</span>
                </td>
                <td data-testid="alert-status">{t(`alertStatus.${alert.status}`)}</td>
                <td className="nowrap">{formatDateTime(lang, alert.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {query.data && rows.length === 0 && <p className="muted">{t('soc.empty')}</p>}
      </div>
    </Tile>
  );
}
