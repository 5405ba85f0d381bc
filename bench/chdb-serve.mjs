// Child process of bench/clickhouse.mjs: chdb behind the ClickHouse HTTP test server, so its memory is
// measured apart from the DuckDB import. Prints the URL, then serves until killed.
import { register } from 'tsx/esm/api';

register();
const { startChdbServer } = await import('../packages/core/test/helpers/chdb-server.ts');
const server = await startChdbServer();
process.stdout.write(`${server.url}\n`);
