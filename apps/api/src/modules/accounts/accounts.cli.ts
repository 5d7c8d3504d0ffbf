import { CreateUserRequest, Role, toFieldErrors } from '@doanket/domain';
import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { systemContext } from '../../lib/context';
import { generatePassword } from '../../seed/demo';
import { openConfiguredDatabase } from '../../server';
import { createAccount } from './accounts.service';

export function registerAccountsCommands(program: Command): void {
  const usersCommand = program.command('users').description('Tài khoản / accounts');
  usersCommand
    .command('add <username>')
    .description(
      'Tạo tài khoản (vd. quản trị đầu tiên khi DOANKET_DEMO=0); mật khẩu lấy từ DOANKET_PASSWORD hoặc tự sinh.\n' +
        'Create an account (e.g. the first administrator); password from DOANKET_PASSWORD or generated.',
    )
    .requiredOption('--name <name>', 'họ tên hiển thị / display name')
    .option('--role <role>', `vai trò / role (${Role.options.join(', ')})`, 'system_admin')
    .option('--unit <code>', 'mã đơn vị được giao / unit code of the role')
    .action(async (username: string, options) => {
      const password = process.env.DOANKET_PASSWORD || generatePassword();
      const parsed = CreateUserRequest.safeParse({
        username,
        displayName: options.name,
        password,
        grants: [{ role: options.role, unitCode: options.unit ?? null }],
      });
      if (!parsed.success) {
        throw new Error(
          toFieldErrors(parsed.error.issues)
            .map((f) => `${f.path}: ${f.message} / ${f.messageEn}`)
            .join('\n'),
        );
      }
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const user = await createAccount({ db: database.db, ctx: systemContext(), input: parsed.data });
        console.log(`Đã tạo tài khoản / account created: ${user.username}`);
        if (!process.env.DOANKET_PASSWORD)
          console.log(`Mật khẩu tạm (đổi khi đăng nhập) / temporary password: ${password}`);
      } finally {
        await database.close();
      }
    });
}
