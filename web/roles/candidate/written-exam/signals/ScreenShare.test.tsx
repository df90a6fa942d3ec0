import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordMyAttemptEvents } from '../../../../../shared/api/attempt-events.js';
import { getMyAttempt, submitMyAttempt } from '../../../../../shared/api/written-exam.js';
import { FakeApi } from '../../../../test/fake-api.js';
import { render, sessionUser } from '../../../../test/render.js';
import { memoryStorage } from '../answer-storage.js';
import {
  attemptView,
  EXAM_PATH,
  EXAM_URL,
  myAttempt,
} from '../written-exam-fixtures.test-support.js';
import { WrittenExamPage } from '../WrittenExamPage.js';
import type { EventStorage } from './event-queue.js';
import { memoryEventStorage } from './event-storage.js';

// The written exam's screen share (issue 14 §3) and the attempt's event log: the browser's
// picker is stubbed (jsdom has none); the tracks are event targets the test ends by hand.

const MINUTE = 60_000;

class FakeTrack extends EventTarget {
  readonly kind = 'video';
  contentHint = '';
  readonly stop = vi.fn();
  constructor(private readonly surface: string) {
    super();
  }
  getSettings() {
    return { displaySurface: this.surface };
  }
}

function streamOf(track: FakeTrack): MediaStream {
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] };
  return stream as unknown as MediaStream;
}

/** The browser's picker: each call answers the next of `surfaces` (or refuses with a name). */
function withPicker(...surfaces: string[]) {
  const tracks: FakeTrack[] = [];
  const getDisplayMedia = vi.fn((options: DisplayMediaStreamOptions) => {
    expect(options).toMatchObject({ video: { displaySurface: 'monitor' }, audio: false });
    const next = surfaces.shift() ?? 'monitor';
    if (next === 'NotAllowedError') {
      return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    }
    const track = new FakeTrack(next);
    tracks.push(track);
    return Promise.resolve(streamOf(track));
  });
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getDisplayMedia },
  });
  return { getDisplayMedia, tracks };
}

const sharedAttempt = (overrides: Parameters<typeof attemptView>[0] = {}) =>
  myAttempt(attemptView(overrides), { screenShareRequired: true });

const acknowledging = (api: FakeApi) =>
  api.on(recordMyAttemptEvents, (request) => ({
    stored: (request.body as { events: unknown[] }).events.length,
    duplicates: 0,
  }));

function renderExam(api: FakeApi, events: EventStorage = memoryEventStorage()) {
  return render(<WrittenExamPage storage={memoryStorage()} eventStorage={events} />, {
    path: EXAM_PATH,
    url: EXAM_URL,
    user: sessionUser(),
    api,
  });
}

interface SentEvent {
  id: string;
  type: string;
  detail?: Record<string, unknown>;
}
const sentEvents = (api: FakeApi) =>
  api
    .requestsTo(recordMyAttemptEvents)
    .flatMap((request) => (request.body as { events: SentEvent[] }).events);
const sentTypes = (api: FakeApi) => sentEvents(api).map((event) => event.type);

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
  Reflect.deleteProperty(document, 'visibilityState');
  sessionStorage.clear();
  localStorage.clear();
});

