// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { i18next } from '../../../../i18n/index.js';
import { mediaFailureText } from './mediaFailureText.js';

// A PC with a microphone but no camera must not read “no camera or microphone” (issue 19).
describe('what the device check says when a device fails', () => {
  const t = i18next.getFixedT('zh-CN');

  it('names the camera alone when only the camera is missing', () => {
    expect(mediaFailureText(t, 'not_found', null)).toEqual({
      title: '摄像头无法使用',
      lines: [
        '未检测到摄像头（麦克风正常）。请连接摄像头后点击“重试”；若考试允许，也可以用手机作为主摄像头。',
      ],
      severity: 'error',
    });
  });

  it('names the microphone alone when only the microphone is busy', () => {
    expect(mediaFailureText(t, null, 'in_use')).toEqual({
      title: '麦克风无法使用',
      lines: ['麦克风正被其他程序占用（摄像头正常）。请关闭其他使用麦克风的程序后重试。'],
      severity: 'error',
    });
  });

  it('keeps the general advice for causes that concern both, and says nothing when both work', () => {
    const denied = mediaFailureText(t, 'permission_denied', 'permission_denied');
    expect(denied?.title).toBe('摄像头或麦克风无法使用');
    expect(denied?.lines).toHaveLength(1);
    expect(mediaFailureText(t, null, null)).toBeNull();
  });

  it('lets a PC without a camera go on with the phone when the exam allows it', () => {
    expect(mediaFailureText(t, 'not_found', null, { phoneAsPrimaryAllowed: true })).toEqual({
      title: '未检测到摄像头：本场考试可用手机作为主摄像头',
      lines: [
        '麦克风正常，您可以继续。请完成检测，之后在“第二机位”一步用手机扫描二维码：考官会看到手机画面，并通过电脑麦克风听到您的声音。',
      ],
      severity: 'warning',
    });
  });

  it('still asks to fix what the phone does not replace: a busy or refused camera, no microphone', () => {
    const allowed = { phoneAsPrimaryAllowed: true };
    expect(mediaFailureText(t, 'in_use', null, allowed)?.severity).toBe('error');
    expect(mediaFailureText(t, 'permission_denied', null, allowed)?.severity).toBe('error');
    const neither = mediaFailureText(t, 'not_found', 'not_found', allowed);
    expect(neither?.title).toBe('摄像头或麦克风无法使用');
    expect(neither?.severity).toBe('error');
  });

  it('speaks English too', () => {
    const en = i18next.getFixedT('en');
    expect(mediaFailureText(en, 'not_found', null)?.title).toBe('The camera cannot be used');
  });
});
