import { Segmented } from 'antd';
import type React from 'react';
import type { Locale } from '../../shared/enums.js';
import { useLocale } from './useLocale.js';

const OPTIONS = [
  { value: 'zh-CN', label: <span lang="zh-CN">中文</span> },
  { value: 'en', label: <span lang="en">English</span> },
] satisfies { value: Locale; label: React.ReactNode }[];

/** 中文 / English, shown in every page header; each label is written in its own language. */
export function LanguageSwitch() {
  const { locale, changeLocale } = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label="界面语言 / Language"
      options={OPTIONS}
      value={locale}
      onChange={changeLocale}
    />
  );
}
