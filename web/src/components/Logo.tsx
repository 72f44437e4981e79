/** The app mark: a yellow star on a red disc (drawn, so it is centred on every font). */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false" style={{ flex: "none", display: "block" }}>
      <circle cx="16" cy="16" r="16" fill="#c62828" />
      <path d="M16 6.5l2.8 6.1 6.7.7-5 4.5 1.4 6.6L16 21l-5.9 3.4 1.4-6.6-5-4.5 6.7-.7z" fill="#ffd600" />
    </svg>
  );
}
