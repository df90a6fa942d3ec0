import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../../api/errors.js';
import { usePairingQr, useSecondsUntil } from './usePairingQr.js';

interface PairingQrCodeProps {
  registrationId: string;
  serverOffsetMs: number;
  /** Grey and small while a phone is (or was) connected; hover, focus or click enlarges it. */
  isDimmed: boolean;
  /** Changes when a phone claimed a code: a used code is replaced at once. */
  pairedAt: string | null;
}

/** The QR code the phone scans (docs/journeys.md J4: the grey code enlarges to re-scan). */
export function PairingQrCode({
  registrationId,
  serverOffsetMs,
  isDimmed,
  pairedAt,
}: PairingQrCodeProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const qr = usePairingQr(registrationId, serverOffsetMs);
  const refreshIn = useSecondsUntil(qr.data ? qr.data.expiresAtMs - 20_000 : undefined);
  const [isEnlarged, setEnlarged] = useState(false);
  const { refetch } = qr;

  useEffect(() => {
    if (pairedAt !== null) void refetch();
  }, [pairedAt, refetch]);

  if (qr.isError && !qr.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('phoneCamera.pc.qrCreateFailed', { reason: describe(qr.error) })}
        action={<Button onClick={() => void refetch()}>{t('phoneCamera.pc.qrRefresh')}</Button>}
      />
    );
  }
  if (!qr.data) return <Spin />;

  const isSmall = isDimmed && !isEnlarged;
  return (
    <Flex vertical gap={8} align="flex-start">
      <button
        type="button"
        aria-label={t('phoneCamera.pc.qrAlt')}
        aria-expanded={isDimmed ? isEnlarged : undefined}
        onMouseEnter={() => setEnlarged(true)}
        onMouseLeave={() => setEnlarged(false)}
        onFocus={() => setEnlarged(true)}
        onBlur={() => setEnlarged(false)}
        onClick={() => setEnlarged((value) => !value)}
        style={{
          padding: 0,
          border: '1px solid #d9d9d9',
          borderRadius: 8,
          background: '#fff',
          cursor: 'zoom-in',
        }}
      >
        <img
          src={qr.data.imageUrl}
          alt={t('phoneCamera.pc.qrAlt')}
          data-testid="phone-qr"
          data-pairing-url={qr.data.url}
          width={isSmall ? 96 : 240}
          height={isSmall ? 96 : 240}
          style={{
            display: 'block',
            filter: isSmall ? 'grayscale(1) opacity(0.45)' : undefined,
            transition: 'width 0.2s, height 0.2s',
          }}
        />
      </button>
      <Flex gap={8} align="center" wrap>
        {refreshIn !== null ? (
          <Typography.Text type="secondary">
            {t('phoneCamera.pc.qrExpiresIn', { seconds: refreshIn })}
          </Typography.Text>
        ) : null}
        <Button size="small" onClick={() => void refetch()} loading={qr.isFetching}>
          {t('phoneCamera.pc.qrRefresh')}
        </Button>
      </Flex>
      {isDimmed ? (
        <Typography.Text type="secondary">{t('phoneCamera.pc.rescanHint')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
