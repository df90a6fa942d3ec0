import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  measureUplink,
  pingServer,
  saveMyDeviceReport,
  type DeviceReport,
} from '../../../../../shared/api/check-in.js';
import { FakeApi, refuse } from '../../../../test/fake-api.js';
import { render, sessionUser } from '../../../../test/render.js';
import { checkInState } from '../check-in-fixtures.test-support.js';
import { DeviceCheckStep } from './DeviceCheckStep.js';

/** What jsdom lacks of a browser's media API: streams that hold no tracks here. */
class TracklessStream {
  private readonly tracks: MediaStreamTrack[] = [];
  addTrack(track: MediaStreamTrack) {
    this.tracks.push(track);
  }
  getTracks() {
    return [...this.tracks];
  }
  getVideoTracks() {
    return this.tracks.filter((track) => track.kind === 'video');
  }
  getAudioTracks() {
    return this.tracks.filter((track) => track.kind === 'audio');
  }
}

/** The browser refuses the camera and the microphone, each with its own DOMException name. */
function browserRefusing(video: string, audio: string) {
  const getUserMedia = vi.fn((constraints: MediaStreamConstraints) =>
    Promise.reject(new DOMException('refused', constraints.video ? video : audio)),
  );
  vi.stubGlobal('MediaStream', TracklessStream);
  vi.stubGlobal('isSecureContext', true);
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getUserMedia },
  });
  return getUserMedia;
}

/** WebAudio as far as the microphone meter uses it: a silent analyser. */
class SilentAudioContext {
  createAnalyser() {
    return { fftSize: 0, getFloatTimeDomainData: (samples: Float32Array) => samples.fill(0) };
  }
  createMediaStreamSource() {
    return { connect: () => undefined };
  }
  resume() {
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

/** A PC without a camera (issue 19): the camera is not found, the microphone opens. */
function browserWithoutCamera() {
  const getUserMedia = vi.fn((constraints: MediaStreamConstraints) => {
    if (constraints.video) {
      return Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    }
    const stream = new TracklessStream();
    stream.addTrack({
      kind: 'audio',
      label: 'fake mic',
      stop: vi.fn(),
    } as unknown as MediaStreamTrack);
    return Promise.resolve(stream);
  });
  vi.stubGlobal('MediaStream', TracklessStream);
  vi.stubGlobal('AudioContext', SilentAudioContext);
  vi.stubGlobal('isSecureContext', true);
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getUserMedia },
  });
}

const network = () =>
  new FakeApi()
    .on(pingServer, { serverTime: new Date().toISOString() })
    .on(measureUplink, { bytes: 1024 * 1024, receiveMs: 800 });

function renderStep(api: FakeApi, state = checkInState()) {
  const onStateChange = vi.fn();
  const page = render(<DeviceCheckStep state={state} onStateChange={onStateChange} />, {
    user: sessionUser(),
    api,
  });
  return { ...page, onStateChange };
}

const PERMISSION =
  '浏览器未获得摄像头/麦克风权限。请点击地址栏左侧的锁形图标，将“摄像头”和“麦克风”设为“允许”，然后刷新页面。';

