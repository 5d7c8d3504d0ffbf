import { Segmented } from 'antd';
import { type Lang, useI18n } from '../lib/i18n';

export function LanguageSwitch({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      className={className}
      size="small"
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'vi', label: <span data-testid="lang-vi">VI</span>, title: 'Tiếng Việt' },
        { value: 'en', label: <span data-testid="lang-en">EN</span>, title: 'English' },
      ]}
    />
  );
}
