import type { AttemptEventType } from '../../shared/api/attempt-events.js';
import type { OutageOutcome } from '../../shared/api/attempt-progress.js';
import type { TimelineEntry, TimelineGroup } from '../../shared/api/attempt-timeline.js';
import type { SubmitReason } from '../../shared/api/written-exam.js';
import type { FaceVerdict } from '../../shared/enums.js';

// The report's Chinese words (the report is a file, read outside the app's i18n); the web page
// has the same words in web/roles/staff/timeline/messages.ts, with English beside them.

export const EVENT_LABELS: Record<AttemptEventType, string> = {
  screen_share_started: '开始共享屏幕',
  screen_share_stopped: '屏幕共享已停止',
  screen_share_requested: '点击共享屏幕',
  page_hidden: '离开考试页面',
  page_visible: '回到考试页面',
  window_blurred: '考试窗口失去焦点',
  window_focused: '考试窗口恢复焦点',
  leave_notice_confirmed: '确认离开提示',
  fullscreen_exited: '退出全屏',
  fullscreen_entered: '进入全屏',
  clipboard_copy: '复制',
  clipboard_cut: '剪切',
  clipboard_paste: '粘贴',
  context_menu: '右键菜单',
  screen_extended: '检测到多个显示器',
  screen_single: '恢复为单个显示器',
  second_tab: '在另一个标签页打开考试',
  network_offline: '网络断开',
  network_online: '网络恢复',
  ai_no_face: 'AI 监考：未检测到人脸',
  ai_multiple_faces: 'AI 监考：画面中有多人',
  ai_looking_away: 'AI 监考：视线离开屏幕',
  ai_condition_ended: 'AI 监考：情况已恢复',
  ai_monitor_unavailable: 'AI 监考无法运行',
};

const KIND_LABELS: Record<Exclude<TimelineEntry['kind'], 'event'>, string> = {
  attempt_started: '开始作答',
  warning_sent: '监考发送提醒',
  warning_confirmed: '考生确认提醒',
  outage_started: '考生电脑断线',
  outage_ended: '考生电脑恢复连接',
  time_added: '加时',
  face_check: '交卷前人脸识别',
  submitted: '交卷',
};

export const GROUP_LABELS: Record<TimelineGroup, string> = {
  focus: '离开页面/窗口',
  clipboard: '复制粘贴',
  screen: '屏幕',
  network: '网络',
  ai: 'AI 监考',
  warning: '提醒',
  submit: '交卷与时间',
};

const REASONS: Record<SubmitReason, string> = {
  manual: '考生交卷',
  deadline: '到时自动交卷',
  inactivity: '长时间无操作自动交卷',
  forced: '监考强制交卷',
};

const OUTCOMES: Record<OutageOutcome, string> = {
  compensated: '已补时',
  not_allowed: '本考试不补时',
  cap_reached: '补时已达上限',
  session_end: '已到考场结束时间，未补时',
  after_deadline: '截止后才恢复，未补时',
  closed: '断线期间已交卷',
};

const VERDICTS: Record<FaceVerdict, string> = {
  match: '比对通过',
  mismatch: '与照片不符',
  no_face: '未检测到人脸',
  multiple_faces: '检测到多张人脸',
  face_too_small: '人脸过小',
  not_frontal: '未正对镜头',
  liveness_failed: '活体检测未通过',
  no_reference: '无参考照片，未比对',
};

/** What an ai_condition_ended event says ended (detail `condition`). */
const AI_CONDITIONS = {
  no_face: '未检测到人脸',
  multiple_faces: '画面中有多人',
  looking_away: '视线离开屏幕',
} as const;

export function entryLabel(entry: TimelineEntry): string {
  if (entry.kind === 'event') return entry.eventType ? EVENT_LABELS[entry.eventType] : '事件';
  return KIND_LABELS[entry.kind];
}

function isKeyOf<T extends object>(record: T, key: unknown): key is keyof T {
  return typeof key === 'string' && Object.hasOwn(record, key);
}

/** The entry's facts in words; unknown facts of an event as `name: value`. */
export function entryDetail(entry: TimelineEntry): string {
  const { detail } = entry;
  const parts: string[] = [];
  switch (entry.kind) {
    case 'warning_sent':
    case 'warning_confirmed':
      parts.push(`内容：${String(detail.text ?? '')}`);
      break;
    case 'outage_ended':
      parts.push(`断线 ${String(detail.lostSeconds ?? 0)} 秒`);
      if (isKeyOf(OUTCOMES, detail.outcome)) parts.push(OUTCOMES[detail.outcome]);
      if (Number(detail.compensationMinutes) > 0) {
        parts.push(`补时 ${String(detail.compensationMinutes)} 分钟`);
      }
      break;
    case 'time_added':
      if (detail.minutes !== undefined) parts.push(`加时 ${String(detail.minutes)} 分钟`);
      break;
    case 'face_check':
      if (isKeyOf(VERDICTS, detail.verdict)) parts.push(VERDICTS[detail.verdict]);
      if (typeof detail.score === 'number') parts.push(`相似度 ${detail.score.toFixed(2)}`);
      break;
    case 'submitted':
      if (isKeyOf(REASONS, detail.reason)) parts.push(REASONS[detail.reason]);
      if (detail.forcedReason !== undefined) parts.push(`原因：${String(detail.forcedReason)}`);
      break;
    case 'event':
      for (const [key, value] of Object.entries(detail)) {
        if (key === 'blocked') parts.push(value === true ? '已阻止' : '未阻止');
        else if (key === 'heldSeconds' || key === 'seconds') parts.push(`持续 ${String(value)} 秒`);
        else if (key === 'condition' && isKeyOf(AI_CONDITIONS, value)) {
          parts.push(AI_CONDITIONS[value]);
        } else parts.push(`${key}: ${String(value)}`);
      }
      // The picture itself stays in the app (each view audited); the report says there is one.
      if (entry.hasSnapshot) parts.push('有截图');
      break;
    case 'attempt_started':
    case 'outage_started':
      break;
  }
  return parts.join('；');
}
