import { customType } from 'drizzle-orm/pg-core';

/** Binary data (photos); Drizzle has no built-in bytea column. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
