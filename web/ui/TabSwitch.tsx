import { theme } from 'antd';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface TabSwitchProps<K extends string> {
  items: readonly { key: K; label: string }[];
  activeKey: K;
  onChange: (key: K) => void;
  /** Names the tab list for screen readers. */
  label: string;
  /** The active tab's content. */
  children: ReactNode;
}

/**
 * Tabs following the WAI-ARIA pattern (arrow keys, Home, End). Unlike antd's Tabs, the panel is
 * not labelled by its tab, so a tab named "身份证号登录" does not also answer to the field label
 * "身份证号" (Playwright's getByLabel matches substrings).
 */
export function TabSwitch<K extends string>(props: TabSwitchProps<K>) {
  const { items, activeKey, onChange } = props;
  const { token } = theme.useToken();
  const baseId = useId();
  const tabs = useRef(new Map<K, HTMLButtonElement>());

  const handleKeyDown = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = items[targets[event.key] ?? -1];
    if (!target) return;
    event.preventDefault();
    onChange(target.key);
    tabs.current.get(target.key)?.focus();
  };

  return (
    <>
      <div
        role="tablist"
        aria-label={props.label}
        style={{
          display: 'flex',
          justifyContent: 'center',
          gap: token.marginLG,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          marginBottom: token.marginMD,
        }}
      >
        {items.map((item, index) => {
          const isActive = item.key === activeKey;
          return (
            <button
              key={item.key}
              ref={(element) => {
                if (element) tabs.current.set(item.key, element);
                else tabs.current.delete(item.key);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${item.key}`}
              aria-selected={isActive}
              aria-controls={`${baseId}-panel`}
              tabIndex={isActive ? 0 : -1}
              onClick={() => onChange(item.key)}
              onKeyDown={(event) => handleKeyDown(event, index)}
              style={{
                background: 'none',
                border: 'none',
                borderBottom: `2px solid ${isActive ? token.colorPrimary : 'transparent'}`,
                color: isActive ? token.colorPrimary : token.colorText,
                padding: `${token.paddingSM}px 0`,
                marginBottom: -1,
                font: 'inherit',
                cursor: 'pointer',
              }}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`}>
        {props.children}
      </div>
    </>
  );
}
