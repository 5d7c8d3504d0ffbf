import { Command, Option } from 'commander';
import { loadConfig } from './lib/config';
import { registerAccountsCommands } from './modules/accounts/accounts.cli';
import { registerLedgerCommands } from './modules/funds/ledger.cli';
import { registerHouseholdsCommands } from './modules/households/households.cli';
import { registerReportCommands } from './modules/reports/reports.cli';
import { registerTeamsCommands } from './modules/teams/teams.cli';
import { registerUnitsCommands } from './modules/units/units.cli';
import { openConfiguredDatabase, startServer } from './server';

const program = new Command();
program
  .name('doanket')
  .description(
    'Đoàn Kết — công cụ dòng lệnh / command line.\n' +
      'Cấu hình như máy chủ / configured like the server: DATA_DIR (mặc định ./data) hoặc DATABASE_URL.',
  )
  .showHelpAfterError()
  .configureHelp({ showGlobalOptions: true });

program
  .command('serve')
  .alias('start')
  .description('Chạy máy chủ và giao diện web / serve the API and the web app (PORT, mặc định 3000)')
  .action(async () => {
    await startServer(loadConfig());
  });

program
  .command('migrate')
  .description('Cập nhật cấu trúc cơ sở dữ liệu / apply database migrations')
  .action(async () => {
    const database = await openConfiguredDatabase(loadConfig());
    await database.close();
    console.log('Đã cập nhật cơ sở dữ liệu / migrations applied');
  });

registerUnitsCommands(program);
registerAccountsCommands(program);
registerHouseholdsCommands(program);
registerTeamsCommands(program);
registerLedgerCommands(program);
registerReportCommands(program);

program.addOption(new Option('--no-color', 'không tô màu / no colours').hideHelp());

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