describe('共享屏幕 before and during the written exam', () => {
  it('refuses a window, then opens the paper once the whole screen is shared', async () => {
    const picker = withPicker('window', 'monitor');
    const api = acknowledging(new FakeApi().on(getMyAttempt, sharedAttempt()));
    const page = renderExam(api);
    expect(await screen.findByRole('heading', { name: '共享屏幕' })).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: '剩余时间' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '第1题' })).not.toBeInTheDocument();

    await page.user.click(screen.getByRole('button', { name: /共享整个屏幕/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/您共享的是一个窗口或标签页/);
    expect(picker.tracks[0]?.stop).toHaveBeenCalled();
    expect(screen.queryByRole('heading', { name: '第1题' })).not.toBeInTheDocument();

    await page.user.click(screen.getByRole('button', { name: /共享整个屏幕/ }));
    expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '共享屏幕' })).not.toBeInTheDocument();
    expect(picker.tracks[1]?.contentHint).toBe('detail');
    expect(picker.tracks[1]?.stop).not.toHaveBeenCalled();
    // Each press of 共享屏幕 is logged (the inactivity submit counts it), then the share.
    await waitFor(() =>
      expect(sentTypes(api)).toEqual([
        'screen_share_requested',
        'screen_share_requested',
        'screen_share_started',
      ]),
    );
    expect(sentEvents(api)[2]?.detail).toEqual({ surface: 'monitor' });
  });

  it('blocks the paper when sharing stops, until the screen is shared again', async () => {
    const picker = withPicker('monitor', 'NotAllowedError', 'monitor');
    const api = acknowledging(new FakeApi().on(getMyAttempt, sharedAttempt()));
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('button', { name: /共享整个屏幕/ }));
    expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();

    // The browser's own "stop sharing" bar ends the track.
    act(() => {
      picker.tracks[0]?.dispatchEvent(new Event('ended'));
    });
    const dialog = await screen.findByRole('alertdialog', { name: '屏幕共享已停止' });
    expect(dialog).toHaveAccessibleDescription(/考试计时仍在继续，您已作答的内容已保存/);
    const again = within(dialog).getByRole('button', { name: '重新共享' });
    expect(again).toHaveFocus();
    await page.user.tab();
    expect(again).toHaveFocus();
    // The paper stays behind it, out of reach, with its clock running.
    const paper = screen.getByText('Ubiquitous means ___.').closest('[inert]');
    expect(paper).not.toBeNull();
    await waitFor(() =>
      expect(sentTypes(api)).toEqual([
        'screen_share_requested',
        'screen_share_started',
        'screen_share_stopped',
      ]),
    );

    await page.user.click(again);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/屏幕共享被取消/);
    await page.user.click(within(dialog).getByRole('button', { name: '重新共享' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByText('Ubiquitous means ___.').closest('[inert]')).toBeNull();
    await waitFor(() =>
      expect(sentTypes(api)).toEqual([
        'screen_share_requested',
        'screen_share_started',
        'screen_share_stopped',
        'screen_share_requested',
        'screen_share_requested',
        'screen_share_started',
      ]),
    );
    expect(sentEvents(api)[2]?.detail).toEqual({ reason: 'ended' });
  });

  it('says so where the browser cannot share a screen (phones, old browsers)', async () => {
    renderExam(new FakeApi().on(getMyAttempt, sharedAttempt()));
    expect(await screen.findByRole('alert')).toHaveTextContent(/当前浏览器不支持屏幕共享/);
    expect(screen.getByRole('button', { name: /共享整个屏幕/ })).toBeDisabled();
  });

  it('asks for nothing where the exam does not require sharing', async () => {
    const api = new FakeApi().on(getMyAttempt, myAttempt(attemptView()));
    renderExam(api);
    expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '共享屏幕' })).not.toBeInTheDocument();
  });

  it('blocks nothing once time is up: the page only waits for the server to submit', async () => {
    const deadline = new Date(Date.now() - 1_000).toISOString();
    renderExam(new FakeApi().on(getMyAttempt, sharedAttempt({ deadline })));
    expect(await screen.findByText('考试时间已到，正在交卷…')).toBeVisible();
    expect(screen.queryByRole('heading', { name: '共享屏幕' })).not.toBeInTheDocument();
  });

  it('stops the screen share on 交卷成功', async () => {
    const picker = withPicker('monitor');
    const open = attemptView({ submitOpensAt: new Date(Date.now() - MINUTE).toISOString() });
    const submittedAt = new Date().toISOString();
    const api = acknowledging(
      new FakeApi()
        .on(getMyAttempt, myAttempt(open, { screenShareRequired: true }))
        .on(submitMyAttempt, { ...open, state: 'submitted', submittedAt, submitReason: 'manual' }),
    );
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('button', { name: /共享整个屏幕/ }));
    await page.user.click(await screen.findByRole('button', { name: /交卷/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '确认交卷' }));
    await page.user.click(dialog.getByRole('button', { name: /确认交卷/ }));
    expect(await screen.findByText('交卷成功')).toBeInTheDocument();
    expect(picker.tracks[0]?.stop).toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(sentTypes(api)).toEqual(['screen_share_requested', 'screen_share_started']);
  });
});

describe("the attempt's event log on the page", () => {
  it('keeps page hide/show events while offline and sends them after a reload', async () => {
    const events = memoryEventStorage();
    const down = new FakeApi()
      .on(getMyAttempt, myAttempt(attemptView()))
      .on(recordMyAttemptEvents, () => {
        throw new TypeError('Failed to fetch');
      });
    const before = renderExam(down, events);
    expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();
    setVisibility('hidden');
    setVisibility('visible');
    await waitFor(() => expect(down.requestsTo(recordMyAttemptEvents).length).toBeGreaterThan(0));
    const kept = await events.list(attemptView().attemptId);
    expect(kept.map((event) => event.type)).toEqual(['page_hidden', 'page_visible']);
    before.unmount();

    const up = acknowledging(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    renderExam(up, events);
    await waitFor(() => expect(sentTypes(up)).toEqual(['page_hidden', 'page_visible']));
    // The same events, by their ids: the server stores a replay once.
    expect(sentEvents(up).map((event) => event.id)).toEqual(kept.map((event) => event.id));
    await waitFor(async () => expect(await events.list(attemptView().attemptId)).toEqual([]));
  });

  it('says the share was lost when the page is reloaded while sharing', async () => {
    withPicker('monitor');
    const api = acknowledging(new FakeApi().on(getMyAttempt, sharedAttempt()));
    const before = renderExam(api);
    await before.user.click(await screen.findByRole('button', { name: /共享整个屏幕/ }));
    await waitFor(() =>
      expect(sentTypes(api)).toEqual(['screen_share_requested', 'screen_share_started']),
    );
    // A reload runs no clean-up: what the page left in sessionStorage is all the next one sees.
    const marks = Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)]);
    before.unmount();
    for (const [key, value] of marks) if (key && value) sessionStorage.setItem(key, value);

    const after = acknowledging(new FakeApi().on(getMyAttempt, sharedAttempt()));
    renderExam(after);
    expect(await screen.findByRole('heading', { name: '共享屏幕' })).toBeInTheDocument();
    // The unmount here ran the clean-up a reload skips: its 'left' comes through as well.
    await waitFor(() =>
      expect(sentEvents(after).map((event) => event.detail)).toContainEqual({
        reason: 'reloaded',
      }),
    );
    expect(sentTypes(after).every((type) => type === 'screen_share_stopped')).toBe(true);
  });
});
