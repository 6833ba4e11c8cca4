// Logs the embed events on the page (not the console) and draws one chart through the global API.
const log = document.getElementById("log");
function note(text) {
  const li = document.createElement("li");
  li.textContent = text;
  log.appendChild(li);
}
document.addEventListener("claimline:ready", (e) => note(`claimline:ready #${e.target.id} (${e.detail.chart})`));
document.addEventListener("claimline:error", (e) => note(`claimline:error #${e.target.id}: ${e.detail.problems.map((p) => (p.path ? p.path + ": " : "") + p.message).join("; ")}`));
addEventListener("load", () => fetch("/examples/data/seeds.json")
  .then((r) => r.json())
  .then((data) => window.Claimline.timeline("#api-chart", data, { locale: "fr-FR" })));
