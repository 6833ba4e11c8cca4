/**
 * Type tests, checked by `tsc --noEmit` (npm run typecheck): each
 * `@ts-expect-error` fails the check if the line below it compiles, so a
 * loosened type shows up as an error here.
 */
import { expectTypeOf } from "vitest";
import { checkOptionNames } from "../../src/model/optionNames.js";
import { renderToString, type DatasetInput, type RenderToStringOptions } from "../../src/server/index.js";

const data = { version: 1, events: [] } as const;

// Each chart name takes its own options, plus the output options.
expectTypeOf(renderToString("timeline", data, { width: 600, lanes: "kind", domain: ["2025-03", "2025-08"], format: "html" })).toEqualTypeOf<string>();
renderToString("promise-tracker", data, { asOf: "2025-08-16", sort: "overdue", format: "fragment" });
renderToString("figure-comparison", data, { axis: "log", zero: false, format: "svg" });
renderToString("timeline", data, { format: "html", assets: { css: "claimline-page.css", script: "claimline-pym.js" } });
renderToString("timeline", data, { format: "html", nonce: "r4nd0m" });
renderToString("timeline", JSON.stringify(data));

// @ts-expect-error a misspelt option
renderToString("timeline", data, { widht: 600 });
// @ts-expect-error a misspelt option
renderToString("timeline", data, { domian: ["2025-03", "2025-08"] });
// @ts-expect-error another chart's option
renderToString("promise-tracker", data, { lanes: "kind" });
// @ts-expect-error a value outside the option's keywords
renderToString("timeline", data, { lanes: "sideways" });
// @ts-expect-error an unknown chart
renderToString("pie", data);
// @ts-expect-error an unknown format
renderToString("timeline", data, { format: "png" });
// @ts-expect-error events must be a list
renderToString("timeline", { version: 1, events: "nope" });

expectTypeOf<RenderToStringOptions<"promise-tracker">>().toHaveProperty("sort");
expectTypeOf<RenderToStringOptions<"timeline">>().not.toHaveProperty("sort");
expectTypeOf<string>().toMatchTypeOf<DatasetInput>();

// checkOptionNames takes any options object.
checkOptionNames({ width: 1 }, ["width"], "timeline");
checkOptionNames(undefined, ["width"], "timeline");
