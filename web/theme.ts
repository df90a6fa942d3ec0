import type { ThemeConfig } from 'antd';

// antd's default colours fail WCAG 2.1 AA contrast (4.5:1 for text) in many places: secondary
// and description text (#8c8c8c on white, 3.4:1), links (#1677ff, 4.1:1), placeholders, tag
// texts (green #389e0d on #f6ffed, 3.4:1), error and success texts. Every text colour below meets
// 4.5:1 on white, on the page grey (#f5f5f5) and on its own tag or alert background; the figures
// are the contrast on white. e2e/fixtures/axe.ts checks the screens.

const BLUE = '#1661ab'; // 6.3:1, white text on it 6.3:1
const BLUE_HOVER = '#114f8c'; // 8.3:1 (on #f5f5f5 7.6:1)
const BLUE_ACTIVE = '#0b3a66'; // 11.6:1

type TagColour = 'volcano' | 'orange' | 'gold' | 'yellow' | 'lime' | 'green' | 'cyan';

/** The 7th shade of each palette (tag text), under both of antd's token names. */
function tagText(colours: Record<TagColour, string>): NonNullable<ThemeConfig['token']> {
  return Object.fromEntries(
    Object.entries(colours).flatMap(([name, value]) => [
      [`${name}7`, value],
      [`${name}-7`, value],
    ]),
  );
}

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: BLUE,
    colorInfo: BLUE,
    colorLink: BLUE,
    // antd derives lighter hover shades (#5896c4: 3.2:1, white text on it 3.2:1), which fail
    // as soon as the pointer rests on a link or a primary button: darker ones instead.
    colorPrimaryHover: BLUE_HOVER,
    colorLinkHover: BLUE_HOVER,
    colorPrimaryActive: BLUE_ACTIVE,
    colorLinkActive: BLUE_ACTIVE,
    // A link inside a sentence must not be told apart by its colour alone (WCAG 1.4.1).
    linkDecoration: 'underline',
    // Secondary texts, Typography type="secondary", Empty, Result subtitles, Statistic titles,
    // Steps descriptions: 5.3:1 (on #f5f5f5 5.1:1), still lighter than colorTextSecondary.
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextDescription: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // Status colours are texts too (tags, form errors, danger buttons): darker shades, with the
    // light backgrounds and borders antd derives from its defaults.
    colorSuccess: '#237804', // 5.6:1, on #f6ffed 5.4:1
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#874d00', // 6.8:1, on #fffbe6 6.5:1
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#cf1322', // 5.6:1, on #fff2f0 5.1:1
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    // Tag colours: the text of <Tag color="green"> is green-7 on green-1; these were under 4.5:1.
    // Both spellings: antd derives both, and the later one would set the CSS variable back.
    ...tagText({
      volcano: '#ad2102',
      orange: '#ad4e00',
      gold: '#874d00',
      yellow: '#876800',
      lime: '#3f6600',
      green: '#237804',
      cyan: '#006d75',
    }),
  },
  components: {
    // An empty table says so in colorTextDisabled (#bfbfbf, 1.8:1): it is a text, not disabled.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.58)' },
  },
};
