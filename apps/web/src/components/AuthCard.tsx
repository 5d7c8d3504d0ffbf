import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

type Props = {
  testId: string;
  title: ReactNode;
  subtitle: ReactNode;
  /** The login page shows the app's name large; other screens a smaller title. */
  isProminent?: boolean;
  /** A line under the card. */
  footer?: ReactNode;
  children: ReactNode;
};

/** The centred card of the screens before the app itself: login, forced password change. */
export function AuthCard({ testId, title, subtitle, isProminent = false, footer, children }: Props) {
  return (
    <Flex className="login-page" vertical align="center" justify="center">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card" data-testid={testId}>
        <Flex vertical align="center" gap={8} style={{ marginBottom: isProminent ? 24 : 16 }}>
          <Logo size={isProminent ? 56 : 40} />
          <Typography.Title level={isProminent ? 2 : 4} style={{ margin: 0, textAlign: 'center' }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {subtitle}
          </Typography.Text>
        </Flex>
        {children}
      </Card>
      {footer ? (
        <Typography.Text type="secondary" className="login-footer">
          {footer}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
