import { useTranslation } from 'react-i18next';

/**
 * Seen from above: the desk with the PC, the candidate facing it, and the phone about 45°
 * behind the candidate, about 1.5 m away, aimed at the candidate, the desk and the screen.
 */
export function PlacementDiagram() {
  const { t } = useTranslation();
  return (
    <svg
      viewBox="0 0 300 220"
      role="img"
      aria-label={t('phoneCamera.placement.diagramLabel')}
      style={{ width: '100%', maxWidth: 360, alignSelf: 'center' }}
    >
      {/* desk and PC */}
      <rect x="70" y="20" width="160" height="50" rx="6" fill="#f0f0f0" stroke="#8c8c8c" />
      <rect x="120" y="28" width="60" height="10" rx="2" fill="#1661ab" />
      <text x="150" y="60" textAnchor="middle" fontSize="13" fill="#262626">
        {t('phoneCamera.placement.diagramScreen')}
      </text>
      {/* candidate */}
      <circle cx="150" cy="105" r="16" fill="#ffd591" stroke="#d48806" />
      <text x="150" y="140" textAnchor="middle" fontSize="13" fill="#262626">
        {t('phoneCamera.placement.diagramCandidate')}
      </text>
      {/* view cone from the phone over the candidate to the screen */}
      <polygon points="250,195 95,35 205,25" fill="#52c41a" fillOpacity="0.15" />
      <line x1="250" y1="195" x2="150" y2="105" stroke="#52c41a" strokeDasharray="5 4" />
      <text x="212" y="140" fontSize="12" fill="#389e0d">
        {t('phoneCamera.placement.diagramDistance')}
      </text>
      <text x="165" y="175" fontSize="12" fill="#389e0d">
        45°
      </text>
      {/* phone */}
      <rect x="238" y="180" width="24" height="36" rx="4" fill="#262626" />
      <text x="222" y="214" textAnchor="end" fontSize="13" fill="#262626">
        {t('phoneCamera.placement.diagramPhone')}
      </text>
    </svg>
  );
}
