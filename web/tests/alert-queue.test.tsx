import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertQueue, fold, queueLimit } from '../src/screens/soc/AlertQueue';
import { fakeGraph, renderConsole } from './harness';

function alert(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Alert',
    id: `a-${n}`,
    sequence: String(n),
    title: `Alert number ${n}`,
    severity: 'HIGH',
    status: 'NEW',
    priority: 6,
    kind: 'INTRUSION',
    source: 'WAZUH',
    occurrences: 1,
    firstSeen: new Date(Date.UTC(2023, 0, 1, 0, n)).toISOString(),
    lastSeen: new Date(Date.UTC(2023, 0, 1, 0, n)).toISOString(),
    system: { __typename: 'InformationSystem', id: 'sys', nameVi: 'Cổng dịch vụ công', nameEn: 'Public service portal' },
    ...overrides,
  };
}

const seeded = [3, 2, 1].map((n) => alert(n));

beforeEach(() => window.history.replaceState(null, '', '/soc/alerts/a-2'));
afterEach(cleanup);

function ids(container: HTMLElement) {
  return [...container.querySelectorAll('tr[data-alert-id]')].map((row) => row.getAttribute('data-alert-id'));
}

describe('AlertQueue', () => {
  it('inserts a raised alert live at the top without moving the selection', async () => {
    const graph = fakeGraph({ AlertQueue_Alerts: { alerts: { __typename: 'AlertConnection', totalCount: 3, nodes: seeded } } });
    const { container } = renderConsole(<AlertQueue selectedId="a-2" />, { client: graph.client });
    await waitFor(() => expect(ids(container)).toEqual(['a-3', 'a-2', 'a-1']));
    act(() => graph.push('AlertQueue_Raised', { alertRaised: alert(4, { title: 'Brand new alert' }) }));
    expect(ids(container)).toEqual(['a-4', 'a-3', 'a-2', 'a-1']);
    expect(container.querySelector('tr[aria-selected="true"]')?.getAttribute('data-alert-id')).toBe('a-2');
    expect(screen.getByText('Brand new alert').getAttribute('data-testid')).toBe('alert-title');
  });

  it('shows an update in place and drops an alert that no longer matches the filter', async () => {
    const graph = fakeGraph({ AlertQueue_Alerts: { alerts: { __typename: 'AlertConnection', totalCount: 3, nodes: seeded } } });
    const { container } = renderConsole(<AlertQueue selectedId={undefined} />, { client: graph.client });
    await waitFor(() => expect(ids(container)).toHaveLength(3));
    act(() => graph.push('AlertQueue_Updated', { alertUpdated: alert(3, { status: 'ACKNOWLEDGED' }) }));
    expect(container.querySelector('tr[data-alert-id="a-3"] [data-testid="alert-status"]')?.textContent).toBe('Đã tiếp nhận');
    act(() => graph.push('AlertQueue_Updated', { alertUpdated: alert(1, { status: 'RESOLVED' }) }));
    expect(ids(container)).toEqual(['a-3', 'a-2']);
  });

  it('counts a replayed alert once (a resumed stream may send it again)', async () => {
    const graph = fakeGraph({ AlertQueue_Alerts: { alerts: { __typename: 'AlertConnection', totalCount: 3, nodes: seeded } } });
    const { container } = renderConsole(<AlertQueue selectedId={undefined} />, { client: graph.client });
    await waitFor(() => expect(ids(container)).toHaveLength(3));
    act(() => {
      graph.push('AlertQueue_Raised', { alertRaised: alert(4) });
      graph.push('AlertQueue_Raised', { alertRaised: alert(4) });
      graph.push('AlertQueue_Raised', { alertRaised: alert(3) });
    });
    expect(ids(container)).toEqual(['a-4', 'a-3', 'a-2', 'a-1']);
  });

  it('keeps at most queueLimit rows however many alerts arrive', async () => {
    const graph = fakeGraph({ AlertQueue_Alerts: { alerts: { __typename: 'AlertConnection', totalCount: 0, nodes: [] } } });
    const { container } = renderConsole(<AlertQueue selectedId={undefined} />, { client: graph.client });
    await waitFor(() => expect(container.querySelector('table')).not.toBeNull());
    act(() => {
      for (let n = 1; n <= queueLimit + 50; n += 1) graph.push('AlertQueue_Raised', { alertRaised: alert(n) });
    });
    const rows = ids(container);
    expect(rows).toHaveLength(queueLimit);
    expect(rows[0]).toBe(`a-${queueLimit + 50}`);
  }, 30_000);

  it('filters by search text ignoring accents, and puts the filter in the URL', async () => {
    const graph = fakeGraph({
      AlertQueue_Alerts: { alerts: { __typename: 'AlertConnection', totalCount: 2, nodes: [alert(2, { title: 'Mã độc Trà Vinh' }), alert(1)] } },
    });
    const { container } = renderConsole(<AlertQueue selectedId={undefined} />, { client: graph.client });
    await waitFor(() => expect(ids(container)).toHaveLength(2));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'tra vinh' } });
    expect(new URLSearchParams(window.location.search).get('q')).toBe('tra vinh');
    await waitFor(() => expect(ids(container)).toEqual(['a-2']));
    expect(fold('Đà Nẵng')).toBe('da nang');
  });

  it('sends a bulk step as one request for every selected alert, and groups a selection into an incident', async () => {
    const graph = fakeGraph({
      AlertQueue_Alerts: { alerts: { __typename: 'AlertConnection', totalCount: 3, nodes: seeded } },
      AlertQueue_BulkTriage: { updateAlerts: [] },
      AlertQueue_GroupIncident: { createIncident: { __typename: 'Incident', id: 'INC-2026-0007', title: 't', alertCount: 2 } },
    });
    const { container } = renderConsole(<AlertQueue selectedId={undefined} />, { client: graph.client, lang: 'en' });
    await waitFor(() => expect(container.querySelectorAll('input[type="checkbox"]')).toHaveLength(3));
    const boxes = container.querySelectorAll('input[type="checkbox"]');
    fireEvent.click(boxes[0]!);
    fireEvent.click(boxes[2]!);
    fireEvent.click(container.querySelector('[data-action="bulk-acknowledge"]')!);
    await waitFor(() => expect(graph.seen.filter((op) => op.name === 'AlertQueue_BulkTriage')).toHaveLength(1));
    expect(graph.seen.find((op) => op.name === 'AlertQueue_BulkTriage')!.variables).toEqual({ ids: ['a-3', 'a-1'], status: 'ACKNOWLEDGED' });
    expect(graph.seen.some((op) => op.name === 'AlertQueue_Triage')).toBe(false);
    await waitFor(() => expect(container.querySelector('[data-action="bulk-group"]')).toBeNull());
    fireEvent.click(boxes[0]!);
    fireEvent.click(boxes[2]!);
    fireEvent.click(container.querySelector('[data-action="bulk-group"]')!);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Incident INC-2026-0007 opened'));
    expect(graph.seen.find((op) => op.name === 'AlertQueue_GroupIncident')!.variables).toEqual({ input: { title: 'Alert number 3 (2 alerts)', alertIds: ['a-3', 'a-1'] } });
    expect(container.querySelector('[data-action="bulk-group"]')).toBeNull();
  });

  it('shows bulk triage only to roles that may triage', async () => {
    const answers = { AlertQueue_Alerts: { alerts: { __typename: 'AlertConnection', totalCount: 3, nodes: seeded } } };
    const analyst = renderConsole(<AlertQueue selectedId={undefined} />, { client: fakeGraph(answers).client, role: 'soc-analyst' });
    await waitFor(() => expect(analyst.container.querySelectorAll('input[type="checkbox"]')).toHaveLength(3));
    fireEvent.click(analyst.container.querySelector('input[type="checkbox"]')!);
    expect(analyst.container.querySelector('[data-action="bulk-acknowledge"]')).not.toBeNull();
    cleanup();
    const agency = renderConsole(<AlertQueue selectedId={undefined} />, { client: fakeGraph(answers).client, role: 'agency-client' });
    await waitFor(() => expect(ids(agency.container)).toHaveLength(3));
    expect(agency.container.querySelectorAll('input[type="checkbox"]')).toHaveLength(0);
  });
});