describe('DeviceCheckStep (设备检测) when something fails', () => {
  beforeEach(() => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('explains a refused permission once, sends the report by itself, and retries on request', async () => {
    const getUserMedia = browserRefusing('NotAllowedError', 'NotAllowedError');
    const api = network().on(saveMyDeviceReport, ({ body }) =>
      checkInState({ steps: { device: { report: body as DeviceReport } } }),
    );
    const page = renderStep(api);
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('摄像头或麦克风无法使用');
    expect(within(alert).getAllByText(PERMISSION)).toHaveLength(1);
    expect(alert).toHaveTextContent('检测报告会自动提交');
    expect(await screen.findByText('检测报告已提交')).toBeInTheDocument();
    const [sent] = api.requestsTo(saveMyDeviceReport);
    expect(sent?.body).toMatchObject({
      camera: { ok: false, error: 'permission_denied' },
      microphone: { ok: false, error: 'permission_denied' },
    });
    // Sent without the candidate asking: the page stays on this step.
    expect(page.onStateChange).not.toHaveBeenCalled();

    const asked = getUserMedia.mock.calls.length;
    await page.user.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(getUserMedia.mock.calls.length).toBeGreaterThan(asked));
  });

  it('names each device that fails, with what to do', async () => {
    browserRefusing('NotFoundError', 'NotReadableError');
    const page = renderStep(network().on(saveMyDeviceReport, checkInState()));
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('未检测到摄像头或麦克风。请连接设备后刷新页面。');
    expect(alert).toHaveTextContent(
      '摄像头或麦克风正被其他程序占用。请关闭其他使用摄像头的程序（如会议软件）后重试。',
    );
  });

  it('tells a page without HTTPS that the browser will not open the camera', async () => {
    vi.stubGlobal('MediaStream', TracklessStream);
    vi.stubGlobal('isSecureContext', false);
    const page = renderStep(network().on(saveMyDeviceReport, checkInState()));
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '当前页面不是安全连接（HTTPS），浏览器不允许使用摄像头。请使用学校提供的 https 地址访问。',
    );
  });

  it('says when the network cannot be measured, and the report says so too', async () => {
    browserRefusing('NotAllowedError', 'NotAllowedError');
    const api = new FakeApi()
      .on(pingServer, refuse('INTERNAL'))
      .on(saveMyDeviceReport, ({ body }) =>
        checkInState({ steps: { device: { report: body as DeviceReport } } }),
      );
    const page = renderStep(api);
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));
    expect(await screen.findByText('无法连接服务器测速，请检查网络')).toBeInTheDocument();

    // The speaker is still asked about: play the sound, then answer.
    await page.user.click(screen.getByRole('button', { name: /播放测试声音/ }));
    await page.user.click(await screen.findByRole('button', { name: '听不到' }));
    await page.user.click(screen.getByRole('button', { name: '查看检测报告' }));
    const report = within(await screen.findByRole('region', { name: '检测报告' }));
    expect(report.getByText('无法完成测速')).toBeInTheDocument();
    expect(report.getByText('听不到测试声音')).toBeInTheDocument();
  });

  it('keeps 查看检测报告 disabled until every device is answered', async () => {
    browserRefusing('NotAllowedError', 'NotAllowedError');
    const page = renderStep(network().on(saveMyDeviceReport, checkInState()));
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('button', { name: '查看检测报告' })).toBeDisabled();
    expect(
      screen.getByText('请完成摄像头、扬声器和麦克风的确认后查看检测报告。'),
    ).toBeInTheDocument();
  });

  it('says the check did not pass when the server keeps the step pending', async () => {
    browserRefusing('NotAllowedError', 'NotAllowedError');
    const api = network().on(saveMyDeviceReport, ({ body }) =>
      checkInState({ steps: { device: { report: body as DeviceReport } } }),
    );
    const page = renderStep(api);
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));
    await page.user.click(screen.getByRole('button', { name: /播放测试声音/ }));
    await page.user.click(await screen.findByRole('button', { name: '可以听到' }));
    const viewReport = screen.getByRole('button', { name: '查看检测报告' });
    await waitFor(() => expect(viewReport).toBeEnabled());
    await page.user.click(viewReport);
    await page.user.click(await screen.findByRole('button', { name: '完成检测' }));
    expect(await screen.findByText(/设备检测未通过/)).toBeInTheDocument();
    expect(page.onStateChange).toHaveBeenCalledTimes(1);
  });
});

describe('DeviceCheckStep (设备检测) on a PC without a camera', () => {
  beforeEach(() => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('lets the candidate go on with the phone when the exam allows it as the primary camera', async () => {
    browserWithoutCamera();
    const api = network().on(saveMyDeviceReport, ({ body }) =>
      checkInState({
        phoneAsPrimaryAllowed: true,
        steps: { device: { state: 'passed', report: body as DeviceReport } },
      }),
    );
    const page = renderStep(api, checkInState({ phoneAsPrimaryAllowed: true }));
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));

    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('未检测到摄像头：本场考试可用手机作为主摄像头');
    expect(notice).toHaveTextContent('麦克风正常，您可以继续。');
    expect(notice).not.toHaveTextContent('摄像头或麦克风');
    expect(notice).not.toHaveTextContent('检测报告会自动提交');
    expect(screen.queryByRole('region', { name: '摄像头' })).toBeNull();

    const microphone = within(await screen.findByRole('region', { name: '麦克风' }));
    await page.user.click(microphone.getByRole('button', { name: '可以看到' }));
    await page.user.click(screen.getByRole('button', { name: /播放测试声音/ }));
    await page.user.click(await screen.findByRole('button', { name: '可以听到' }));
    const viewReport = screen.getByRole('button', { name: '查看检测报告' });
    await waitFor(() => expect(viewReport).toBeEnabled());
    await page.user.click(viewReport);
    const report = within(await screen.findByRole('region', { name: '检测报告' }));
    expect(report.getByText('未检测到摄像头，本场考试由手机作为主摄像头')).toBeInTheDocument();
    await page.user.click(report.getByRole('button', { name: '完成检测' }));

    await waitFor(() => expect(page.onStateChange).toHaveBeenCalledTimes(1));
    const saved = api.requestsTo(saveMyDeviceReport).at(-1);
    expect(saved?.body).toMatchObject({
      camera: { ok: false, error: 'not_found' },
      microphone: { ok: true, error: null },
    });
    expect(screen.queryByText(/设备检测未通过/)).toBeNull();
  });

  it('asks for a camera where the exam does not allow the phone instead', async () => {
    browserWithoutCamera();
    const page = renderStep(network().on(saveMyDeviceReport, checkInState()));
    await page.user.click(await screen.findByRole('button', { name: '开始检测' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('摄像头无法使用');
    expect(alert).toHaveTextContent('未检测到摄像头（麦克风正常）。请连接摄像头后点击“重试”');
    expect(alert).toHaveTextContent('检测报告会自动提交');
  });
});
