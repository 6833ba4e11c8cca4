// Buttons that change the custom element's attributes, remove it and add it back.
const $ = (id) => document.getElementById(id);
const status = $("status");
const slot = $("slot");
let element = $("element");
const say = (text) => (status.textContent = text);
document.addEventListener("claimline:ready", (e) => say(`claimline:ready #${e.target.id} (${e.detail.chart})`));
document.addEventListener("claimline:error", (e) => say(`claimline:error #${e.target.id}: ${e.detail.error.message}`));
$("toggle-theme").addEventListener("click", () => {
  element.setAttribute("theme", element.getAttribute("theme") === "dark" ? "light" : "dark");
  say(`theme="${element.getAttribute("theme")}"`);
});
$("toggle-locale").addEventListener("click", () => {
  element.setAttribute("locale", element.getAttribute("locale") === "ru-RU" ? "en-GB" : "ru-RU");
  say(`locale="${element.getAttribute("locale")}"`);
});
$("switch-chart").addEventListener("click", () => {
  element.setAttribute("chart", element.getAttribute("chart") === "timeline" ? "promise-tracker" : "timeline");
});
$("remove").addEventListener("click", () => {
  element.remove();
  say("removed: the chart, its listeners and its observer are gone");
});
$("add").addEventListener("click", () => {
  if (element.isConnected) return;
  slot.appendChild(element);
});
