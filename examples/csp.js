// The JavaScript API under a strict policy.
addEventListener("load", () =>
  fetch("/examples/data/seeds.json")
    .then((r) => r.json())
    .then((data) => window.Claimline.timeline("#csp-api", data, { theme: "dark" })),
);
