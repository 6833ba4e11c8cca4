// Accessible tabs (arrow keys move between tabs) and a display:none box that can be revealed.
const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
function select(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
  }
  tab.focus();
}
for (const tab of tabs) {
  tab.addEventListener("click", () => select(tab));
  tab.addEventListener("keydown", (e) => {
    const i = tabs.indexOf(tab);
    if (e.key === "ArrowRight") select(tabs[(i + 1) % tabs.length]);
    if (e.key === "ArrowLeft") select(tabs[(i - 1 + tabs.length) % tabs.length]);
  });
}
const reveal = document.getElementById("reveal");
reveal.addEventListener("click", () => {
  const box = document.getElementById("box");
  const show = box.classList.contains("is-none");
  box.classList.toggle("is-none", !show);
  reveal.setAttribute("aria-expanded", String(show));
});
