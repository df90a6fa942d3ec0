import { use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionUserContext } from '../auth/SessionUserContext.js';
import { DEFAULT_LOCALE, isLocale } from '../i18n/index.js';
import {
  formatDateTime,
  formatTimeRange,
  zoneName,
  type DisplayZone,
  type ZoneOptions,
} from './format.js';

/** The browser's own zone: only for pages without a school (not logged in, platform admins). */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface TimeFormat {
  zone: DisplayZone;
  /** 北京时间, UTC+1 …: what a column title or a date field says its times are in. */
  zoneName: string;
  dateTime: (value: string, options?: ZoneOptions) => string;
  timeRange: (startsAt: string, endsAt: string, options?: ZoneOptions) => string;
  /** "开始时间 (北京时间)": a label or column title naming the zone its times are in. */
  withZone: (label: string) => string;
}

/**
 * Times as this user should read them: in their school's zone (whatever the computer's), the
 * zone named, in the interface language.
 */
export function useTimeFormat(): TimeFormat {
  const user = use(SessionUserContext);
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  const timeZone = user?.schoolTimeZone ?? browserTimeZone();
  return useMemo(() => {
    const zone: DisplayZone = { timeZone, locale };
    const name = zoneName(zone);
    return {
      zone,
      zoneName: name,
      dateTime: (value, options) => formatDateTime(value, zone, options),
      timeRange: (startsAt, endsAt, options) => formatTimeRange(startsAt, endsAt, zone, options),
      withZone: (label) => `${label} (${name})`,
    };
  }, [timeZone, locale]);
}
