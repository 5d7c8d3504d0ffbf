import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import en_US from 'antd/locale/en_US';
import vi_VN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { type ReactNode, useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, useI18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

dayjs.extend(customParseFormat);

/** Red and gold of the Front's flag; antd derives the rest. */
const theme = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#a30d25',
    colorInfo: '#1f6fb2',
    borderRadius: 6,
    fontFamily:
      "'Inter', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji'",
  },
  components: {
    Layout: { headerBg: '#c8102e', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
  },
};

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'en' ? 'en' : 'vi');
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'vi');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? en_US : vi_VN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <LocalizedAntd>
          <BrowserRouter>{children}</BrowserRouter>
        </LocalizedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
