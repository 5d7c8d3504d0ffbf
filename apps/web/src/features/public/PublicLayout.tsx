import { Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { useI18n } from '../../lib/i18n';
import './public.css';

/** The frame of the public pages: no login, no menu, readable on a 360 px phone. */
export function PublicLayout({ title, children }: { title?: string; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} — ${t('public.title')}` : `${t('public.title')} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="public-page" data-testid="public-page">
      <header className="public-header">
        <Link to="/cong-khai" className="public-brand" data-testid="public-home">
          <Logo size={30} />
          <span>{t('public.title')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main className="public-main">
        <Flex vertical gap={12}>
          {children}
        </Flex>
      </main>
      <footer className="public-footer">
        <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
      </footer>
    </div>
  );
}
