export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#c8102e" />
      <path fill="#ffcd00" d="M32 10l6.2 19.1H58L42 40.9l6.1 19.1L32 48.2 15.9 60 22 40.9 6 29.1h19.8z" />
    </svg>
  );
}
