import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/App';
import { AlertTicker } from '../src/screens/overview/AlertTicker';
import { withStickyParams } from '../src/lib/router';
import { socketUrl } from '../src/lib/client';
import { sessionFromToken } from '../src/lib/auth';
import { fakeGraph, renderConsole, tokenFor } from './harness';

const counts = { open: { totalCount: 1208 }, critical: { totalCount: 1 }, high: { totalCount: 2 }, medium: { totalCount: 3 }, low: { totalCount: 4 } };

beforeEach(() => {
  window.history.replaceState(null, '', '/soc');
  // No gateway here: the sign-in screen's dev-user list answers 404 as in production.
  vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the console shell', () => {
  it('opens the sign-in dialog over the current view when the token is refused, keeping the view', async () => {
    const graph = fakeGraph({ AlertTicker_Counts: counts });
    const { auth } = renderConsole(<App />, { client: graph.client, role: 'ioc-viewer' });
    await waitFor(() => expect(screen.getByTestId('open-alerts-count').textContent).toBe('1.208'));
    expect(screen.queryByTestId('token-input')).toBeNull();
    act(() => auth.markExpired());
    expect(screen.getByTestId('token-input')).not.toBeNull();
    await waitFor(() => expect(screen.getByText('Máy chủ không cung cấp người dùng thử.')).not.toBeNull());
    expect(screen.getByTestId('open-alerts-count').textContent).toBe('1.208');
    expect(window.location.pathname).toBe('/soc');
  });

  it('switches every label to English and remembers it', async () => {
    const graph = fakeGraph({ AlertTicker_Counts: counts });
    const { container } = renderConsole(<App />, { client: graph.client, role: 'ioc-viewer' });
    await waitFor(() => expect(screen.getByTestId('open-alerts-count').textContent).toBe('1.208'));
    expect(container.querySelector('[data-nav="overview"]')?.textContent).toBe('Tổng quan');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(container.querySelector('[data-nav="overview"]')?.textContent).toBe('Overview');
    expect(screen.getByTestId('open-alerts-count').textContent).toBe('1,208');
    expect(localStorage.getItem('ioc.lang')).toBe('en');
    localStorage.removeItem('ioc.lang');
  });

  it('gives viewers counts and severities but never subscribes to alert details', async () => {
    const graph = fakeGraph({ AlertTicker_Counts: counts });
    const { container } = renderConsole(<AlertTicker />, { client: graph.client, role: 'ioc-viewer' });
    await waitFor(() => expect(screen.getByTestId('open-alerts-count').textContent).toBe('1.208'));
    expect(graph.seen.map((each) => each.name)).not.toContain('AlertTicker_Raised');
    expect(container.querySelector('[data-testid="alert-title"]')).toBeNull();
    expect(container.textContent).toContain('Vai trò này chỉ xem được số lượng và mức độ.');
  });

  it('shows analysts the raised alerts as they arrive', async () => {
    const graph = fakeGraph({ AlertTicker_Counts: counts });
    const { container } = renderConsole(<AlertTicker />, { client: graph.client, role: 'soc-analyst' });
    await waitFor(() => expect(graph.seen.map((each) => each.name)).toContain('AlertTicker_Raised'));
    act(() =>
      graph.push('AlertTicker_Raised', {
        alertRaised: { id: 'a-9', sequence: '9', title: 'Webshell on portal', severity: 'CRITICAL', status: 'NEW', firstSeen: '2023-01-01T00:00:00Z', system: { id: 's', nameVi: 'Cổng', nameEn: 'Portal' } },
      }),
    );
    expect(container.textContent).toContain('Webshell on portal');
  });
});

describe('plumbing', () => {
  it('keeps kiosk and rotation across navigation', () => {
    expect(withStickyParams('/soc?severity=HIGH', new URLSearchParams('kiosk&rotate=20'))).toBe('/soc?severity=HIGH&kiosk&rotate=20');
    expect(withStickyParams('/egov', new URLSearchParams(''))).toBe('/egov');
  });

  it('derives the socket URL from the page origin', () => {
    expect(socketUrl({ protocol: 'https:', host: 'ioc.travinh.gov.vn' })).toBe('wss://ioc.travinh.gov.vn/graphql');
    expect(socketUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe('ws://localhost:4000/graphql');
  });

  it('reads role and agency from a pasted token, with or without "Bearer"', () => {
    expect(sessionFromToken(`Bearer ${tokenFor('soc-analyst')}`)?.role).toBe('soc-analyst');
    expect(sessionFromToken('not a token')).toBeNull();
  });
});
