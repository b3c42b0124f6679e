/**
 * The console message for a lazily loaded file that could not load. The usual cause, once the
 * files are served from a CDN or another origin, is a missing CORS header: module imports are
 * CORS requests, while the classic `<script src>` that loaded cookiegate.js is not, so the loader
 * runs and only its parts fail.
 */
export function loadError(file: string, error: unknown): string {
  // Chromium and Firefox name the URL in the error ("Failed to fetch dynamically imported
  // module: https://…"); WebKit does not, and then the message goes without it.
  let url = String(error).match(/\w+:\/\/\S+/)?.[0]
  return `Cookiegate: could not load ${file}${url ? ` (${url})` : ''}; from another origin (a CDN), its host must send CORS headers (Access-Control-Allow-Origin).`
}
