// The shape of every id the server hands out (platform/ids.ts makes them): a short prefix naming the kind, then
// 21 base36 characters, time first.
export const ID_PATTERN = '^[a-z]{2,5}_[0-9a-z]{21}$';
