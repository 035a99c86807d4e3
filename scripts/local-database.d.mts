export function localDatabasePort(env?: Record<string, string | undefined>): number;
export function localDatabaseUrl(env?: Record<string, string | undefined>): string;
export function migrationDatabaseUrl(env?: Record<string, string | undefined>): string;
