import { UploadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useRef, type RefObject } from 'react';
import { visuallyHidden } from '../../../ui/visuallyHidden.js';

interface FileChooserProps {
  /** The visible and accessible name of the picker, e.g. 选择名单文件. */
  label: string;
  /** A hint for the browser's dialog only; the server judges files by their content. */
  accept: string;
  disabled?: boolean;
  onChoose: (file: File) => void;
  /** Lets a second button (重新选择文件) open the same picker. */
  inputRef?: RefObject<HTMLInputElement | null>;
  /** A longer accessible name that starts with the label (上传照片：张三) for row actions. */
  accessibleName?: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}

/** A button that opens the file dialog of a labelled native file input. */
export function FileChooser(props: FileChooserProps) {
  const { label, accept, disabled, onChoose, inputRef, accessibleName } = props;
  const ownRef = useRef<HTMLInputElement | null>(null);
  const ref = inputRef ?? ownRef;

  return (
    <span>
      <input
        ref={ref}
        type="file"
        accept={accept}
        aria-label={accessibleName ?? label}
        // The button below is what people and screen readers use; this input only holds the file.
        aria-hidden
        tabIndex={-1}
        disabled={disabled}
        style={visuallyHidden}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so that choosing the same file again still fires a change.
          event.currentTarget.value = '';
          if (file) onChoose(file);
        }}
      />
      <Button
        type={props.type ?? 'primary'}
        size={props.size}
        icon={<UploadOutlined aria-hidden />}
        disabled={disabled}
        aria-label={accessibleName}
        onClick={() => ref.current?.click()}
      >
        {label}
      </Button>
    </span>
  );
}
