import { DEMO_CANDIDATES, DEMO_STAFF, DEMO_STAFF_PASSWORD } from './demo-data.js';

/** Prints where to go and how to log in; demo data only, so no real secret is ever printed. */
export function printDemoBanner(url: string, seededNow: boolean): void {
  const lines = [
    '',
    `  云考场 Invigil is running: ${url}`,
    `  Demo school login (演示大学): ${url}/s/demo${seededNow ? '' : '   (existing demo data)'}`,
    `  SMS outbox (演示短信发件箱): ${url}/dev/outbox`,
    '',
    '  Open now (demo sessions start when the demo is first made):',
    '    INT2026  interview (面试) with waiting room, panel and scoring',
    '    WRT2026  written degree-English exam (学位外语笔试), 24 questions, 120 min, 交卷 from 30 min',
    '',
    '  Candidates (考生): phone + SMS code, ID number + password (initially its last 6 characters), or exam ID / admission number:',
    ...DEMO_CANDIDATES.map(
      (c) =>
        `    ${c.name}  phone ${c.phone}  ID ${c.idNumber}  ${c.interview ? `INT2026 / ${c.interview}` : ''} ${c.written ? `WRT2026 / ${c.written}` : ''}`,
    ),
    '',
    `  Staff (工作人员) — password ${DEMO_STAFF_PASSWORD}:`,
    ...DEMO_STAFF.map(
      (s) =>
        `    ${s.username.padEnd(10)} ${s.role.padEnd(15)} ${s.name}${s.role === 'platform_admin' ? `  (at ${url}/login)` : ''}`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
}
