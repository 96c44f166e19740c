import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadChartPng } from './exporting';

interface Props {
  id: string;
  title: string;
  description?: ReactNode;
  fileName: string;
  /** Extra buttons (CSV) next to the PNG export. */
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}

/** A chart with its heading, a plain-language reading guide and a PNG export. */
export function ChartCard({ id, title, description, fileName, actions, children, wide }: Props) {
  const { t } = useTranslation('flow');
  const chart = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className={`flow-card${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`} data-chart={id}>
      <header className="flow-card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="flow-card-actions">
          {actions}
          <button
            type="button"
            onClick={() => {
              setError(null);
              if (chart.current) downloadChartPng(chart.current, fileName, title).catch((e: Error) => setError(e.message));
            }}
          >
            {t('export.png')}
          </button>
        </div>
      </header>
      {description && <p className="flow-card-help">{description}</p>}
      {error && <p role="alert" className="flow-error">{error}</p>}
      <div ref={chart} className="flow-chart">{children}</div>
    </section>
  );
}

/** A key figure: a big number with its label. */
export function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="flow-figure" data-testid={testId}>
      <div className="flow-figure-value">{value}</div>
      <div className="flow-figure-label">{label}</div>
      {hint && <div className="flow-figure-hint">{hint}</div>}
    </div>
  );
}
