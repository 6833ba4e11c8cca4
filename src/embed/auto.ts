// Auto-embed: scans the page for [data-claimline] elements (filled in by the embed work).
export {};
