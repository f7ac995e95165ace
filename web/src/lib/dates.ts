/** A calendar day in China time (UTC+8, no daylight saving), as the server dates official records and payments. */
export const beijingDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
