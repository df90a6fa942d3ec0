import {
  timelineGroupOf,
  type AttemptTimeline,
  type TimelineEntry,
} from '../../shared/api/attempt-timeline.js';
import { zonedParts } from '../../shared/time-zone.js';
import { entryDetail, entryLabel, GROUP_LABELS } from './timeline-labels.js';

// The timeline as one standalone HTML file: no script, no external resource, every value
// escaped, styles that print well (the browser's 打印 → 另存为 PDF is the PDF export).

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const pad = (value: number) => String(value).padStart(2, '0');

function dateTime(iso: string, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone);
  return `${String(p.year)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

const STATES = { in_progress: '作答中', submitted: '已交卷', marked: '已阅卷' } as const;

function row(entry: TimelineEntry, timeZone: string): string {
  const cells = [
    dateTime(entry.at, timeZone),
    GROUP_LABELS[timelineGroupOf(entry)],
    `${entry.isSignal ? '【异常】' : ''}${entryLabel(entry)}`,
    entryDetail(entry),
    entry.actorName ?? '—',
    entry.clientAt ? dateTime(entry.clientAt, timeZone) : '—',
  ];
  const cls = entry.isSignal ? ' class="signal"' : '';
  return `<tr${cls}>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

/** The whole report page, in Chinese, times in the school's zone. */
export function renderTimelineReport(timeline: AttemptTimeline, timeZone: string): string {
  const { candidate, attempt } = timeline;
  const signals = timeline.entries.filter((entry) => entry.isSignal).length;
  const facts: [string, string][] = [
    ['考生', candidate.name],
    ['准考证号', candidate.admissionNumber],
    ['考试', timeline.examName],
    ['考场', timeline.sessionName],
    ['状态', attempt ? STATES[attempt.state] : '未开始'],
    ['开始作答', attempt ? dateTime(attempt.startedAt, timeZone) : '—'],
    ['截止时间', attempt ? dateTime(attempt.deadline, timeZone) : '—'],
    ['交卷时间', attempt?.submittedAt ? dateTime(attempt.submittedAt, timeZone) : '—'],
    ['异常记录', `${String(signals)} 条`],
    ['时区', timeZone],
    ['生成时间', dateTime(timeline.generatedAt, timeZone)],
  ];
  const title = `作答时间线 · ${candidate.name}（${candidate.admissionNumber}）`;
  const body = timeline.entries.length
    ? timeline.entries.map((entry) => row(entry, timeZone)).join('\n')
    : '<tr><td colspan="6">暂无记录</td></tr>';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #111; }
h1 { font-size: 20px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dt { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tr.signal td { background: #fff1f0; font-weight: 600; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<dl>
${facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
<p>时间为服务器记录的时间（${escapeHtml(timeZone)}）；“考生电脑时间”仅供参考。标注【异常】的为需要关注的记录。</p>
<table>
<thead><tr><th>服务器时间</th><th>类别</th><th>事项</th><th>详情</th><th>操作人</th><th>考生电脑时间</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
