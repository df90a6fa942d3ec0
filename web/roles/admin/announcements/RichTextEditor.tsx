import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Flex, Input, Popover, Space, Typography } from 'antd';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RichTextEditorProps {
  /** Injected by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  /** The id of the visible label of the field. */
  labelledBy: string;
  /** Injected by Form.Item: its help and extra texts, and whether the value is invalid. */
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
}

type Command = 'bold' | 'italic' | 'underline' | 'insertUnorderedList' | 'insertOrderedList';

const LINK_SCHEME = /^(https?:\/\/|mailto:)\S+$/i;

type AnyCommand = Command | 'createLink' | 'insertText' | 'defaultParagraphSeparator';

function exec(command: AnyCommand, value?: string): void {
  // execCommand is deprecated but remains the only built-in editing API of browsers; it is enough
  // for bold, lists and links, and the server sanitises whatever markup it produces.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  document.execCommand(command, false, value);
}

/**
 * A small rich-text field: a contentEditable region with a toolbar (加粗, 斜体, 下划线, 列表, 链接).
 * Pasting inserts plain text, so no foreign styles come in.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { id, value, onChange, labelledBy } = props;
  const invalid = props['aria-invalid'] === true || props['aria-invalid'] === 'true';
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [isLinkOpen, setLinkOpen] = useState(false);
  const [link, setLink] = useState('https://');
  const linkId = useId();
  const linkValid = LINK_SCHEME.test(link.trim());

  // The region is uncontrolled; only a value coming from outside (opening another announcement,
  // a reset) replaces its content.
  useEffect(() => {
    const element = region.current;
    if (element && element.innerHTML !== (value ?? '')) element.innerHTML = value ?? '';
  }, [value]);

  const emit = () => onChange?.(region.current?.innerHTML ?? '');
  // Text goes into <p>s: Chrome's default, a <div>, would not survive the server's allow-list.
  const handleFocus = () => {
    exec('defaultParagraphSeparator', 'p');
    const element = region.current;
    if (!element || element.textContent !== '' || element.querySelector('p, ul, ol')) return;
    element.innerHTML = '<p><br></p>';
    const paragraph = element.firstChild;
    if (paragraph) window.getSelection()?.collapse(paragraph, 0);
  };
  const run = (command: Command) => {
    region.current?.focus();
    exec(command);
    emit();
  };

  const openLink = (open: boolean) => {
    if (open) {
      const selection = window.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      savedRange.current =
        range && region.current?.contains(range.commonAncestorContainer) ? range : null;
      setLink('https://');
    }
    setLinkOpen(open);
  };
  const insertLink = () => {
    const href = link.trim();
    if (!LINK_SCHEME.test(href)) return;
    region.current?.focus();
    const selection = window.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    if (selection && selection.rangeCount > 0 && selection.isCollapsed) {
      // Nothing selected: insert the address itself as the link's text.
      const anchor = document.createElement('a');
      anchor.href = href;
      anchor.textContent = href;
      selection.getRangeAt(0).insertNode(anchor);
      selection.collapse(anchor, 1);
    } else exec('createLink', href);
    setLinkOpen(false);
    emit();
  };

  const tool = (command: Command, icon: ReactNode, label: string) => (
    <Button
      size="small"
      icon={icon}
      // Keep the selection in the editor while the button is pressed.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => run(command)}
    >
      {label}
    </Button>
  );

  const linkForm = (
    <Flex vertical gap={8} style={{ width: 300 }}>
      <label htmlFor={linkId}>{t('adminAnnouncements.linkPrompt')}</label>
      <Input
        id={linkId}
        value={link}
        onChange={(event) => setLink(event.target.value)}
        onPressEnter={insertLink}
        status={linkValid ? '' : 'error'}
        aria-invalid={!linkValid}
        autoFocus
      />
      {!linkValid && (
        <Typography.Text type="danger" role="alert">
          {t('adminAnnouncements.linkInvalid')}
        </Typography.Text>
      )}
      <Space style={{ justifyContent: 'flex-end' }}>
        <Button size="small" onClick={() => setLinkOpen(false)}>
          {t('adminAnnouncements.cancel')}
        </Button>
        <Button size="small" type="primary" disabled={!linkValid} onClick={insertLink}>
          {t('adminAnnouncements.linkInsert')}
        </Button>
      </Space>
    </Flex>
  );

  return (
    <div className="invigil-rich-text-editor">
      <Space
        wrap
        size={4}
        role="toolbar"
        aria-label={t('adminAnnouncements.toolbar')}
        style={{ marginBottom: 8 }}
      >
        {tool('bold', <BoldOutlined />, t('adminAnnouncements.bold'))}
        {tool('italic', <ItalicOutlined />, t('adminAnnouncements.italic'))}
        {tool('underline', <UnderlineOutlined />, t('adminAnnouncements.underline'))}
        {tool('insertUnorderedList', <UnorderedListOutlined />, t('adminAnnouncements.bulletList'))}
        {tool('insertOrderedList', <OrderedListOutlined />, t('adminAnnouncements.numberedList'))}
        <Popover content={linkForm} trigger="click" open={isLinkOpen} onOpenChange={openLink}>
          <Button
            size="small"
            icon={<LinkOutlined />}
            onMouseDown={(event) => event.preventDefault()}
          >
            {t('adminAnnouncements.link')}
          </Button>
        </Popover>
      </Space>
      <div
        id={id}
        ref={region}
        role="textbox"
        contentEditable
        suppressContentEditableWarning
        tabIndex={0}
        aria-multiline="true"
        aria-labelledby={labelledBy}
        aria-describedby={props['aria-describedby']}
        aria-invalid={invalid}
        onFocus={handleFocus}
        onInput={emit}
        onBlur={emit}
        onPaste={(event) => {
          event.preventDefault();
          exec('insertText', event.clipboardData.getData('text/plain'));
          emit();
        }}
        style={{
          minHeight: 200,
          maxHeight: 420,
          overflowY: 'auto',
          padding: '8px 11px',
          border: `1px solid ${invalid ? '#ff4d4f' : '#d9d9d9'}`,
          borderRadius: 6,
          lineHeight: 1.6,
        }}
      />
    </div>
  );
}
