// Shows the pym height messages the frames send (the sizing itself is claimline-frame.js's job).
const out = document.getElementById("heights");
const seen = {};
addEventListener("message", (e) => {
  if (typeof e.data !== "string" || !e.data.startsWith("pymxPYMx")) return;
  const [, id, type, value] = e.data.split("xPYMx");
  if (type !== "height") return;
  seen[id] = value;
  out.textContent = Object.entries(seen).map(([k, v]) => `${k}: ${v}px`).join(", ");
});
